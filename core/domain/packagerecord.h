#pragma once

#include "package.h"

#include <QString>

namespace topup {

// A package an account can buy, with its row id and display name.

struct PackageRecord final
{
    qint64 id = 0;
    QString name;
    Package package; // package.id is the engine's id: "P<row id>"
};

} // namespace topup
