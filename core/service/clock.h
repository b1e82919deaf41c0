#pragma once

#include "domain/instant.h"

#include <QDateTime>

namespace topup {

// Where "now" comes from: the wall clock, or a fixed instant (--now) for
// reproducible runs and screenshots. Only the service reads it.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

class WallClock final : public Clock
{
public:
    Instant now() const override { return Instant::fromMsecs(QDateTime::currentMSecsSinceEpoch()); }
};

class FixedClock final : public Clock
{
public:
    explicit FixedClock(Instant at) : m_at(at) {}
    Instant now() const override { return m_at; }

private:
    Instant m_at;
};

} // namespace topup
