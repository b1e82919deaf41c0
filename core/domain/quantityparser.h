#pragma once

#include "expected.h"

#include <QStringView>
#include <QtGlobal>

#include <initializer_list>

namespace topup {

struct QuantityUnit
{
    const char *name; // compared case-insensitively
    qint64 scale;     // how many base units one of these is
};

// SPEC §1 amount text: digits, optional '.' and up to 6 decimals, one optional
// space, a unit. Rounded half-up to whole base units; int64 overflow, sign and
// garbage are errors.
Expected<qint64> parseQuantity(QStringView text, std::initializer_list<QuantityUnit> units);

} // namespace topup
