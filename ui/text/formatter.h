#pragma once

#include "app/appsettings.h"
#include "domain/instant.h"
#include "domain/money.h"
#include "domain/yearmonth.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace topup {

class Service;

// The one formatter of values for people: dates and times in the account's
// zone, money, data and voice amounts, package names and lists, in the
// current language's QLocale (QLocale() — set when the language changes).
// What a reason, state or alert says is Wording's.
class Formatter final
{
    Q_DECLARE_TR_FUNCTIONS(topup::Formatter)

public:
    Formatter() = delete;

    // The signed-in account's zone (UTC when signed out or unknown) and currency.
    [[nodiscard]] static QTimeZone zoneOf(const Service &service);
    [[nodiscard]] static QString currencyOf(const Service &service);

    // "25 Nov 2026 09:00"
    [[nodiscard]] static QString dateTime(Instant at, const QTimeZone &zone);
    // "Wed 25 Nov 2026"
    [[nodiscard]] static QString date(QDate day);
    [[nodiscard]] static QString date(Instant at, const QTimeZone &zone);
    // "25 Nov"
    [[nodiscard]] static QString dayMonth(Instant at, const QTimeZone &zone);
    // "2027-06" → "June 2027"
    [[nodiscard]] static QString monthName(YearMonth month);

    // "4.50 EUR"; without a currency, the number alone in the language's form.
    [[nodiscard]] static QString money(Money amount, const QString &currency);
    // The number alone, as a person would type it back: "4.50".
    [[nodiscard]] static QString moneyNumber(Money amount);
    // A balance or a use, rounded: "800 MB", "1.5 GB", "4.66 GiB".
    [[nodiscard]] static QString data(qint64 bytes, DataUnits units);
    // "2 h 54 min", "1 min 30 s", "36 s"
    [[nodiscard]] static QString voice(qint64 seconds);
    // A package's name as shown: the catalog's names in the chosen unit.
    [[nodiscard]] static QString packageName(const QString &name, DataUnits units);

    // Names one after the other as the language lists them: "a, b" or "甲、乙".
    [[nodiscard]] static QString list(const QStringList &names);
};

} // namespace topup
