#include "outlooktext.h"

#include "seededworld.h"

#include <map>

namespace topup::test {
namespace {

QString describe(const std::optional<Instant> &at)
{
    return at ? at->toString() : QStringLiteral("never");
}

QString describe(const LimitUse &use)
{
    return QStringLiteral("%1: line %2c in %3, account %4c, caps %5 %6 %7")
        .arg(use.month.toString())
        .arg(use.lineSpend.cents())
        .arg(use.lineCount)
        .arg(use.accountSpend.cents())
        .arg(use.lineCap ? use.lineCap->cents() : -1)
        .arg(use.maxPerMonth ? *use.maxPerMonth : -1)
        .arg(use.accountCap ? use.accountCap->cents() : -1);
}

} // namespace

// Everything an outlook says, a line of text each.
QStringList describe(const Outlook &outlook)
{
    QStringList said{QStringLiteral("clock %1, horizon %2, %3 %4, cap %5, auto %6c, manual %7c")
                         .arg(outlook.clock.toString(), outlook.horizon.toString(), outlook.timezone, outlook.currency)
                         .arg(outlook.accountCap ? outlook.accountCap->cents() : -1)
                         .arg(outlook.accountAutoSpend.cents())
                         .arg(outlook.accountManualSpend.cents())};
    for (const LineOutlook &line : outlook.lines) {
        const LineRecord &record = line.line;
        said << QStringLiteral("line %1 '%2': %3 B, %4 s, rules v%5 %6, state %7, chains %8, retry %9")
                    .arg(record.id)
                    .arg(record.name)
                    .arg(record.dataBytes)
                    .arg(record.voiceSeconds)
                    .arg(record.rulesVersion)
                    .arg(record.policy ? (record.policy->enabled ? QStringLiteral("on") : QStringLiteral("off")) : QStringLiteral("none"))
                    .arg(int(record.progress.state))
                    .arg(record.progress.thresholdChains)
                    .arg(describe(record.nextThresholdRetry));
        said << QStringLiteral("  clock %1, horizon %2, complete %3, method removed %4, blocked by %5")
                    .arg(line.clock.toString(), line.horizon.toString(), line.complete.toString())
                    .arg(line.methodRemoved)
                    .arg(line.blockedReason ? reasonName(*line.blockedReason) : QStringLiteral("nothing"));
        for (const PreviewItem &item : line.topUps)
            said << QStringLiteral("  ") + test::describe(item);
        said << QStringLiteral("  period end %1 %2; forecast %3/day, runs out %4, below %5, %6 a day for %7 days, %8")
                    .arg(line.periodEnd.toString())
                    .arg(line.periodEndIsMonthly)
                    .arg(line.forecast.perDay)
                    .arg(describe(line.forecast.runOut), describe(line.forecast.thresholdAt))
                    .arg(line.forecast.allowancePerDay)
                    .arg(line.forecast.daysLeft)
                    .arg(line.forecast.runsOutBeforePeriodEnd);
        said << QStringLiteral("  this month ") + describe(line.thisMonth);
        for (const LimitUse &use : line.months)
            said << QStringLiteral("  month ") + describe(use);
        for (const LowFunds &low : line.lowFunds)
            said << QStringLiteral("  low funds M%1 %2c < %3c").arg(low.methodId).arg(low.funds.cents()).arg(low.needed.cents());
    }
    return said;
}

// The first line where `kept` and `fresh` differ, with both; empty when they say the same.
QString difference(const Outlook &kept, const Outlook &fresh)
{
    const QStringList a = describe(kept);
    const QStringList b = describe(fresh);
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QString x = i < a.size() ? a[i] : QStringLiteral("(nothing)");
        const QString y = i < b.size() ? b[i] : QStringLiteral("(nothing)");
        if (x != y)
            return QStringLiteral("line %1 of the outlook:\n  kept:  %2\n  fresh: %3").arg(i).arg(x, y);
    }
    return QString();
}

// The last 31 days of all the lines added up, as the dashboard's chart asks
// (the days the clock passed kept by AccountHistory), and as each line's own
// days add up (read whole every time).
QString outlooksDiffer(Service &keeping, Service &fresh)
{
    const Expected<Outlook> kept = keeping.outlook();
    const Expected<Outlook> made = fresh.outlook();
    if (!kept || !made)
        return QStringLiteral("an outlook failed: %1 / %2").arg(kept ? QString() : kept.error(), made ? QString() : made.error());
    return difference(*kept, *made);
}

QString usageDiffers(Service &service)
{
    const Expected<std::vector<UsagePoint>> all = service.dailyUsage(0, 31);
    const Expected<std::vector<LineRecord>> lines = service.historyLines();
    if (!all || !lines)
        return QStringLiteral("the usage could not be read");
    std::map<QString, std::pair<qint64, qint64>> added;
    for (const LineRecord &line : *lines) {
        const Expected<std::vector<UsagePoint>> days = service.dailyUsage(line.id, 31);
        if (!days)
            return days.error();
        for (const UsagePoint &day : *days) {
            added[day.label].first += day.dataBytes;
            added[day.label].second += day.voiceSeconds;
        }
    }
    QStringList a;
    QStringList b;
    for (const UsagePoint &day : *all)
        a << QStringLiteral("%1 %2 %3").arg(day.label).arg(day.dataBytes).arg(day.voiceSeconds);
    for (const auto &[label, sums] : added)
        b << QStringLiteral("%1 %2 %3").arg(label).arg(sums.first).arg(sums.second);
    return a == b ? QString() : QStringLiteral("all lines: %1\n  added up: %2").arg(a.join(QLatin1String(", ")), b.join(QLatin1String(", ")));
}


} // namespace topup::test
