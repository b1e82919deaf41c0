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
    [[nodiscard]] static QString data(qint64 bytes, DataUnits units);
    [[nodiscard]] static QString voice(qint64 seconds);
    [[nodiscard]] static QString money(Money amount, const QString &currency);
    [[nodiscard]] static QString dateTime(Instant at, const QTimeZone &zone);
    [[nodiscard]] static QString date(Instant at, const QTimeZone &zone);
    [[nodiscard]] static QString dayMonth(Instant at, const QTimeZone &zone);

private:
    Formatter() = delete;
};

} // namespace topup
