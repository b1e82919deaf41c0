#include "methodrecord.h"

#include <QStringList>

#include <algorithm>

namespace topup {
namespace {

QString baseLabel(const MethodRecord &method)
{
    if (method.kind == MethodKind::PayPal)
        return MethodRecord::tr("PayPal %1").arg(method.walletMasked);
    return MethodRecord::tr("%1 •••• %2").arg(method.brand, method.lastFour);
}

QString kindWord(MethodKind kind)
{
    switch (kind) {
    case MethodKind::CreditCard:
        return MethodRecord::tr("credit");
    case MethodKind::DebitCard:
        return MethodRecord::tr("debit");
    case MethodKind::PayPal:
        return MethodRecord::tr("wallet");
    }
    return {};
}

QString expiryWords(const std::optional<YearMonth> &expires)
{
    if (!expires)
        return MethodRecord::tr("no expiry");
    //: A card's expiry as printed on it, e.g. "exp. 09/31"
    return MethodRecord::tr("exp. %1/%2").arg(expires->month, 2, 10, QLatin1Char('0')).arg(expires->year % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

QString MethodRecord::label() const
{
    if (distinction.isEmpty())
        return baseLabel(*this);
    //: A payment method and what tells it apart from another that looks alike, e.g. "Visa •••• 1111 (debit)"
    return MethodRecord::tr("%1 (%2)").arg(baseLabel(*this), distinction);
}

void MethodRecord::tellApart(std::vector<MethodRecord> &methods)
{
    using Attribute = QString (*)(const MethodRecord &);
    const Attribute attributes[] = {
        [](const MethodRecord &m) { return kindWord(m.kind); },
        [](const MethodRecord &m) { return expiryWords(m.expires); },
        [](const MethodRecord &m) { return m.holder; },
    };
    for (MethodRecord &method : methods) {
        std::vector<const MethodRecord *> alike;
        for (const MethodRecord &other : methods) {
            if (&other != &method && baseLabel(other) == baseLabel(method))
                alike.push_back(&other);
        }
        // The words that narrow the look-alikes down, in this order, each
        // only when it tells some of those left apart.
        QStringList words;
        for (const Attribute attribute : attributes) {
            if (alike.empty())
                break;
            const QString mine = attribute(method);
            const auto same = [&](const MethodRecord *other) { return attribute(*other) == mine; };
            const auto kept = std::stable_partition(alike.begin(), alike.end(), same);
            if (kept == alike.end() || mine.isEmpty())
                continue;
            words << mine;
            alike.erase(kept, alike.end());
        }
        if (!alike.empty()) {
            int order = 1;
            for (const MethodRecord *other : alike)
                order += other->id < method.id ? 1 : 0;
            //: Payment methods alike in every way are numbered in the order they were added: "no. 2"
            words << MethodRecord::tr("no. %1").arg(order);
        }
        //: Separates what tells a payment method apart: "credit, exp. 09/31"
        method.distinction = words.join(MethodRecord::tr(", "));
    }
}

} // namespace topup
