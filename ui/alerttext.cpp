#include "alerttext.h"

#include "displayformat.h"

#include "domain/failedtopup.h"
#include "domain/lineoutlook.h"
#include "service/service.h"

#include <QDate>
#include <QLocale>

namespace topup {

AlertContext AlertContext::of(Service &service)
{
    AlertContext context;
    context.currency = DisplayFormat::currencyOf(service);
    if (const Expected<std::vector<MethodRecord>> methods = service.methods()) {
        for (const MethodRecord &method : *methods)
            context.methodLabels.insert(method.id, method.label());
    }
    return context;
}

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

QString AlertText::monthName(const QString &yearMonth)
{
    const QDate first = QDate::fromString(yearMonth + QStringLiteral("-01"), Qt::ISODate);
    //: QDate format of a month and its year, e.g. June 2027
    return first.isValid() ? QLocale().toString(first, tr("MMMM yyyy")) : yearMonth;
}

QString AlertText::headline(const AlertRow &alert, const AlertContext &context)
{
    const auto method = [&](qint64 id) { return context.methodLabels.value(id, tr("a removed method")); };
    const QString line = DisplayFormat::lineName(alert.lineName, alert.lineState);
    if (alert.kind == QLatin1String("topup_failed")) {
        const FailedTopUp failed = FailedTopUp::fromDetail(alert.methodId, alert.detail);
        const FailedTopUp::Charge &first = failed.charges.front();
        if (failed.charges.size() == 1)
            return tr("Top-up of %1 failed with %2: %3.").arg(line, method(first.methodId), DisplayFormat::reason(first.reason));
        const FailedTopUp::Charge &fallback = failed.charges.back();
        return tr("Top-up of %1 failed with %2 (%3) and with its fallback %4 (%5).")
            .arg(line, method(first.methodId), DisplayFormat::reason(first.reason), method(fallback.methodId),
                 DisplayFormat::reason(fallback.reason));
    }
    if (alert.kind == QLatin1String("topup_blocked"))
        return tr("Top-up of %1 was blocked: %2.").arg(line, DisplayFormat::reason(alert.detail));
    if (alert.kind == QLatin1String("threshold_suspended"))
        return tr("Auto top-up of %1 is suspended after four failed attempts.").arg(line);
    if (alert.kind == QLatin1String("card_expiring"))
        return tr("%1 expires at the end of %2.").arg(method(alert.methodId), monthName(alert.detail));
    if (alert.kind == QLatin1String("low_funds")) {
        if (const std::optional<LowFunds> low = LowFunds::fromDetail(alert.methodId, alert.detail))
            return tr("%1 had %2 left, less than an auto top-up it pays for costs (%3).")
                .arg(method(alert.methodId), DisplayFormat::money(low->funds, context.currency),
                     DisplayFormat::money(low->needed, context.currency));
    }
    return alert.detail.isEmpty() ? alert.kind : alert.detail;
}

QString AlertText::advice(const AlertRow &alert)
{
    if (alert.kind == QLatin1String("topup_failed"))
        return tr("It is retried within a day; after four failures auto top-up is suspended.");
    if (alert.kind == QLatin1String("topup_blocked"))
        return tr("No charge was made; auto top-up resumes on the 1st.");
    if (alert.kind == QLatin1String("threshold_suspended"))
        return tr("Deposit to its payment method or save its rules again to re-arm it.");
    if (alert.kind == QLatin1String("card_expiring"))
        return tr("Add a new card and choose it in the rules of the lines that use this one.");
    if (alert.kind == QLatin1String("low_funds"))
        return tr("Deposit funds to keep auto top-up going.");
    return {};
}

QString AlertText::describe(const AlertRow &alert, const AlertContext &context)
{
    const QString what = headline(alert, context);
    const QString todo = advice(alert);
    //: An alert: what happened, then what to do (Chinese joins them without a space)
    return todo.isEmpty() ? what : tr("%1 %2").arg(what, todo);
}

StateColor AlertText::severity(const AlertRow &alert)
{
    if (alert.kind == QLatin1String("topup_failed") || alert.kind == QLatin1String("threshold_suspended"))
        return StateColor::Error;
    return StateColor::Warning;
}

} // namespace topup
