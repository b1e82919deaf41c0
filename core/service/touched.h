#pragma once

#include <QtGlobal>

#include <algorithm>
#include <vector>

namespace topup {

// What one or more writes changed of what the outlook reads (AccountSession
// records it per write; OutlookKeeper follows it). A write that does not say
// is taken to have changed everything.
struct Touched final
{
    // The account's own settings (its cap, its zone), who acts, a method
    // added or removed, another program's change, or a write that did not say.
    bool everything = true;
    // Lines whose rows changed: rules, balances, progress, retries, a
    // top-up, a trigger re-armed; a line added or removed. The outlook
    // reads these again (OutlookKeeper::linesToRead).
    std::vector<qint64> lines;
    // Methods whose funds or queued faults changed: every line paying with
    // one (its method or fallback) may act otherwise (OutlookKeeper::follow),
    // but its row is as it was unless it is in `lines` too.
    std::vector<qint64> methods;
    // Lines whose name alone changed (no input of the engine).
    std::vector<qint64> renamed;

    static Touched all() { return Touched{}; }
    static Touched nothing() { return Touched{false, {}, {}, {}}; }
    static Touched ofLines(std::vector<qint64> lines, std::vector<qint64> methods = {})
    {
        return Touched{false, std::move(lines), std::move(methods), {}};
    }
    static Touched names(std::vector<qint64> lines) { return Touched{false, {}, {}, std::move(lines)}; }

    // No input of the engine changed (at most some names).
    bool engineUntouched() const noexcept { return !everything && lines.empty() && methods.empty(); }

    void add(const Touched &other)
    {
        everything = everything || other.everything;
        const auto merge = [](std::vector<qint64> &into, const std::vector<qint64> &from) {
            into.insert(into.end(), from.begin(), from.end());
            std::sort(into.begin(), into.end());
            into.erase(std::unique(into.begin(), into.end()), into.end());
        };
        merge(lines, other.lines);
        merge(methods, other.methods);
        merge(renamed, other.renamed);
    }
};

} // namespace topup
