#pragma once

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <charconv>
#include <optional>
#include <vector>

namespace topup::usagetriples {

// What a row of usage_recent (SamplesRow) and of usage_hours (HoursRow)
// hold: entries of usage in the order of their key (a sample's offset, an
// hour of the day), written as "key,bytes,seconds" with ';' between. These
// are the parts the two rows share; each says in its own words what is
// wrong with a text and which keys it may hold.

// Adds `entry` in the order of `Key`; an entry at a key already held is
// added to it. A catch-up adds in order: the end is where they go.
template <auto Key, typename Entry>
void add(std::vector<Entry> &entries, const Entry &entry)
{
    if (entries.empty() || entries.back().*Key < entry.*Key) {
        entries.push_back(entry);
        return;
    }
    const auto at = std::lower_bound(entries.begin(), entries.end(), entry,
                                     [](const Entry &held, const Entry &added) { return held.*Key < added.*Key; });
    if (at != entries.end() && (*at).*Key == entry.*Key) {
        at->dataBytes += entry.dataBytes;
        at->voiceSeconds += entry.voiceSeconds;
        return;
    }
    entries.insert(at, entry);
}

// The entries' text into `text` (what it held is replaced; its room is
// kept, so a save writing thousands of rows allocates it once).
template <auto Key, typename Entry>
void write(const std::vector<Entry> &entries, QByteArray &text)
{
    // At most 20 characters a number (the sign and 19 digits) and one
    // separator after each: written in place, then cut to what was written.
    constexpr qsizetype mostPerEntry = 3 * 21;
    text.resize(qsizetype(entries.size()) * mostPerEntry);
    char *const begin = text.data();
    char *const end = begin + text.size();
    char *at = begin;
    for (const Entry &entry : entries) {
        if (at != begin)
            *at++ = ';';
        at = std::to_chars(at, end, entry.*Key).ptr;
        *at++ = ',';
        at = std::to_chars(at, end, entry.dataBytes).ptr;
        *at++ = ',';
        at = std::to_chars(at, end, entry.voiceSeconds).ptr;
    }
    text.resize(at - begin);
}

// Reads `text`'s entries in order, handing each — its number from 1 and
// its three numbers — to `each`, which says what is wrong with it or
// nothing. What is wrong with the text: the first entry that is not three
// numbers (`malformed(index)`), a separator it ends with (`trailing()`), or
// what `each` said.
template <typename Each, typename Malformed, typename Trailing>
std::optional<QString> read(const QByteArray &text, Each each, Malformed malformed, Trailing trailing)
{
    const char *at = text.constData();
    const char *const end = at + text.size();
    int index = 0;
    while (at < end) {
        ++index;
        qint64 fields[3] = {0, 0, 0};
        for (int field = 0; field < 3; ++field) {
            const auto read = std::from_chars(at, end, fields[field]);
            const char expected = field < 2 ? ',' : ';';
            const bool ended = read.ptr == end && field == 2;
            if (read.ec != std::errc() || (!ended && (read.ptr == end || *read.ptr != expected)))
                return malformed(index);
            at = read.ptr + (ended ? 0 : 1);
        }
        if (std::optional<QString> wrong = each(index, fields[0], fields[1], fields[2]))
            return wrong;
        if (at == end && text.endsWith(';'))
            return trailing();
    }
    return std::nullopt;
}

} // namespace topup::usagetriples
