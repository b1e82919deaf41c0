#include "paymentchoices.h"

#include "service/service.h"

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

} // namespace topup
