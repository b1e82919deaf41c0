#include "paymentchoices.h"

#include "service/service.h"

#include <algorithm>

namespace topup {

std::optional<YearMonth> PaymentChoices::thisMonth(Service &service)
{
    const Expected<QDate> today = service.worldToday();
    if (!today)
        return std::nullopt;
    return YearMonth{today->year(), today->month()};
}

std::vector<MethodRecord> PaymentChoices::usable(Service &service)
{
    std::vector<MethodRecord> usable;
    const Expected<std::vector<MethodRecord>> methods = service.methods();
    const std::optional<YearMonth> month = thisMonth(service);
    if (!methods || !month)
        return usable;
    for (const MethodRecord &method : *methods) {
        if (!method.expiredBefore(*month))
            usable.push_back(method);
    }
    return usable;
}

std::vector<std::pair<QString, QString>> PaymentChoices::forRules(Service &service, const std::optional<Policy> &saved)
{
    std::vector<std::pair<QString, QString>> choices;
    const std::vector<MethodRecord> canPay = usable(service);
    QStringList kept;
    if (saved)
        kept << saved->method << saved->fallback;
    const Expected<std::vector<MethodRecord>> methods = service.methods();
    if (!methods)
        return choices;
    for (const MethodRecord &method : *methods) {
        if (std::any_of(canPay.cbegin(), canPay.cend(), [&method](const MethodRecord &m) { return m.id == method.id; }))
            choices.emplace_back(method.engineId(), method.label());
        else if (kept.contains(method.engineId()))
            //: A card the saved rules name, past its expiry month
            choices.emplace_back(method.engineId(), tr("%1 (expired)").arg(method.label()));
    }
    return choices;
}

std::vector<std::pair<qint64, QString>> PaymentChoices::every(Service &service)
{
    std::vector<std::pair<qint64, QString>> choices;
    if (const Expected<std::vector<MethodRecord>> methods = service.methods()) {
        for (const MethodRecord &method : *methods)
            choices.emplace_back(method.id, method.label());
    }
    return choices;
}

} // namespace topup
