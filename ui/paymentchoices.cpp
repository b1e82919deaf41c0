#include "paymentchoices.h"

#include "displayformat.h"
#include "service/service.h"

#include <QDateTime>

namespace topup {

YearMonth PaymentChoices::thisMonth(Service &service)
{
    const Expected<Instant> clock = service.worldClock();
    const QDate today = QDateTime::fromMSecsSinceEpoch(clock ? clock->msecs() : service.now().msecs(), DisplayFormat::zoneOf(service)).date();
    return YearMonth{today.year(), today.month()};
}

std::vector<MethodRecord> PaymentChoices::usable(Service &service)
{
    std::vector<MethodRecord> usable;
    const Expected<std::vector<MethodRecord>> methods = service.methods();
    if (!methods)
        return usable;
    const YearMonth month = thisMonth(service);
    for (const MethodRecord &method : *methods) {
        if (!method.expiredBefore(month))
            usable.push_back(method);
    }
    return usable;
}

} // namespace topup
