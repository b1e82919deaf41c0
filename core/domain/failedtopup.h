#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace topup {

// The charges of a failed top-up attempt (SPEC §7: the method, then the
// fallback at the same instant), as its alert keeps them: the first
// method is the alert's method_id and its reason the detail's first word;
// each further charge follows as "<method row id>:<reason>".
struct FailedTopUp final
{
    struct Charge final
    {
        qint64 methodId = 0;
        QString reason; // SPEC's reason name, e.g. "declined"
    };
    std::vector<Charge> charges;

    QString detail() const
    {
        QStringList words;
        for (std::size_t i = 0; i < charges.size(); ++i)
            words << (i == 0 ? charges[i].reason : QStringLiteral("%1:%2").arg(charges[i].methodId).arg(charges[i].reason));
        return words.join(QLatin1Char(' '));
    }

    // An alert row of kind topup_failed read back; a detail of one word (the
    // alerts written before the fallback was kept) is one charge.
    static FailedTopUp fromDetail(qint64 methodId, const QString &detail)
    {
        FailedTopUp failed;
        const QStringList words = detail.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (int i = 0; i < words.size(); ++i) {
            if (i == 0) {
                failed.charges.push_back(Charge{methodId, words[i]});
                continue;
            }
            const qsizetype colon = words[i].indexOf(QLatin1Char(':'));
            bool ok = false;
            const qint64 id = colon > 0 ? words[i].left(colon).toLongLong(&ok) : 0;
            failed.charges.push_back(Charge{ok ? id : 0, colon > 0 ? words[i].mid(colon + 1) : words[i]});
        }
        if (failed.charges.empty())
            failed.charges.push_back(Charge{methodId, QString()});
        return failed;
    }
};

} // namespace topup
