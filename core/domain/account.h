#pragma once

#include "money.h"

#include <QString>

#include <optional>

namespace topup {

// An account as the service shows it, and what a person types to make one.

struct Account final
{
    qint64 id = 0;
    QString login;
    QString currency;
    QString timezone;
    std::optional<Money> monthlyCap; // for the auto top-ups of all lines together
};

struct SignUpForm final
{
    QString login; // an e-mail address or a phone number in E.164
    QString password;
    QString currency = QStringLiteral("EUR");
    QString timezone = QStringLiteral("UTC");
    std::optional<Money> monthlyCap;
};

} // namespace topup
