#include "wording.h"

#include "formatter.h"

#include "domain/failedtopup.h"
#include "domain/lineoutlook.h"
#include "service/service.h"

namespace topup {

AlertContext AlertContext::of(Service &service)
{
    AlertContext context;
    context.currency = Formatter::currencyOf(service);
    if (const Expected<std::vector<MethodRecord>> methods = service.methods()) {
        for (const MethodRecord &method : *methods)
            context.methodLabels.insert(method.id, method.label());
    }
    return context;
}

QString Wording::reason(Reason reason)
{
    switch (reason) {
    case Reason::CardExpired:
        return tr("card expired");
    case Reason::Declined:
        return tr("declined by the bank");
    case Reason::GatewayError:
        return tr("payment gateway error");
    case Reason::InsufficientFunds:
        return tr("insufficient funds");
    case Reason::BudgetCap:
        return tr("line's monthly budget reached");
    case Reason::CountCap:
        return tr("line's top-ups per month reached");
    case Reason::AccountBudgetCap:
        return tr("account's monthly budget reached");
    }
    return {};
}

QString Wording::reason(const std::optional<Reason> &reason)
{
    return reason ? Wording::reason(*reason) : QString();
}

QString Wording::reason(const QString &name)
{
    const std::optional<Reason> known = parseReason(name);
    return known ? reason(*known) : name;
}

QString Wording::status(AttemptStatus status)
{
    switch (status) {
    case AttemptStatus::Succeeded:
        return tr("Paid");
    case AttemptStatus::Failed:
        return tr("Failed");
    case AttemptStatus::Blocked:
        return tr("Blocked");
    }
    return {};
}

QString Wording::trigger(TriggerKind trigger)
{
    switch (trigger) {
    case TriggerKind::Threshold:
        return tr("Threshold");
    case TriggerKind::Monthly:
        return tr("Monthly");
    case TriggerKind::Manual:
        return tr("Manual");
    case TriggerKind::Purchase:
        //: The charge that bought a line from the carrier's catalog
        return tr("Line bought");
    }
    return {};
}

QString Wording::thresholdState(ThresholdState state)
{
    switch (state) {
    case ThresholdState::Armed:
        return tr("armed");
    case ThresholdState::Retrying:
        return tr("retrying");
    case ThresholdState::Suspended:
        return tr("suspended");
    case ThresholdState::Blocked:
        return tr("blocked until the 1st");
    }
    return {};
}

QString Wording::lineName(const QString &name, LineState state)
{
    switch (state) {
    case LineState::Removed:
        //: A line that was removed, as History still names it
        return tr("%1 (removed)").arg(name);
    case LineState::Refused:
        //: A line whose purchase the provider refused, as History names it
        return tr("%1 (not bought)").arg(name);
    case LineState::Buying:
    case LineState::Active:
        break;
    }
    return name;
}

StateColor Wording::statusState(AttemptStatus status)
{
    switch (status) {
    case AttemptStatus::Succeeded:
        return StateColor::Ok;
    case AttemptStatus::Blocked:
        return StateColor::Warning;
    case AttemptStatus::Failed:
        return StateColor::Error;
    }
    return StateColor::Info;
}

QString Wording::headline(const AlertRow &alert, const AlertContext &context)
{
    const auto method = [&](qint64 id) { return context.methodLabels.value(id, tr("a removed method")); };
    const QString line = lineName(alert.lineName, alert.lineState);
    switch (alert.kind) {
    case AlertKind::TopUpFailed: {
        const FailedTopUp failed = FailedTopUp::fromDetail(alert.methodId, alert.detail);
        const FailedTopUp::Charge &first = failed.charges.front();
        if (failed.charges.size() == 1)
            return tr("Top-up of %1 failed with %2: %3.").arg(line, method(first.methodId), reason(first.reason));
        const FailedTopUp::Charge &fallback = failed.charges.back();
        return tr("Top-up of %1 failed with %2 (%3) and with its fallback %4 (%5).")
            .arg(line, method(first.methodId), reason(first.reason), method(fallback.methodId),
                 reason(fallback.reason));
    }
    case AlertKind::TopUpBlocked:
        return tr("Top-up of %1 was blocked: %2.").arg(line, reason(alert.detail));
    case AlertKind::ThresholdSuspended:
        return tr("Auto top-up of %1 is suspended after four failed attempts.").arg(line);
    case AlertKind::CardExpiring:
        return tr("%1 expires at the end of %2.").arg(method(alert.methodId), Formatter::monthName(alert.detail));
    case AlertKind::LowFunds:
        if (const std::optional<LowFunds> low = LowFunds::fromDetail(alert.methodId, alert.detail))
            return tr("%1 had %2 left, less than an auto top-up it pays for costs (%3).")
                .arg(method(alert.methodId), Formatter::money(low->funds, context.currency),
                     Formatter::money(low->needed, context.currency));
        break;
    }
    return alert.detail;
}

QString Wording::advice(const AlertRow &alert)
{
    switch (alert.kind) {
    case AlertKind::TopUpFailed:
        return tr("It is retried within a day; after four failures auto top-up is suspended.");
    case AlertKind::TopUpBlocked:
        return tr("No charge was made; auto top-up resumes on the 1st.");
    case AlertKind::ThresholdSuspended:
        return tr("Deposit to its payment method or save its rules again to re-arm it.");
    case AlertKind::CardExpiring:
        return tr("Add a new card and choose it in the rules of the lines that use this one.");
    case AlertKind::LowFunds:
        return tr("Deposit funds to keep auto top-up going.");
    }
    return {};
}

QString Wording::describe(const AlertRow &alert, const AlertContext &context)
{
    const QString what = headline(alert, context);
    const QString todo = advice(alert);
    //: An alert: what happened, then what to do (Chinese joins them without a space)
    return todo.isEmpty() ? what : tr("%1 %2").arg(what, todo);
}

StateColor Wording::severity(const AlertRow &alert)
{
    return alert.kind == AlertKind::TopUpFailed || alert.kind == AlertKind::ThresholdSuspended ? StateColor::Error : StateColor::Warning;
}

} // namespace topup
