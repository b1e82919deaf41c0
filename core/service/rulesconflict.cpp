#include "rulesconflict.h"

#include "domain/dataamount.h"
#include "domain/voiceamount.h"

#include <QDateTime>
#include <QTimeZone>

namespace topup {
namespace {

QString none()
{
    return RulesConflict::tr("none");
}

QString thresholdText(const std::optional<Policy> &policy)
{
    if (!policy || !policy->threshold)
        return none();
    const ThresholdTrigger &threshold = *policy->threshold;
    return threshold.resource == Resource::Data ? DataAmount(threshold.below).toString() : VoiceAmount(threshold.below).toString();
}

QString monthlyText(const std::optional<Policy> &policy)
{
    if (!policy || !policy->monthly)
        return none();
    const MonthlyTrigger &monthly = *policy->monthly;
    return RulesConflict::tr("day %1 at %2:%3")
        .arg(monthly.day)
        .arg(monthly.minuteOfDay / 60, 2, 10, QLatin1Char('0'))
        .arg(monthly.minuteOfDay % 60, 2, 10, QLatin1Char('0'));
}

QString capText(const std::optional<Policy> &policy)
{
    return policy && policy->monthlyCap ? policy->monthlyCap->toString() : none();
}

QString countText(const std::optional<Policy> &policy)
{
    return policy && policy->maxPerMonth ? QString::number(*policy->maxPerMonth) : none();
}

QString onText(const std::optional<Policy> &policy)
{
    return policy && policy->enabled ? RulesConflict::tr("on") : RulesConflict::tr("off");
}

} // namespace

QStringList RulesConflict::changes(const std::optional<Policy> &loaded, const std::optional<Policy> &now)
{
    QStringList changed;
    const auto part = [&](const QString &name, const QString &before, const QString &after) {
        if (before != after)
            changed << tr("%1 %2 → %3").arg(name, before, after);
    };
    part(tr("automatic top-ups"), onText(loaded), onText(now));
    part(tr("threshold"), thresholdText(loaded), thresholdText(now));
    part(tr("monthly top-up"), monthlyText(loaded), monthlyText(now));
    part(tr("monthly cap"), capText(loaded), capText(now));
    part(tr("top-ups a month at most"), countText(loaded), countText(now));
    // What the texts above do not show: named without figures.
    const auto packageOf = [](const std::optional<Policy> &policy, bool threshold) {
        if (!policy)
            return QString();
        if (threshold)
            return policy->threshold ? policy->threshold->package : QString();
        return policy->monthly ? policy->monthly->package : QString();
    };
    if (packageOf(loaded, true) != packageOf(now, true) || packageOf(loaded, false) != packageOf(now, false))
        changed << tr("the package bought");
    const QString method = loaded ? loaded->method : QString();
    const QString fallback = loaded ? loaded->fallback : QString();
    if (method != (now ? now->method : QString()) || fallback != (now ? now->fallback : QString()))
        changed << tr("the payment method");
    return changed;
}

Failure RulesConflict::refusal(const QString &lineName, const std::optional<Policy> &loaded, const std::optional<Policy> &now,
                               const std::optional<RulesAuthor> &by, const QString &zone)
{
    const QString changed = changes(loaded, now).join(QStringLiteral("; "));
    if (by) {
        // By the clock of the desktop that saved them, in the account's zone
        // (the zone named, as the two desktops may be in different ones).
        const QTimeZone timeZone(zone.toUtf8());
        const QString when = QDateTime::fromMSecsSinceEpoch(by->at.msecs(), timeZone.isValid() ? timeZone : QTimeZone::utc())
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        const QString zoneName = timeZone.isValid() ? zone : QStringLiteral("UTC");
        return Failure(tr("the rules of \"%1\" were changed elsewhere (%2) by %3 at %4 %5 (its clock) while you edited them; review them and save again")
                           .arg(lineName, changed, by->desktop, when, zoneName),
                       tr("The rules of “%1” were changed elsewhere (%2) by %3 at %4 %5 (by that desktop's clock) while you edited them. Review them and save again.")
                           .arg(lineName, changed, by->desktop, when, zoneName));
    }
    return Failure(tr("the rules of \"%1\" were changed elsewhere (%2) while you edited them; review them and save again").arg(lineName, changed),
                   tr("The rules of “%1” were changed elsewhere (%2) while you edited them. Review them and save again.").arg(lineName, changed));
}

} // namespace topup
