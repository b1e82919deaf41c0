#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace topup {

// An enum a row keeps by its name (a line's state, a method's kind, an
// attempt's trigger…). A name this version does not know — a damaged file,
// a later version's — is an error that names the row, the column and the
// name, never read as some default.
class StoredName final
{
    Q_DECLARE_TR_FUNCTIONS(topup::StoredName)

public:
    // "line 3 in the store has an unknown state "sold"", with its sentence.
    static Failure unknown(const char *table, qint64 id, const char *column, const QString &name);

    template<typename Enum>
    static Expected<Enum> read(const QString &name, std::optional<Enum> (*parse)(QStringView), const char *table, qint64 id,
                               const char *column)
    {
        if (const std::optional<Enum> value = parse(name))
            return *value;
        return Expected<Enum>::failure(unknown(table, id, column, name));
    }
};

} // namespace topup
