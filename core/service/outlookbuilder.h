#pragma once

#include "domain/expected.h"
#include "domain/historyrows.h"
#include "domain/lineoutlook.h"
#include "dryrun.h"
#include "outlookkeeper.h"
#include "store/linestore.h"

#include <QCoreApplication>
#include <QHash>

#include <map>
#include <vector>

namespace topup {

class Database;
class JournalGateway;
class RecentUsage;
class ZonedCalendar;

// Builds what the screens say about the lines (LineOutlook) from the store
// and one run of the engine on a copy of the world (DryRun): a fixed number
// of queries and one run for all the lines of an account, however many.
class OutlookBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(OutlookBuilder)

public:
    static constexpr int previewDaysMax = 366;

    OutlookBuilder(Database &store, JournalGateway &provider) : m_store(store), m_provider(provider) {}

    // Every line at the world's clock. The run reaches the later of 30 days
    // ahead and the end of the next local month, so each monthly trigger's
    // next occurrence is in it.
    // `narrow` (always in the product): lines on their own are drawn only
    // until their first top-ups are known (DryRun); off: every line to the
    // horizon, the reference the tests compare with.
    [[nodiscard]] Expected<Outlook> build(qint64 accountId, Instant clock, bool narrow = true);
    // What AccountOutlook keeps from one outlook to the next.
    struct Keeping final
    {
        OutlookKeeper &run;
        RecentUsage &recent;
        LineStore::ReadRules &rules;
        quint64 writes = 0; // AccountSession::writes()
        quint64 wideWrites = 0; // AccountSession::wideWrites(): what RecentUsage keeps holds for it
        OutlookKeeper::TouchedSince touchedSince; // AccountSession::touchedSince
    };
    // The same, the engine's run taken from `kept.run` when the one it keeps
    // still holds at `clock` (OutlookKeeper: after moves, and after writes
    // that touched only lines on their own, which run again alone), else
    // made and kept there — and the whole outlook kept there given again,
    // its renamed lines' names read again, while the clock stayed and the
    // writes since touched no input of the engine; the
    // lines' last 7 days of usage from `kept.recent`, which reads only the
    // days it does not keep; the rules parsed only where their JSON changed
    // (`kept.rules`); after writes that touched some lines, only those lines
    // (and the ones the engine moved since) read from the store, the others
    // taken from the world kept with the run (OutlookKeeper::linesToRead).
    // `ran` (when given) says whether the engine ran.
    [[nodiscard]] Expected<Outlook> build(qint64 accountId, Instant clock, bool narrow, const Keeping &kept, bool *ran = nullptr);
    // One line with `policy` in place of its rules, `days` (1–366) ahead.
    // `narrow`: the line runs alone when nothing ties it to the others (no
    // account cap; DryRun) — then `months` count the account's spend so far
    // and this line's ahead, not the other lines' ahead; off: every line,
    // drawn to the end.
    [[nodiscard]] Expected<LineOutlook> preview(qint64 accountId, qint64 lineId, const Policy &policy, Instant clock, int days,
                                                bool narrow = true);

    // Where the outlook's run ends, seen from `clock`.
    static Instant horizonFrom(Instant clock, const ZonedCalendar &calendar);

private:
    // What already happened, for every line at once.
    struct History final
    {
        QHash<qint64, LineMonthTotals> thisMonth;
        QHash<qint64, QString> blockedReason;
        QHash<qint64, std::vector<qint64>> lastDays; // data used on each of the last 7 full local days, oldest first
        Money accountAuto;
        Money accountManual;
    };

    // `lineId` (not 0): the recent days of that line only (the rest is for
    // every line). `recent` (when given): every line's recent days from it.
    // `monthSpend` (when given): this month's spend as the run's world read
    // it (LoadedWorld::monthSpend), not read again.
    // The latest blocked reasons of every line, kept from one outlook to
    // the next (OutlookKeeper::Read): `lines` (when given) are read again,
    // the others' taken from `reasons`; none: all read.
    struct KeptBlocked final
    {
        QHash<qint64, QString> reasons;
        std::optional<std::vector<qint64>> lines;
    };
    Expected<History> history(qint64 accountId, Instant clock, const ZonedCalendar &calendar, qint64 lineId = 0,
                              RecentUsage *recent = nullptr, quint64 writes = 0,
                              const std::vector<std::pair<YearMonth, LineMonthTotals>> *monthSpend = nullptr,
                              KeptBlocked *blocked = nullptr);
    // The run's attempts, by line and by month, each counted once for all the lines.
    struct Plan final
    {
        std::vector<std::vector<PreviewItem>> byLine;
        std::vector<std::vector<YearMonth>> monthOf; // the local month of each of byLine's items
        std::map<int, Money> accountByMonth; // month index → every line's paid auto top-ups
    };

    static Plan plan(const DryRun::Result &run);
    // The outlook from the run and what already happened.
    // `keeper`, `last`, `basis` (when given): the lines of `last` whose
    // inputs are the same are taken again (counted in `keeper`), and
    // `basis` says what this outlook's lines were built from.
    // `blocked` (when given): the latest blocked reasons kept (history), and
    // on return all those the outlook was built with.
    Expected<Outlook> assemble(const Account &account, const ZonedCalendar &calendar, Instant clock, Instant horizon,
                               const DryRun::Result &run, RecentUsage *recent = nullptr, quint64 writes = 0,
                               OutlookKeeper *keeper = nullptr, OutlookKeeper::Made *last = nullptr,
                               OutlookKeeper::Basis *basis = nullptr, KeptBlocked *blocked = nullptr);
    static OutlookKeeper::Basis basisOf(const LoadedWorld &loaded, YearMonth thisMonth);
    static std::vector<LowFunds> lowFundsOf(const LoadedWorld &loaded, const std::optional<Policy> &rules);
    // The account's spend in `outlook`'s months: this month's so far and every line's ahead.
    static void accountSpendOf(LineOutlook &outlook, const History &history, const Plan &plan);
    static bool sameSpend(const LimitUse &was, const LineMonthTotals &spent);
    // What a line's outlook reads at the clock from its balances and recent days.
    static Forecast forecastOf(const LineOutlook &outlook, const std::optional<Policy> &rules, const History &history);
    static std::optional<Reason> blockedReasonOf(const LineRecord &line, const History &history);
    static LineOutlook lineOutlook(const DryRun::Result &run, std::size_t index, const History &history, const Plan &plan,
                                   const ZonedCalendar &calendar, Instant clock, Instant horizon);

    Database &m_store;
    JournalGateway &m_provider;
};

} // namespace topup
