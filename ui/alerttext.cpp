#include "alerttext.h"

#include "displayformat.h"

#include "store/historystore.h"

namespace topup {

QString AlertText::reason(const QString &name)
{
    if (name == QLatin1String("card_expired"))
        return tr("the card has expired");
    if (name == QLatin1String("declined"))
        return tr("the payment was declined");
    if (name == QLatin1String("gateway_error"))
        return tr("the payment provider did not answer");
    if (name == QLatin1String("insufficient_funds"))
        return tr("not enough funds");
    if (name == QLatin1String("budget_cap"))
        return tr("the line's monthly cap is reached");
    if (name == QLatin1String("count_cap"))
        return tr("the line's top-ups per month are used up");
    if (name == QLatin1String("account_budget_cap"))
        return tr("the account's monthly cap is reached");
    return name;
}

QString AlertText::describe(const AlertRow &alert)
{
    if (alert.kind == QLatin1String("topup_failed"))
        return tr("%1: a top-up failed — %2.").arg(DisplayFormat::lineName(alert.lineName, alert.lineState), reason(alert.detail));
    if (alert.kind == QLatin1String("topup_blocked"))
        return tr("%1: a top-up was blocked — %2.").arg(DisplayFormat::lineName(alert.lineName, alert.lineState), reason(alert.detail));
    if (alert.kind == QLatin1String("threshold_suspended"))
        return tr("%1: auto top-up suspended after repeated failures.").arg(DisplayFormat::lineName(alert.lineName, alert.lineState));
    if (alert.kind == QLatin1String("card_expiring"))
        return tr("A card expires at the end of %1.").arg(alert.detail);
    if (alert.kind == QLatin1String("low_funds"))
        return tr("A payment method holds less than one of its auto top-ups costs; deposit funds.");
    return alert.detail.isEmpty() ? alert.kind : alert.detail;
}

StateColor AlertText::severity(const AlertRow &alert)
{
    if (alert.kind == QLatin1String("topup_failed") || alert.kind == QLatin1String("threshold_suspended"))
        return StateColor::Error;
    return StateColor::Warning;
}

} // namespace topup
