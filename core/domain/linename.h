#pragma once

#include "expected.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace topup {

// A line's name as a person types it: not empty, at most 60 characters once
// trimmed, and nothing invisible or that changes how text reads (PrintableText).
class LineName final
{
    Q_DECLARE_TR_FUNCTIONS(LineName)

public:
    LineName() = delete;
    static constexpr int maxLength = 60;

    // What is wrong with the name, as a message and as a sentence to show
    // under the field; none when it may be saved (trimmed).
    [[nodiscard]] static std::optional<Failure> problem(const QString &name);
};

} // namespace topup
