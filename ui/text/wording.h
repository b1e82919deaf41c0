#pragma once

#include "domain/attemptstatus.h"
#include "domain/lineprogress.h"
#include "domain/linerecord.h"
#include "domain/reason.h"
#include "domain/triggerkind.h"
#include "widgets/statecolors.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

namespace topup {

struct AlertRow;
class Service;

// What the words of an alert need besides its row: the names of the
// methods it may name and the account's currency.
struct AlertContext final
{
    QHash<qint64, QString> methodLabels;
    QString currency;

    static AlertContext of(Service &service);
};

// The one place that words what the core decided: each failure reason,
// status, trigger and threshold state, and each alert (the Alerts page, the
// dashboard and the tray share it), with how serious a status or an alert
// is. Values (dates, amounts, money) are Formatter's.
class Wording final
{
    Q_DECLARE_TR_FUNCTIONS(topup::Wording)

public:
    Wording() = delete;

    // "card expired", "line's monthly budget reached": fits a table cell and
    // a sentence ("… failed with Visa: card expired.").
    [[nodiscard]] static QString reason(Reason reason);
    // Empty for none (the attempt succeeded).
    [[nodiscard]] static QString reason(const std::optional<Reason> &reason);
    // A reason kept by name in an alert's detail; an unknown name as it is.
    [[nodiscard]] static QString reason(const QString &name);
    [[nodiscard]] static QString status(AttemptStatus status);
    [[nodiscard]] static QString trigger(TriggerKind trigger);
    [[nodiscard]] static QString thresholdState(ThresholdState state);
    // A line's name as History shows it: a removed or never bought line says so.
    [[nodiscard]] static QString lineName(const QString &name, LineState state);
    // The state a status stands for: succeeded ok, failed error, blocked warning.
    [[nodiscard]] static StateColor statusState(AttemptStatus status);

    // What happened, in one sentence (the dashboard's latest alerts, the tray).
    [[nodiscard]] static QString headline(const AlertRow &alert, const AlertContext &context);
    // What happened and what to do about it (the Alerts page).
    [[nodiscard]] static QString describe(const AlertRow &alert, const AlertContext &context);
    [[nodiscard]] static StateColor severity(const AlertRow &alert);

private:
    static QString advice(const AlertRow &alert);
};

} // namespace topup
