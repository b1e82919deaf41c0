#pragma once

#include "domain/instant.h"
#include "domain/linerecord.h"
#include "domain/money.h"
#include "statecolors.h"

#include <QCoreApplication>
#include <QDate>
#include <QIcon>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace topup {

class Service;

// How the pages show values: money, amounts and instants through the
// current QLocale, instants in the account's time zone, and the words and
// marks (icon and colour, never colour alone) of statuses and triggers.
class DisplayFormat final
{
    Q_DECLARE_TR_FUNCTIONS(topup::DisplayFormat)

public:
    DisplayFormat() = delete;

    // The signed-in account's zone (UTC when signed out or unknown).
    [[nodiscard]] static QTimeZone zoneOf(const Service &service);
    [[nodiscard]] static QString currencyOf(const Service &service);

    [[nodiscard]] static QString dateTime(Instant at, const QTimeZone &zone);
    [[nodiscard]] static QString date(QDate day);
    [[nodiscard]] static QString money(Money amount, const QString &currency);
    // The number alone, as a person would type it back: "4.50".
    [[nodiscard]] static QString moneyNumber(Money amount);
    [[nodiscard]] static QString voice(qint64 seconds);

    [[nodiscard]] static QString trigger(const QString &name);
    // A line's name as History shows it: a removed or never bought line says so.
    [[nodiscard]] static QString lineName(const QString &name, LineState state);
    [[nodiscard]] static QString status(const QString &name);
    [[nodiscard]] static QString reason(const QString &name);
    [[nodiscard]] static QString thresholdState(const QString &name);
    // A core message (lower case: it is also part of sentences) as a sentence on its own.
    [[nodiscard]] static QString sentence(QString message);
    // Names one after the other as the language lists them: "a, b" or "甲、乙".
    [[nodiscard]] static QString list(const QStringList &names);

    // The state a status stands for: succeeded ok, failed error, blocked warning.
    [[nodiscard]] static StateColor statusState(const QString &status);
    [[nodiscard]] static QIcon stateIcon(StateColor state);
};

} // namespace topup
