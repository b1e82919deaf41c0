#pragma once

#include "advisorinput.h"
#include "domain/candidateresult.h"

#include "domain/expected.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace topup {

// What the advisor found: every candidate ranked, best first, and the
// line's current rules replayed the same way.
struct Advice final
{
    bool cancelled = false; // then nothing else is set
    CandidateResult current;
    std::vector<CandidateResult> ranking;

    // False: every candidate leaves the line without data or minutes for
    // some hours (the ranking still lists them, fewest hours first).
    bool anyKeepsServed() const noexcept { return !ranking.empty() && ranking.front().keepsServed(); }
};

// Which auto top-up rules would have cost least for how a line was really
// used: replays the line's usage over the window through the real engine
// under every candidate policy (CandidatePolicies) and ranks them by the
// hours the line went without data or minutes, then cost, then the number
// of top-ups, then the largest month's spend, then the attempts a cap
// blocked, then the order they were generated in. A candidate the caps
// block stays in the ranking, marked, with whatever the block cost it.
class Advisor final
{
    Q_DECLARE_TR_FUNCTIONS(Advisor)

public:
    // Called with how many candidates are done out of how many, about a
    // hundred times over a run and once at its end; on the advisor's thread.
    using Progress = std::function<void(int done, int total)>;

    // More candidates than this are refused rather than replayed for
    // minutes (README, "topup-sim advise"): about 2 s of one core over 90
    // days of hourly usage.
    static constexpr qint64 maxCandidates = 20'000;

    // Runs on the calling thread (a worker's, for the GUI). `cancel` is read
    // between candidates: when it turns true the run stops and returns an
    // Advice marked cancelled. An error: the input cannot be replayed (what
    // is wrong, in words), or a replay stopped (an amount would leave int64).
    [[nodiscard]] static Expected<Advice> run(const AdvisorInput &input, const std::atomic_bool *cancel = nullptr,
                                              const Progress &progress = {});

    // What makes the input unfit for a replay, if anything.
    [[nodiscard]] static std::optional<QString> inputProblem(const AdvisorInput &input);
    // The ranking's order: true when `a` is the better advice.
    [[nodiscard]] static bool ranksBefore(const CandidateResult &a, const CandidateResult &b) noexcept;

private:
    Advisor() = delete;
};

} // namespace topup
