#pragma once

#include "domain/methodrecord.h"
#include "domain/policy.h"
#include "domain/yearmonth.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace topup {

class Service;

// The payment methods a form may offer: a card past its expiry month (in
// the account's zone, at the world's clock) would only ever be refused, so
// it is left out.
class PaymentChoices final
{
    Q_DECLARE_TR_FUNCTIONS(PaymentChoices)

public:
    PaymentChoices() = delete;

    // The local month of the world's clock; none when it cannot be read.
    static std::optional<YearMonth> thisMonth(Service &service);
    // The account's methods that can still pay, in the service's order.
    static std::vector<MethodRecord> usable(Service &service);
    // What the rules form offers as "Pay with" and "If it fails" (engine id,
    // label): the usable methods, and those the saved rules name even when
    // expired, marked so, for the form to show the rules as they are.
    static std::vector<std::pair<QString, QString>> forRules(Service &service, const std::optional<Policy> &saved);
    // Every method of the account, expired ones too (row id, label): what
    // the Test tab may inject a fault into or charge by hand.
    static std::vector<std::pair<qint64, QString>> every(Service &service);
};

} // namespace topup
