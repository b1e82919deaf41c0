#include "outlookbuilder.h"

#include "forecast.h"
#include "outlookkeeper.h"
#include "recentusage.h"
#include "rules/lowfunds.h"
#include "rules/zonedcalendar.h"
#include "store/accountstore.h"
#include "store/historystore.h"
#include "worldloader.h"
#include "worldsync.h"

#include <QDate>
#include <QDateTime>

#include <algorithm>


namespace topup {
namespace {

constexpr int paceDays = RecentUsage::days;

QDate localDate(Instant at, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(at.msecs(), zone).date();
}

bool sameTopUps(const std::vector<PreviewItem> &a, const std::vector<PreviewItem> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const PreviewItem &x, const PreviewItem &y) {
        return x.at == y.at && x.trigger == y.trigger && x.package == y.package && x.method == y.method && x.amount == y.amount
            && x.status == y.status && x.reason == y.reason && x.key == y.key && x.attempt == y.attempt;
    });
}

} // namespace

OutlookBuilder::Plan OutlookBuilder::plan(const DryRun::Result &run)
{
    const World &world = run.loaded.world;
    const ZonedCalendar calendar(world.zone);
    Plan plan;
    plan.byLine.resize(world.lines.size());
    plan.monthOf.resize(world.lines.size());
    for (const AttemptRecord &attempt : run.outcome.attempts) {
        const YearMonth month = calendar.monthOf(attempt.at);
        plan.monthOf[std::size_t(attempt.line)].push_back(month);
        plan.byLine[std::size_t(attempt.line)].push_back(
            PreviewItem{attempt.at, attempt.trigger, world.packages[std::size_t(attempt.package)].id,
                        attempt.method >= 0 ? world.methods[std::size_t(attempt.method)].id : QString(), attempt.amount,
                        attempt.status, attempt.reason, attempt.key,
                        attempt.attempt});
        if (attempt.status == AttemptStatus::Succeeded && attempt.trigger != TriggerKind::Manual)
            plan.accountByMonth[month.index()] += attempt.amount;
    }
    return plan;
}

Instant OutlookBuilder::horizonFrom(Instant clock, const ZonedCalendar &calendar)
{
    const Instant monthAfterNext = calendar.monthStart(calendar.monthOf(clock).next().next());
    return std::max(clock.plusMsecs(30 * WorldSync::stepMs), monthAfterNext.plusMsecs(-1));
}

Expected<OutlookBuilder::History> OutlookBuilder::history(qint64 accountId, Instant clock, const ZonedCalendar &calendar,
                                                          qint64 lineId, RecentUsage *recent, quint64 writes,
                                                          const std::vector<std::pair<YearMonth, LineMonthTotals>> *monthSpend,
                                                          KeptBlocked *keptBlocked)
{
    History history;
    HistoryStore store(m_store);
    const YearMonth thisMonth = calendar.monthOf(clock);
    const QString month = thisMonth.toString();
    const auto add = [&history](const LineMonthTotals &line) {
        history.thisMonth.insert(line.lineId, line);
        history.accountAuto += line.autoSpend;
        history.accountManual += line.manualSpend;
    };
    if (monthSpend) {
        for (const auto &[spentIn, line] : *monthSpend) {
            if (spentIn == thisMonth)
                add(line);
        }
    } else {
        const Expected<std::vector<LineMonthTotals>> totals = store.monthTotals(accountId, month);
        if (!totals)
            return Expected<History>::failure(totals);
        for (const LineMonthTotals &line : *totals)
            add(line);
    }
    // A line's latest blocked attempt changes only with its attempts: the
    // reasons kept hold but for the lines read again (up to `fewLines`; more
    // read every line's at once, through the account's month).
    constexpr std::size_t fewLines = 256;
    const std::vector<qint64> *readAgain =
        keptBlocked && keptBlocked->lines && keptBlocked->lines->size() <= fewLines ? &*keptBlocked->lines : nullptr;
    if (readAgain) {
        history.blockedReason = std::move(keptBlocked->reasons);
        for (const qint64 line : *readAgain)
            history.blockedReason.remove(line);
    }
    const Expected<std::vector<std::pair<qint64, QString>>> blocked = store.latestBlocked(accountId, month, readAgain);
    if (!blocked)
        return Expected<History>::failure(blocked);
    for (const auto &[line, reason] : *blocked)
        history.blockedReason.insert(line, reason);
    // The last 7 full local days (a day without use counts as 0): today is still under way.
    const QDate today = localDate(clock, calendar.zone());
    if (recent) {
        Expected<RecentUsage::ByLine> kept = recent->lastDays(m_store, accountId, QString::fromUtf8(calendar.zone().id()), today, writes);
        if (!kept)
            return Expected<History>::failure(kept);
        history.lastDays = kept.take();
        return history;
    }
    const Expected<std::vector<std::pair<qint64, UsagePoint>>> days =
        store.dailyUsageOfLines(accountId, today.addDays(-paceDays).toString(Qt::ISODate), lineId);
    if (!days)
        return Expected<History>::failure(days);
    for (const auto &[line, day] : *days) {
        const qint64 back = QDate::fromString(day.label.left(10), Qt::ISODate).daysTo(today);
        if (back < 1 || back > paceDays)
            continue;
        std::vector<qint64> &recent = history.lastDays[line];
        recent.resize(paceDays, 0);
        recent[std::size_t(paceDays - back)] = day.dataBytes;
    }
    return history;
}

Forecast OutlookBuilder::forecastOf(const LineOutlook &outlook, const std::optional<Policy> &rules, const History &history)
{
    ForecastInput input;
    input.now = outlook.clock;
    input.remaining = outlook.line.dataBytes;
    if (rules && rules->enabled && rules->hasActiveThreshold() && rules->threshold->resource == Resource::Data)
        input.thresholdBelow = rules->threshold->below;
    input.periodEnd = outlook.periodEnd;
    input.recentDays = history.lastDays.value(outlook.line.id, std::vector<qint64>(paceDays, 0));
    return UsageForecast::compute(input);
}

std::optional<Reason> OutlookBuilder::blockedReasonOf(const LineRecord &line, const History &history)
{
    if (line.progress.state != ThresholdState::Blocked)
        return std::nullopt;
    return parseReason(history.blockedReason.value(line.id));
}

LineOutlook OutlookBuilder::lineOutlook(const DryRun::Result &run, std::size_t index, const History &history, const Plan &plan,
                                        const ZonedCalendar &calendar, Instant clock, Instant horizon)
{
    const LoadedWorld &loaded = run.loaded;
    const World &world = loaded.world;
    LineOutlook outlook;
    outlook.clock = clock;
    outlook.horizon = horizon;
    outlook.line = loaded.lineRecords[index];
    // The rules as the engine runs them: a policy whose method was removed cannot charge.
    const std::optional<Policy> &rules = world.lines[index].policy;
    const bool enabled = rules && rules->enabled;
    outlook.methodRemoved = outlook.line.policy && outlook.line.policy->enabled && !enabled;
    const qint64 lineId = outlook.line.id;
    outlook.blockedReason = blockedReasonOf(outlook.line, history);

    outlook.topUps = plan.byLine[index];
    outlook.complete = run.complete[index];

    // The refill the daily allowance counts to: the next paid monthly top-up, else the next month's start.
    const YearMonth thisMonth = calendar.monthOf(clock);
    outlook.periodEnd = calendar.monthStart(thisMonth.next());
    for (const PreviewItem &item : outlook.topUps) {
        if (item.trigger == TriggerKind::Monthly && item.paid()) {
            outlook.periodEnd = item.at;
            outlook.periodEndIsMonthly = true;
            break;
        }
    }
    outlook.forecast = forecastOf(outlook, rules, history);

    // The limits: this month so far, then every month the run reaches.
    LimitUse limits;
    limits.accountCap = world.accountCap;
    if (enabled) {
        limits.lineCap = rules->monthlyCap;
        limits.maxPerMonth = rules->maxPerMonth;
    }
    limits.month = thisMonth;
    const LineMonthTotals spent = history.thisMonth.value(lineId);
    limits.lineSpend = spent.autoSpend;
    limits.lineCount = spent.autoCount;
    limits.accountSpend = history.accountAuto;
    outlook.thisMonth = limits;
    const YearMonth lastMonth = calendar.monthOf(horizon);
    for (YearMonth month = thisMonth; !(lastMonth < month); month = month.next()) {
        LimitUse use = month == thisMonth ? outlook.thisMonth : LimitUse{month, {}, 0, {}, limits.lineCap, limits.maxPerMonth, limits.accountCap};
        if (const auto all = plan.accountByMonth.find(month.index()); all != plan.accountByMonth.end())
            use.accountSpend += all->second;
        outlook.months.push_back(use);
    }
    for (std::size_t i = 0; i < outlook.topUps.size(); ++i) {
        const PreviewItem &item = outlook.topUps[i];
        if (!item.paid())
            continue;
        const int month = plan.monthOf[index][i].index() - thisMonth.index();
        if (month >= 0 && std::size_t(month) < outlook.months.size()) {
            outlook.months[std::size_t(month)].lineSpend += item.amount;
            ++outlook.months[std::size_t(month)].lineCount;
        }
    }

    outlook.lowFunds = lowFundsOf(loaded, rules);
    return outlook;
}

std::vector<LowFunds> OutlookBuilder::lowFundsOf(const LoadedWorld &loaded, const std::optional<Policy> &rules)
{
    std::vector<LowFunds> found;
    if (!rules || !rules->enabled)
        return found;
    const World &world = loaded.world;
    for (const LowFundsFinding &low : lowFundsFor(*rules, world.packages, world.methods))
        found.push_back(LowFunds{loaded.methodRows[std::size_t(low.method)], world.methods[std::size_t(low.method)].funds, low.needed});
    return found;
}

void OutlookBuilder::accountSpendOf(LineOutlook &outlook, const History &history, const Plan &plan)
{
    const YearMonth thisMonth = outlook.thisMonth.month;
    outlook.thisMonth.accountSpend = history.accountAuto;
    for (LimitUse &use : outlook.months) {
        use.accountSpend = use.month == thisMonth ? history.accountAuto : Money();
        if (const auto all = plan.accountByMonth.find(use.month.index()); all != plan.accountByMonth.end())
            use.accountSpend += all->second;
    }
}

Expected<Outlook> OutlookBuilder::build(qint64 accountId, Instant clock, bool narrow)
{
    const Expected<Account> account = AccountStore(m_store, 1).account(accountId);
    if (!account)
        return Expected<Outlook>::failure(account);
    const ZonedCalendar calendar(QTimeZone(account->timezone.toUtf8()));
    const Instant horizon = horizonFrom(clock, calendar);
    const Expected<DryRun::Result> run = DryRun(m_store, m_provider, narrow).run(accountId, clock, horizon);
    if (!run)
        return Expected<Outlook>::failure(run);
    return assemble(*account, calendar, clock, horizon, *run);
}

Expected<Outlook> OutlookBuilder::build(qint64 accountId, Instant clock, bool narrow, const Keeping &kept, bool *ran)
{
    const Expected<Account> account = AccountStore(m_store, 1).account(accountId);
    if (!account)
        return Expected<Outlook>::failure(account);
    const ZonedCalendar calendar(QTimeZone(account->timezone.toUtf8()));
    const Instant horizon = horizonFrom(clock, calendar);
    OutlookKeeper &keeper = kept.run;
    const OutlookKeeper::Key key{accountId, kept.writes, horizon, narrow};
    std::vector<qint64> renamed;
    if (Outlook *same = keeper.keptOutlook(key, clock, kept.touchedSince, renamed)) {
        if (ran)
            *ran = false;
        for (const qint64 lineId : renamed) {
            const auto line = std::find_if(same->lines.begin(), same->lines.end(), [lineId](const LineOutlook &each) { return each.line.id == lineId; });
            if (line == same->lines.end())
                continue; // not the account's, or removed: nothing was renamed
            const Expected<LineRecord> record = LineStore(m_store).find(accountId, lineId);
            if (!record) {
                keeper.forget();
                return Expected<Outlook>::failure(record);
            }
            line->line.name = record->name;
        }
        return *same;
    }
    DryRun dryRun(m_store, m_provider, narrow, &kept.rules);
    // After writes that touched some lines, with no usage sample or month's
    // start since the world kept: those lines (and the ones the engine
    // moved since) read again, the rest taken from it (OutlookKeeper::linesToRead).
    std::optional<DryRun::Setup> setup;
    std::optional<KeptBlocked> blocked;
    if (const std::optional<Instant> keptAt = keeper.keptClock()) {
        std::optional<std::vector<qint64>> lines =
            keeper.linesToRead(key, clock, calendar.monthOf(keptAt->plusMsecs(1)), calendar.monthOf(clock.plusMsecs(1)), kept.touchedSince);
        std::optional<OutlookKeeper::Read> read = keeper.takeRead();
        if (lines && read) {
            Expected<LoadedWorld> part = WorldLoader(m_store, m_provider, &kept.rules).load(accountId, clock.plusMsecs(1), horizon, &*lines);
            if (!part) {
                keeper.forget();
                return Expected<Outlook>::failure(part);
            }
            if (WorldLoader::mergeLines(read->loaded, part.take(), *lines)) {
                Expected<DryRun::Setup> from = dryRun.setUpFrom(std::move(read->loaded));
                if (!from) {
                    keeper.forget();
                    return Expected<Outlook>::failure(from);
                }
                setup = from.take();
                blocked = KeptBlocked{std::move(read->blocked), std::move(*lines)};
            }
        }
    }
    const bool partial = blocked.has_value();
    const auto readWhole = [&]() -> Expected<void> {
        Expected<DryRun::Setup> prepared = dryRun.setUp(accountId, clock, horizon);
        if (!prepared)
            return Expected<void>::failure(prepared);
        setup = prepared.take();
        blocked.reset();
        return {};
    };
    if (!setup) {
        if (const Expected<void> done = readWhole(); !done)
            return Expected<Outlook>::failure(done);
    }
    // The outlook, taking again the last one's lines where they are the same;
    // kept with the world it was made on.
    const auto assembled = [&](DryRun::Result &run) {
        OutlookKeeper::Basis basis;
        KeptBlocked reasons;
        if (blocked)
            reasons = std::move(*blocked);
        const std::optional<std::size_t> read = reasons.lines ? std::optional<std::size_t>(reasons.lines->size()) : std::nullopt;
        Expected<Outlook> outlook = assemble(*account, calendar, clock, horizon, run, &kept.recent, kept.wideWrites, &keeper,
                                             keeper.lastOutlook(key), &basis, &reasons);
        if (outlook) {
            if (read)
                keeper.countRead(*read);
            keeper.keepOutlook(key, clock, *outlook, std::move(basis));
            keeper.keepRead(clock, OutlookKeeper::Read{std::move(run.loaded), std::move(reasons.reasons)});
        } else {
            keeper.forget();
        }
        return outlook;
    };
    if (std::optional<DryRun::Result> followed = keeper.follow(key, clock, *setup, kept.touchedSince)) {
        if (ran)
            *ran = false;
        return assembled(*followed);
    }
    // The whole run, on the world read whole.
    if (partial) {
        if (const Expected<void> done = readWhole(); !done) {
            keeper.forget();
            return Expected<Outlook>::failure(done);
        }
    }
    if (ran)
        *ran = true;
    Expected<DryRun::Result> run = DryRun::run(std::move(*setup));
    if (!run) {
        keeper.forget();
        return Expected<Outlook>::failure(run);
    }
    DryRun::Result made = run.take();
    keeper.keep(key, clock, made);
    return assembled(made);
}

Expected<Outlook> OutlookBuilder::assemble(const Account &account, const ZonedCalendar &calendar, Instant clock, Instant horizon,
                                           const DryRun::Result &run, RecentUsage *recent, quint64 writes, OutlookKeeper *keeper,
                                           OutlookKeeper::Made *last, OutlookKeeper::Basis *basis, KeptBlocked *blocked)
{
    // The run's world read the spend of the months from just after the
    // clock on: this month's when it starts in it (kept outlooks only, so
    // the tests' fresh outlooks read it apart and compare).
    const bool spendRead = recent && !run.narrowed && calendar.monthOf(run.loaded.world.start) == calendar.monthOf(clock);
    Expected<History> past = history(account.id, clock, calendar, 0, recent, writes, spendRead ? &run.loaded.monthSpend : nullptr, blocked);
    if (!past)
        return Expected<Outlook>::failure(past);
    Outlook outlook;
    outlook.clock = clock;
    outlook.horizon = horizon;
    outlook.timezone = account.timezone;
    outlook.currency = account.currency;
    outlook.accountCap = account.monthlyCap;
    outlook.accountAutoSpend = past->accountAuto;
    outlook.accountManualSpend = past->accountManual;
    const Plan planned = plan(run);
    const LoadedWorld &loaded = run.loaded;
    // The last outlook's lines are taken again where all they were built
    // from is the same: the bases (the local month, the account's cap, the
    // methods and packages listed, the packages' prices), and each line's
    // rules, top-ups ahead and spend this month. What moves with the clock,
    // the balances or the other lines is set again: the clock, the line as
    // saved, where its drawing stopped, why it is blocked, the forecast, the
    // account's spend (this month and ahead) and low funds (the methods'
    // funds).
    QHash<qint64, LineOutlook *> before;
    if (basis) {
        *basis = basisOf(loaded, calendar.monthOf(clock));
        if (last && last->basis == *basis && last->outlook.horizon == horizon && last->outlook.timezone == account.timezone) {
            before.reserve(qsizetype(last->outlook.lines.size()));
            for (LineOutlook &line : last->outlook.lines)
                before.insert(line.line.id, &line);
        }
    }
    int taken = 0;
    outlook.lines.reserve(loaded.lineRecords.size());
    for (std::size_t i = 0; i < loaded.lineRecords.size(); ++i) {
        const LineRecord &record = loaded.lineRecords[i];
        LineOutlook *was = before.value(record.id, nullptr);
        if (!was || !(was->line.policy == record.policy) || !sameTopUps(was->topUps, planned.byLine[i])
            || !sameSpend(was->thisMonth, past->thisMonth.value(record.id))) {
            outlook.lines.push_back(lineOutlook(run, i, *past, planned, calendar, clock, horizon));
            continue;
        }
        LineOutlook line = std::move(*was); // the last outlook is kept no more (keepOutlook)
        line.clock = clock;
        line.line = record;
        line.complete = run.complete[i];
        line.blockedReason = blockedReasonOf(record, *past);
        line.forecast = forecastOf(line, loaded.world.lines[i].policy, *past);
        line.lowFunds = lowFundsOf(loaded, loaded.world.lines[i].policy);
        accountSpendOf(line, *past, planned);
        outlook.lines.push_back(std::move(line));
        ++taken;
    }
    if (keeper)
        keeper->countTaken(taken);
    if (blocked)
        blocked->reasons = std::move(past->blockedReason);
    return outlook;
}

bool OutlookBuilder::sameSpend(const LimitUse &was, const LineMonthTotals &spent)
{
    return was.lineSpend == spent.autoSpend && was.lineCount == spent.autoCount;
}

OutlookKeeper::Basis OutlookBuilder::basisOf(const LoadedWorld &loaded, YearMonth thisMonth)
{
    const World &world = loaded.world;
    OutlookKeeper::Basis basis;
    basis.thisMonth = thisMonth.index();
    basis.accountCap = world.accountCap;
    basis.methodRows = loaded.methodRows;
    basis.packages.reserve(world.packages.size());
    for (const Package &package : world.packages)
        basis.packages.emplace_back(package.id, package.price);
    return basis;
}

Expected<LineOutlook> OutlookBuilder::preview(qint64 accountId, qint64 lineId, const Policy &policy, Instant clock, int days,
                                              bool narrow)
{
    if (days < 1 || days > previewDaysMax)
        return Expected<LineOutlook>::failure(tr("a preview covers 1 to %1 days (asked for %2)").arg(previewDaysMax).arg(days),
                                              tr("A preview covers 1 to %1 days (asked for %2).").arg(previewDaysMax).arg(days));
    const Instant horizon = clock.plusMsecs(qint64(days) * WorldSync::stepMs);
    const Expected<DryRun::Result> run = DryRun(m_store, m_provider, narrow).run(accountId, clock, horizon, DryRun::Candidate{lineId, policy});
    if (!run)
        return Expected<LineOutlook>::failure(run);
    const ZonedCalendar calendar(run->loaded.world.zone);
    const Expected<History> past = history(accountId, clock, calendar, lineId);
    if (!past)
        return Expected<LineOutlook>::failure(past);
    const auto row = std::find(run->loaded.lineRows.begin(), run->loaded.lineRows.end(), lineId);
    return lineOutlook(*run, std::size_t(row - run->loaded.lineRows.begin()), *past, plan(*run), calendar, clock, horizon);
}

} // namespace topup
