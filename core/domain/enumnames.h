#pragma once

#include <QString>

#include <initializer_list>
#include <optional>

namespace topup {

// The value among `all` that `nameOf` names `name`; none when no value has
// that name. The one reading of every stored or typed enum name, so a name
// this version does not know is never taken for some default.
template<typename Enum>
std::optional<Enum> enumNamed(QStringView name, std::initializer_list<Enum> all, QString (*nameOf)(Enum))
{
    for (const Enum value : all) {
        if (name == nameOf(value))
            return value;
    }
    return std::nullopt;
}

} // namespace topup
