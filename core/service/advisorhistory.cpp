#include "advisorhistory.h"

#include "advisor/worldwindow.h"
#include "domain/saturating.h"
#include "rules/zonedcalendar.h"
#include "store/accountstore.h"
#include "store/database.h"
#include "store/samplesrow.h"
#include "store/usagestore.h"
#include "store/linestore.h"
#include "store/methodstore.h"
#include "store/packagestore.h"
#include "store/statement.h"

#include <QTimeZone>

#include <algorithm>

namespace topup {
namespace {

// "2027-03" as a month; the store writes no other form.
YearMonth monthOf(const QString &text)
{
    return YearMonth{text.left(4).toInt(), text.mid(5, 2).toInt()};
}

// Only these count against the caps (SPEC §7.1: manual top-ups do not, nor
// does buying the line).
const char *const autoTriggers = "trigger IN ('threshold', 'monthly')";

} // namespace

Expected<AdvisorInput> AdvisorHistory::input(qint64 accountId, qint64 lineId, Instant clock, int days)
{
    const Expected<Account> account = AccountStore(m_store, 1).account(accountId);
    if (!account)
        return Expected<AdvisorInput>::failure(account);
    const Expected<std::vector<LineRecord>> lines = LineStore(m_store).list(accountId);
    if (!lines)
        return Expected<AdvisorInput>::failure(lines);
    const auto line = std::find_if(lines->begin(), lines->end(), [lineId](const LineRecord &record) { return record.id == lineId; });
    if (line == lines->end())
        return Expected<AdvisorInput>::failure(tr("this line is not one of the account's lines"),
                                               tr("This line is not one of the account's lines."));
    if (days < 1 || days > WorldWindow::maxDays)
        return Expected<AdvisorInput>::failure(tr("the number of days must be between 1 and %1 (got %2)").arg(WorldWindow::maxDays).arg(days),
                                               tr("The number of days must be between 1 and %1 (got %2).").arg(WorldWindow::maxDays).arg(days));

    AdvisorInput input;
    input.lineId = line->engineId();
    input.zone = QTimeZone(account->timezone.toUtf8());
    input.to = clock;
    input.from = WorldWindow::windowStart(Instant::earliest(), clock, days);
    input.accountCap = account->monthlyCap;
    if (line->policy) {
        input.current = *line->policy;
    } else {
        input.current.enabled = false;
    }

    // What the line's top-ups may buy: its region's packages.
    const Expected<std::vector<PackageRecord>> offered = LineStore(m_store).packagesOf(accountId, lineId);
    if (!offered)
        return Expected<AdvisorInput>::failure(offered);
    for (const PackageRecord &record : *offered)
        input.packages.push_back(record.package);
    // A package the saved rules buy that the region no longer offers is
    // replayed with them, never suggested.
    QStringList bought;
    if (input.current.threshold)
        bought << input.current.threshold->package;
    if (input.current.monthly)
        bought << input.current.monthly->package;
    const Expected<std::vector<PackageRecord>> all = PackageStore(m_store).list(accountId);
    if (!all)
        return Expected<AdvisorInput>::failure(all);
    for (const PackageRecord &record : *all) {
        const QString &id = record.package.id;
        const auto offeredAlready = [&id](const Package &package) { return package.id == id; };
        if (bought.contains(id) && std::none_of(input.packages.begin(), input.packages.end(), offeredAlready))
            input.currentOnly.push_back(record.package);
    }

    // The rules' method and fallback, with their funds now; rules without a
    // method are advised with the account's default one.
    const Expected<std::vector<MethodRecord>> methods = MethodStore(m_store, m_provider).list(accountId);
    if (!methods)
        return Expected<AdvisorInput>::failure(methods);
    if (input.current.method.isEmpty()) {
        const auto preferred = std::find_if(methods->begin(), methods->end(), [](const MethodRecord &record) { return record.isDefault; });
        if (preferred != methods->end())
            input.current.method = preferred->engineId();
        if (input.current.fallback == input.current.method)
            input.current.fallback.clear();
    }
    for (const MethodRecord &record : *methods) {
        if (input.current.paysWith(record.engineId()))
            input.methods.push_back(PaymentMethod{record.engineId(), record.kind, record.funds, record.expires, record.fundsKnown, record.atProvider});
    }

    // The hours, and what they add up to.
    // The hours that start in [from, clock], from the rows of the UTC days
    // that hold them (a line's day of hours a row, see HoursRow).
    const qint64 firstHour = SamplesRow::hourOf(input.from.msecs() - 1) + 1;
    const qint64 lastHour = SamplesRow::hourOf(clock.msecs());
    Statement hours(m_store, QStringLiteral("SELECT u.day, u.hours FROM usage_hours u"
                                            " JOIN lines l ON l.id = u.line_id WHERE l.account_id = ? AND u.line_id = ?"
                                            " AND u.day >= ? AND u.day <= ? ORDER BY u.day"));
    hours.bind(accountId).bind(lineId).bind(HoursRow::dayOf(firstHour)).bind(HoursRow::dayOf(lastHour));
    if (const Expected<void> ran = hours.run(); !ran)
        return Expected<AdvisorInput>::failure(ran);
    qint64 usedData = 0;
    qint64 usedVoice = 0;
    while (hours.next()) {
        const qint64 day = hours.integer(0);
        const Expected<HoursRow> row = UsageStore::readHours(m_store, lineId, day, hours.text(1).toLatin1());
        if (!row)
            return Expected<AdvisorInput>::failure(row);
        for (const HoursRow::Hour &hour : row->hours()) {
            const qint64 number = HoursRow::firstHourOf(day) + hour.hour;
            if (number < firstHour || number > lastHour)
                continue;
            input.usage.push_back(UsageHour{Instant::fromMsecs(SamplesRow::startOf(number)), hour.dataBytes, hour.voiceSeconds});
            usedData = saturatingAdd(usedData, hour.dataBytes);
            usedVoice = saturatingAdd(usedVoice, hour.voiceSeconds);
        }
    }

    // What the line had when the window began.
    Statement credited(m_store, QStringLiteral("SELECT coalesce(sum(p.data_bytes), 0), coalesce(sum(p.voice_seconds), 0)"
                                               " FROM attempts a JOIN packages p ON p.id = a.package_id"
                                               " WHERE a.account_id = ? AND a.line_id = ? AND a.status = 'succeeded' AND a.at_ms >= ?"));
    credited.bind(accountId).bind(lineId).bind(input.from.msecs());
    if (const Expected<void> ran = credited.run(); !ran || !credited.next())
        return ran ? Expected<AdvisorInput>::failure(tr("the line's top-ups could not be read"), tr("The line's top-ups could not be read.")) : Expected<AdvisorInput>::failure(ran);
    input.startDataBytes = std::max<qint64>(0, saturatingSub(saturatingAdd(line->dataBytes, usedData), credited.integer(0)));
    input.startVoiceSeconds = std::max<qint64>(0, saturatingSub(saturatingAdd(line->voiceSeconds, usedVoice), credited.integer(1)));

    // What the caps already count.
    const ZonedCalendar calendar(input.zone);
    const YearMonth firstMonth = calendar.monthOf(input.from);
    Statement own(m_store, QStringLiteral("SELECT coalesce(sum(amount_cents), 0), count(*) FROM attempts"
                                          " WHERE account_id = ? AND line_id = ? AND status = 'succeeded' AND %1"
                                          " AND month = ? AND at_ms < ?")
                               .arg(QLatin1String(autoTriggers)));
    own.bind(accountId).bind(lineId).bind(firstMonth.toString()).bind(input.from.msecs());
    if (const Expected<void> ran = own.run(); !ran || !own.next())
        return ran ? Expected<AdvisorInput>::failure(tr("the line's top-ups could not be read"), tr("The line's top-ups could not be read.")) : Expected<AdvisorInput>::failure(ran);
    if (own.integer(1) > 0)
        input.spentBefore.push_back(AdvisorMonthSpend{firstMonth, Money::fromCents(own.integer(0)), int(own.integer(1)), Money()});
    if (input.accountCap) {
        Statement others(m_store, QStringLiteral("SELECT month, sum(amount_cents) FROM attempts"
                                                 " WHERE account_id = ? AND line_id != ? AND status = 'succeeded' AND %1"
                                                 " AND month >= ? AND month <= ? GROUP BY month ORDER BY month")
                                      .arg(QLatin1String(autoTriggers)));
        others.bind(accountId).bind(lineId).bind(firstMonth.toString()).bind(calendar.monthOf(clock).toString());
        if (const Expected<void> ran = others.run(); !ran)
            return Expected<AdvisorInput>::failure(ran);
        while (others.next()) {
            const YearMonth month = monthOf(others.text(0));
            const Money spent = Money::fromCents(others.integer(1));
            if (!input.spentBefore.empty() && input.spentBefore.front().month == month)
                input.spentBefore.front().otherLinesAuto = spent;
            else
                input.spentBefore.push_back(AdvisorMonthSpend{month, Money(), 0, spent});
        }
    }
    return input;
}

} // namespace topup
