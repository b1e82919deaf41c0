#pragma once

#include "service/service.h"

#include <QCoreApplication>

#include <vector>

namespace topup {

// One line per local month of a policy preview: this line's auto spend
// against its cap, its count against the maximum, and the account's spend
// against the account cap; this month starts from what was already spent.
class CapSummary final
{
    Q_DECLARE_TR_FUNCTIONS(topup::CapSummary)

public:
    CapSummary() = delete;

    [[nodiscard]] static QString describe(Service &service, qint64 lineId, const Policy &policy,
                                          const std::vector<PreviewItem> &preview);
};

} // namespace topup
