#pragma once

#include "reason.h"

#include <QString>
#include <QStringList>

#include <optional>
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
        Reason reason = Reason::Declined;
    };
    std::vector<Charge> charges;

    QString detail() const
    {
        QStringList words;
        for (std::size_t i = 0; i < charges.size(); ++i) {
            const QString reason = reasonName(charges[i].reason);
            words << (i == 0 ? reason : QStringLiteral("%1:%2").arg(charges[i].methodId).arg(reason));
        }
        return words.join(QLatin1Char(' '));
    }

    // An alert row of kind topup_failed read back; a detail of one word (the
    // alerts written before the fallback was kept) is one charge. None when
    // a word is not a reason (or "<row id>:<reason>" after the first), or
    // there is none: the store reports such a detail, never shows it raw.
    static std::optional<FailedTopUp> fromDetail(qint64 methodId, const QString &detail)
    {
        FailedTopUp failed;
        const QStringList words = detail.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (int i = 0; i < words.size(); ++i) {
            qint64 id = methodId;
            QStringView reasonWord = words[i];
            if (i > 0) {
                const qsizetype colon = words[i].indexOf(QLatin1Char(':'));
                bool ok = false;
                id = colon > 0 ? QStringView(words[i]).left(colon).toLongLong(&ok) : 0;
                if (!ok || id <= 0)
                    return std::nullopt;
                reasonWord = QStringView(words[i]).mid(colon + 1);
            }
            const std::optional<Reason> reason = parseReason(reasonWord);
            if (!reason)
                return std::nullopt;
            failed.charges.push_back(Charge{id, *reason});
        }
        if (failed.charges.empty())
            return std::nullopt;
        return failed;
    }
};

} // namespace topup
