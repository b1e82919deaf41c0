#pragma once

#include "domain/lineoutlook.h"

#include <QCoreApplication>

#include <vector>

namespace topup {

// One line per local month of a policy preview, in words: this line's auto
// spend against its cap, its count against the maximum, and the account's
// spend against the account cap, as the core counted them (LimitUse).
class CapSummary final
{
    Q_DECLARE_TR_FUNCTIONS(topup::CapSummary)

public:
    CapSummary() = delete;

    [[nodiscard]] static QString describe(const std::vector<LimitUse> &months, const QString &currency);
};

} // namespace topup
