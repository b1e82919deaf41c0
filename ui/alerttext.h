#pragma once

#include "statecolors.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

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

// Alerts in words — the one wording the Alerts page, the dashboard and the
// tray share — failure reasons, and how serious each alert is.
class AlertText final
{
    Q_DECLARE_TR_FUNCTIONS(topup::AlertText)

public:
    // What happened, in one sentence (the dashboard's latest alerts, the tray).
    [[nodiscard]] static QString headline(const AlertRow &alert, const AlertContext &context);
    // What happened and what to do about it (the Alerts page).
    [[nodiscard]] static QString describe(const AlertRow &alert, const AlertContext &context);
    [[nodiscard]] static QString reason(const QString &reasonName);
    [[nodiscard]] static StateColor severity(const AlertRow &alert);
    // "2027-06" → "June 2027" in the current language.
    [[nodiscard]] static QString monthName(const QString &yearMonth);

private:
    AlertText() = delete;
    static QString advice(const AlertRow &alert);
};

} // namespace topup
