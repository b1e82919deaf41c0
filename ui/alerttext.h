#pragma once

#include "statecolors.h"

#include <QCoreApplication>
#include <QString>

namespace topup {

struct AlertRow;

// Alerts and failure reasons in words, and how serious each is.
class AlertText final
{
    Q_DECLARE_TR_FUNCTIONS(topup::AlertText)

public:
    [[nodiscard]] static QString describe(const AlertRow &alert);
    [[nodiscard]] static QString reason(const QString &reasonName);
    [[nodiscard]] static StateColor severity(const AlertRow &alert);

private:
    AlertText() = delete;
};

} // namespace topup
