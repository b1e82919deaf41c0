#pragma once

#include <QtGlobal>

#include <map>
#include <vector>

namespace topup {

// When each usage stream draws its next sample. The streams due at one
// instant come out in file order (their index). Streams on a shared grid
// (the desktop world's: every 5 minutes since the epoch) are due together,
// so they wait in one bucket per instant instead of a heap: no reordering
// per sample, and a bucket's storage is used again.
class StreamSchedule final
{
public:
    StreamSchedule() = default;
    Q_DISABLE_COPY_MOVE(StreamSchedule) // m_lastAdded points into m_buckets

    void add(qint64 at, int stream);
    bool empty() const noexcept { return m_buckets.empty(); }
    // The earliest instant a stream is due; only when not empty().
    qint64 nextDue() const noexcept { return m_buckets.begin()->first; }
    // The streams due at nextDue(), in ascending order, taken off the
    // schedule; valid until the next call.
    const std::vector<int> &takeNext();

private:
    std::map<qint64, std::vector<int>> m_buckets;
    // The bucket the last add() went to: the streams taken at one instant
    // are due again together, so most adds go to the same bucket.
    std::map<qint64, std::vector<int>>::iterator m_lastAdded = m_buckets.end();
    std::vector<int> m_taken;
    std::vector<std::vector<int>> m_spare;
};

} // namespace topup
