#include "storedname.h"

namespace topup {

QString StoredName::unknown(const char *table, qint64 id, const char *column, const QString &name)
{
    return tr("%1 %2 in the store has an unknown %3 \"%4\"").arg(QLatin1String(table)).arg(id).arg(QLatin1String(column), name.left(32));
}

} // namespace topup
