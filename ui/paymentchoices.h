#pragma once

#include "domain/methodrecord.h"
#include "domain/yearmonth.h"

#include <optional>
#include <vector>

namespace topup {

class Service;

// The payment methods a form may offer: a card past its expiry month (in
// the account's zone, at the world's clock) would only ever be refused, so
// it is left out.
class PaymentChoices final
{
public:
    PaymentChoices() = delete;

    // The local month of the world's clock; none when it cannot be read.
    static std::optional<YearMonth> thisMonth(Service &service);
    // The account's methods that can still pay, in the service's order.
    static std::vector<MethodRecord> usable(Service &service);
};

} // namespace topup
