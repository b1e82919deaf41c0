#pragma once

#include "appsettings.h"
#include "domain/instant.h"
#include "domain/money.h"

#include <QCoreApplication>
#include <QString>
#include <QTimeZone>

namespace topup {

// Amounts, money and times for people, in the current language's QLocale
// (QLocale() — set when the language changes) and the account's zone.
class Formatter final
{
    Q_DECLARE_TR_FUNCTIONS(topup::Formatter)

public:
    // A balance or a use, rounded: "800 MB", "1.5 GB", "4.66 GiB".
    [[nodiscard]] static QString data(qint64 bytes, DataUnits units);
    // A package's name as shown: the catalog's names in the chosen unit.
    [[nodiscard]] static QString packageName(const QString &name, DataUnits units);
    [[nodiscard]] static QString voice(qint64 seconds);
    [[nodiscard]] static QString money(Money amount, const QString &currency);
    [[nodiscard]] static QString dateTime(Instant at, const QTimeZone &zone);
    [[nodiscard]] static QString date(Instant at, const QTimeZone &zone);
    [[nodiscard]] static QString dayMonth(Instant at, const QTimeZone &zone);

private:
    Formatter() = delete;
};

} // namespace topup
