#pragma once

#include <QByteArray>
#include <QString>

#include <string_view>
#include <vector>

namespace topup {

// The ids of a scenario's lines found by their UTF-8 bytes, as they stand in
// the file: an open-addressed table with a hash of a few bytes, cheap for
// the short ids a scenario names on every event (std::unordered_map hashed
// every byte and divided, a tenth of the time of reading a file).
class IdIndex final
{
public:
    IdIndex() = default;
    explicit IdIndex(const std::vector<QString> &ids);

    // The id whose UTF-8 bytes are `utf8`, or nullptr.
    const QString *find(std::string_view utf8) const noexcept;

private:
    struct Entry final
    {
        QByteArray utf8;
        QString id;
    };

    static std::size_t hash(std::string_view utf8) noexcept;

    std::vector<Entry> m_entries;
    std::vector<int> m_slots; // index in m_entries, -1 empty; a power of two long
};

} // namespace topup
