#pragma once

#include <QByteArray>

#include <string_view>
#include <vector>

namespace topup {

// One strict pass over a scenario's bytes that tells whether the fast way of
// reading applies: the text is JSON that Qt's parser accepts too, all ASCII,
// without escapes, exponents, long numbers or deep nesting, with no key
// repeated in an object, and its root is an object whose "events" is an
// array. Anything else is read the slow, general way, which reports
// problems; this pass reports none, it only says "plain" or not.
class JsonScan final
{
public:
    struct Result final
    {
        bool plain = false;
        qsizetype eventsBegin = 0; // the root's "events" array, '[' .. one past ']'
        qsizetype eventsEnd = 0;
        std::vector<std::string_view> events; // each element's text, in order
    };

    [[nodiscard]] static Result scan(const QByteArray &json);
};

} // namespace topup
