#pragma once

#include "expected.h"
#include "yearmonth.h"

#include <QDate>
#include <QString>

namespace topup {

// "MM/YY" as printed on a card, also "MM / YY"; the year is 20YY. A card is
// valid through the last day of its expiry month, so the current month is
// still accepted and only earlier months are refused ("card expired").
[[nodiscard]] Expected<YearMonth> parseCardExpiry(QStringView text, YearMonth currentMonth);

// True when the last day of the expiry month falls within `days` days from
// today (today itself included). False for a card that has already expired:
// that is a different alert, not an "expiring soon" one.
[[nodiscard]] bool expiresWithin(YearMonth expiry, QDate today, int days);

} // namespace topup
