#include "streamschedule.h"

#include <algorithm>

namespace topup {

void StreamSchedule::add(qint64 at, int stream)
{
    if (m_lastAdded != m_buckets.end() && m_lastAdded->first == at) {
        m_lastAdded->second.push_back(stream);
        return;
    }
    auto bucket = m_buckets.find(at);
    if (bucket == m_buckets.end()) {
        std::vector<int> streams;
        if (!m_spare.empty()) {
            streams = std::move(m_spare.back());
            m_spare.pop_back();
        }
        bucket = m_buckets.emplace(at, std::move(streams)).first;
    }
    bucket->second.push_back(stream);
    m_lastAdded = bucket;
}

const std::vector<int> &StreamSchedule::takeNext()
{
    m_taken.clear();
    m_spare.push_back(std::move(m_taken));
    const auto first = m_buckets.begin();
    m_taken = std::move(first->second);
    if (m_lastAdded == first)
        m_lastAdded = m_buckets.end();
    m_buckets.erase(first);
    // Streams with other periods may have joined the bucket out of order.
    if (!std::is_sorted(m_taken.begin(), m_taken.end()))
        std::sort(m_taken.begin(), m_taken.end());
    return m_taken;
}

} // namespace topup
