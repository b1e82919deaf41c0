#include "idindex.h"

namespace topup {

IdIndex::IdIndex(const std::vector<QString> &ids)
{
    std::size_t size = 8;
    while (size < ids.size() * 4) // at most a quarter full: short probes
        size *= 2;
    m_slots.assign(size, -1);
    m_entries.reserve(ids.size());
    for (const QString &id : ids) {
        QByteArray utf8 = id.toUtf8();
        const std::string_view view(utf8.constData(), std::size_t(utf8.size()));
        if (find(view))
            continue;
        std::size_t slot = hash(view) & (size - 1);
        while (m_slots[slot] >= 0)
            slot = (slot + 1) & (size - 1);
        m_slots[slot] = int(m_entries.size());
        m_entries.push_back(Entry{std::move(utf8), id});
    }
}

std::size_t IdIndex::hash(std::string_view utf8) noexcept
{
    // The length and the first, middle and last two bytes: ids that differ
    // anywhere else only share a probe sequence.
    if (utf8.empty())
        return 0;
    const auto at = [utf8](std::size_t i) { return std::size_t(static_cast<unsigned char>(utf8[i])); };
    const std::size_t n = utf8.size();
    std::size_t h = n * 0x9E3779B97F4A7C15ULL;
    for (const std::size_t i : {std::size_t(0), n / 2, n - 2 < n ? n - 2 : 0, n - 1})
        h = (h ^ at(i)) * 0x100000001B3ULL;
    return h ^ (h >> 32);
}

const QString *IdIndex::find(std::string_view utf8) const noexcept
{
    if (m_slots.empty())
        return nullptr;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = hash(utf8) & mask;; slot = (slot + 1) & mask) {
        const int entry = m_slots[slot];
        if (entry < 0)
            return nullptr;
        const QByteArray &bytes = m_entries[std::size_t(entry)].utf8;
        if (std::string_view(bytes.constData(), std::size_t(bytes.size())) == utf8)
            return &m_entries[std::size_t(entry)].id;
    }
}

} // namespace topup
