#pragma once

#include "domain/expected.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>

namespace topup {

// Reads a scenario's bytes with a bound: a file (or a pipe, or /dev/zero)
// larger than maxBytes is refused after reading at most maxBytes + one chunk,
// never loaded whole (README, "Limits").
class ScenarioFile final
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioFile)

public:
    static constexpr qint64 maxBytes = qint64(16) << 20; // 16 MiB
    static constexpr qint64 chunkBytes = qint64(1) << 20;

    [[nodiscard]] static Expected<QByteArray> read(QIODevice &device, qint64 limit = maxBytes);

private:
    ScenarioFile() = delete;
};

} // namespace topup
