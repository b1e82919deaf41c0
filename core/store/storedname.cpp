#include "storedname.h"

namespace topup {

Failure StoredName::unknown(const char *table, qint64 id, const char *column, const QString &name)
{
    return Failure(tr("%1 %2 in the store has an unknown %3 \"%4\"").arg(QLatin1String(table)).arg(id).arg(QLatin1String(column), name.left(32)),
                   tr("The store holds a row this version cannot read (%1 %2, its %3 is \"%4\"): the file is damaged or was written by a newer"
                      " version. Open it with the version that wrote it, or move the data folder aside to start fresh.")
                       .arg(QLatin1String(table))
                       .arg(id)
                       .arg(QLatin1String(column), name.left(32)));
}

} // namespace topup
