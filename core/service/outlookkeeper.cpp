#include "outlookkeeper.h"

#include "domain/civil.h"
#include "partedrun.h"
#include "worldloader.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace topup {
namespace {

// The lines paying with a method `touched` names (their rules as loaded
// now: a line whose rules changed is itself touched), by their rows.
QSet<qint64> linesPaying(const Touched &touched, const LoadedWorld &loaded)
{
    QSet<qint64> lines;
    if (touched.methods.empty())
        return lines;
    const World &world = loaded.world;
    std::vector<QString> methods;
    for (std::size_t m = 0; m < loaded.methodRows.size(); ++m) {
        if (std::find(touched.methods.begin(), touched.methods.end(), loaded.methodRows[m]) != touched.methods.end())
            methods.push_back(world.methods[m].id);
    }
    for (std::size_t line = 0; line < world.lines.size(); ++line) {
        const std::optional<Policy> &policy = world.lines[line].policy;
        if (policy && std::any_of(methods.begin(), methods.end(), [&](const QString &id) { return policy->paysWith(id); }))
            lines.insert(loaded.lineRows[line]);
    }
    return lines;
}

} // namespace

std::optional<DryRun::Result> OutlookKeeper::follow(const Key &key, Instant clock, DryRun::Setup &setup, const TouchedSince &touchedSince)
{
    m_redrawn = 0;
    if (!m_kept || !m_kept->key.sameRun(key) || clock < m_kept->clock)
        return std::nullopt;
    Kept &kept = *m_kept;
    DryRun::Result &fresh = setup.result;
    const Touched touched = key.writes == kept.key.writes ? Touched::nothing() : touchedSince(kept.key.writes);
    if (touched.everything)
        return std::nullopt;
    // The same methods and packages in the same order (the attempts name
    // them by index), every line flagged.
    const std::vector<qint64> &rows = fresh.loaded.lineRows;
    if (fresh.loaded.methodRows != kept.methodRows || fresh.loaded.packageRows != kept.packageRows
        || fresh.cutShort.size() != rows.size())
        return std::nullopt;
    // The lines whose rows a write changed run again; those paying with a
    // method whose funds or faults changed need not when they are on their
    // own before and after (below).
    const QSet<qint64> written(touched.lines.begin(), touched.lines.end());
    const QSet<qint64> paying = linesPaying(touched, fresh.loaded);
    // Each kept line where it is now (-1: removed); the lines run again.
    QHash<qint64, int> now;
    now.reserve(qsizetype(rows.size()));
    for (std::size_t line = 0; line < rows.size(); ++line)
        now.insert(rows[line], int(line));
    std::vector<int> moved(kept.lineRows.size(), -1);
    std::vector<char> again(rows.size(), 1); // lines not kept (added) run again
    for (std::size_t line = 0; line < kept.lineRows.size(); ++line) {
        const qint64 row = kept.lineRows[line];
        const int to = now.value(row, -1);
        const bool touchedLine = written.contains(row);
        if (to < 0) {
            // Removed: it met no other line.
            if (!touchedLine || !kept.cutShort[line])
                return std::nullopt;
            continue;
        }
        moved[line] = to;
        if (touchedLine) {
            // On its own before the write and after it: it runs again alone.
            if (!kept.cutShort[line] || !fresh.cutShort[std::size_t(to)])
                return std::nullopt;
            continue;
        }
        // The same lines cut short (LineCoupling): else what ties them changed.
        if (kept.cutShort[line] != fresh.cutShort[std::size_t(to)])
            return std::nullopt;
        // A line paying with a method whose funds changed (a deposit, a
        // manual top-up) or a fault was queued at: on its own before and
        // after, every charge it makes pays whatever the funds (they hold
        // more than all the lines could take), so its run is the same; a
        // line tied to others may now pay or fail otherwise.
        if (!kept.cutShort[line] && paying.contains(row))
            return std::nullopt;
        // A line cut short is drawn at T' to its next top-ups, past what was
        // kept, once one of them fell in (T, T'] or T' reached where its
        // drawing stopped: such lines run again, alone (nothing ties them to
        // the others), from T'.
        again[std::size_t(to)] = kept.cutShort[line] && !(clock < kept.complete[line]);
    }
    for (const AttemptRecord &attempt : kept.attempts) {
        const int to = moved[std::size_t(attempt.line)];
        if (to >= 0 && !(clock < attempt.at) && kept.cutShort[std::size_t(attempt.line)])
            again[std::size_t(to)] = 1;
    }
    std::vector<char> wasKept(rows.size(), 0);
    for (const int to : moved) {
        if (to >= 0)
            wasKept[std::size_t(to)] = 1;
    }
    std::vector<int> redrawn;
    for (std::size_t line = 0; line < again.size(); ++line) {
        if (!again[line])
            continue;
        // A line added by a write, on its own.
        if (!wasKept[line] && (!written.contains(rows[line]) || !fresh.cutShort[line]))
            return std::nullopt;
        redrawn.push_back(int(line));
    }
    // A fault or deposit queued at the provider meets every line of its method.
    if (!redrawn.empty() && !setup.working.events.empty())
        return std::nullopt;
    std::vector<AttemptRecord> attempts;
    attempts.reserve(kept.attempts.size());
    for (AttemptRecord attempt : kept.attempts) {
        const int to = moved[std::size_t(attempt.line)];
        if (to >= 0 && clock < attempt.at && !again[std::size_t(to)]) {
            attempt.line = to;
            attempts.push_back(std::move(attempt));
        }
    }
    std::vector<Instant> complete(rows.size(), fresh.loaded.world.end);
    for (std::size_t line = 0; line < kept.lineRows.size(); ++line) {
        if (moved[line] >= 0)
            complete[std::size_t(moved[line])] = kept.complete[line];
    }
    if (!redrawn.empty()) {
        const World part = PartedRun::restrictedTo(setup.working, redrawn);
        PartedRun::Result run = PartedRun::run(part, std::vector<bool>(redrawn.size(), true));
        if (run.outcome.error)
            return std::nullopt; // the whole run says why
        for (AttemptRecord attempt : run.outcome.attempts) {
            attempt.line = redrawn[std::size_t(attempt.line)];
            attempts.push_back(std::move(attempt));
        }
        for (std::size_t i = 0; i < redrawn.size(); ++i)
            complete[std::size_t(redrawn[i])] = run.complete[i];
        // In the order of time; each line's own attempts keep theirs.
        std::stable_sort(attempts.begin(), attempts.end(), [](const AttemptRecord &x, const AttemptRecord &y) { return x.at < y.at; });
    }
    m_redrawn = int(redrawn.size());
    kept.key = key;
    kept.clock = clock;
    kept.lineRows = rows;
    kept.cutShort = fresh.cutShort;
    kept.complete = complete;
    kept.attempts = attempts;
    kept.read.reset(); // the outlook built from this run keeps its own
    fresh.outcome.attempts = std::move(attempts);
    fresh.complete = std::move(complete);
    return std::move(fresh);
}

void OutlookKeeper::keep(const Key &key, Instant clock, const DryRun::Result &run)
{
    m_redrawn = 0;
    if (run.cutShort.size() != run.loaded.lineRows.size() || run.narrowed) {
        m_kept.reset();
        return;
    }
    m_kept = Kept{key,
                  clock,
                  run.loaded.lineRows,
                  run.loaded.methodRows,
                  run.loaded.packageRows,
                  run.cutShort,
                  run.complete,
                  run.outcome.attempts,
                  std::nullopt};
}

void OutlookKeeper::keepRead(Instant clock, Read read)
{
    if (m_kept && m_kept->clock == clock)
        m_kept->read = std::move(read);
}

std::optional<OutlookKeeper::Read> OutlookKeeper::takeRead()
{
    if (!m_kept || !m_kept->read)
        return std::nullopt;
    std::optional<Read> read = std::move(m_kept->read);
    m_kept->read.reset();
    return read;
}

std::optional<std::vector<qint64>> OutlookKeeper::linesToRead(const Key &key, Instant clock, YearMonth monthAfterKept,
                                                              YearMonth monthAfterClock, const TouchedSince &touchedSince) const
{
    if (!m_kept || !m_kept->read || !m_kept->key.sameRun(key) || clock < m_kept->clock)
        return std::nullopt;
    const Kept &kept = *m_kept;
    const Touched touched = key.writes == kept.key.writes ? Touched::nothing() : touchedSince(kept.key.writes);
    if (touched.everything)
        return std::nullopt;
    // A usage sample (every line's balances) or a month's start (the
    // months the world reads its spend for) in between: everything.
    if (civil::floorDiv(kept.clock.msecs(), WorldLoader::usageEveryMs) != civil::floorDiv(clock.msecs(), WorldLoader::usageEveryMs)
        || !(monthAfterKept == monthAfterClock))
        return std::nullopt;
    std::vector<qint64> lines = touched.lines;
    lines.insert(lines.end(), touched.renamed.begin(), touched.renamed.end());
    for (const AttemptRecord &attempt : kept.attempts) {
        if (kept.clock < attempt.at && !(clock < attempt.at))
            lines.push_back(kept.lineRows[std::size_t(attempt.line)]);
    }
    for (std::size_t line = 0; line < kept.lineRows.size(); ++line) {
        if (kept.cutShort[line] && !(clock < kept.complete[line]))
            lines.push_back(kept.lineRows[line]);
    }
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    return lines;
}

void OutlookKeeper::keepOutlook(const Key &key, Instant clock, const Outlook &outlook, Basis basis)
{
    m_outlook = Made{key, clock, outlook, std::move(basis)};
}

Outlook *OutlookKeeper::keptOutlook(const Key &key, Instant clock, const TouchedSince &touchedSince, std::vector<qint64> &renamed)
{
    if (!m_outlook || !m_outlook->key.sameRun(key) || !(m_outlook->clock == clock))
        return nullptr;
    const Touched touched = key.writes == m_outlook->key.writes ? Touched::nothing() : touchedSince(m_outlook->key.writes);
    if (!touched.engineUntouched())
        return nullptr;
    renamed = touched.renamed;
    m_outlook->key = key;
    return &m_outlook->outlook;
}

} // namespace topup
