#include "capsummary.h"

#include "displayformat.h"
#include "rules/zonedcalendar.h"

#include <QLocale>

#include <map>

namespace topup {

QString CapSummary::describe(Service &service, qint64 lineId, const Policy &policy, const std::vector<PreviewItem> &preview)
{
    // Spend per local month against each cap: what this month already has,
    // plus what the preview would add.
    const QTimeZone zone = DisplayFormat::zoneOf(service);
    const QString currency = DisplayFormat::currencyOf(service);
    const ZonedCalendar calendar(zone);
    const Expected<Instant> clock = service.worldClock();
    const YearMonth thisMonth = calendar.monthOf(clock ? *clock : service.now());
    struct Spend
    {
        Money line;
        int count = 0;
        Money account;
    };
    std::map<int, Spend> months;
    Spend &current = months[thisMonth.index()];
    if (const Expected<MonthSpend> line = service.spendThisMonth(lineId))
        current.line = line->autoSpend;
    if (const Expected<MonthSpend> all = service.spendThisMonth(0))
        current.account = all->autoSpend;
    if (const Expected<std::vector<AttemptRow>> rows = service.attempts(1000, lineId)) {
        for (const AttemptRow &row : *rows) {
            if (calendar.monthOf(row.at) == thisMonth && row.status == QLatin1String("succeeded")
                && (row.trigger == QLatin1String("threshold") || row.trigger == QLatin1String("monthly")))
                ++current.count;
        }
    }
    for (const PreviewItem &item : preview) {
        if (item.status != QLatin1String("succeeded"))
            continue;
        Spend &month = months[calendar.monthOf(item.at).index()];
        month.line += item.amount;
        month.account += item.amount;
        ++month.count;
    }
    const std::optional<Money> accountCap = service.account() ? service.account()->monthlyCap : std::nullopt;
    QStringList lines;
    for (const auto &[index, spend] : months) {
        const YearMonth month = YearMonth::fromIndex(index);
        //: QDate format of a month and its year, e.g. June 2027
        const QString name = QLocale().toString(QDate(month.year, month.month, 1), tr("MMMM yyyy"));
        const QString lineCap = policy.monthlyCap ? tr("%1 of %2").arg(DisplayFormat::money(spend.line, currency),
                                                                       DisplayFormat::money(*policy.monthlyCap, currency))
                                                  : tr("%1, no cap").arg(DisplayFormat::money(spend.line, currency));
        const QString count = policy.maxPerMonth ? tr("top-ups %1 of %2").arg(spend.count).arg(*policy.maxPerMonth)
                                                 : tr("top-ups %1, no maximum").arg(spend.count);
        const QString account = accountCap ? tr("account %1 of %2").arg(DisplayFormat::money(spend.account, currency),
                                                                        DisplayFormat::money(*accountCap, currency))
                                           : tr("account %1, no cap").arg(DisplayFormat::money(spend.account, currency));
        //: Spend in one month against the caps: month, this line's spend, its count, the account's spend
        lines << tr("%1 — this line: %2 · %3 · %4").arg(name, lineCap, count, account);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace topup
