#include "policyerrors.h"

namespace topup {

QHash<QString, QString> PolicyErrors::byField(const QString &serviceError)
{
    // "policy.monthly.day: must be between 1 and 31 (got 32)": the path names the field.
    QHash<QString, QString> errors;
    for (const QString &line : serviceError.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1String(": "));
        QString path = colon > 0 ? line.left(colon) : QString();
        const bool named = path == QLatin1String("policy") || path.startsWith(QLatin1String("policy."));
        const QString message = named ? line.mid(colon + 2) : line;
        path = path.startsWith(QLatin1String("policy.")) ? path.mid(7) : QString();
        QString &slot = errors[path.isEmpty() ? QStringLiteral("policy") : path];
        slot = slot.isEmpty() ? message : slot + QLatin1Char('\n') + message;
    }
    return errors;
}

} // namespace topup
