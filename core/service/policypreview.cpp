#include "policypreview.h"

#include "engine/engine.h"
#include "worldloader.h"
#include "worldsync.h"

#include <algorithm>

namespace topup {

Expected<std::vector<PreviewItem>> PolicyPreview::run(qint64 accountId, qint64 lineId, const Policy &policy,
                                                      Instant from, int days)
{
    using Result = Expected<std::vector<PreviewItem>>;
    if (days < 1 || days > 366)
        return Result::failure(tr("a preview covers 1 to 366 days (asked for %1)").arg(days));
    Expected<LoadedWorld> loaded = WorldLoader(m_store, m_provider).load(accountId, from.plusMsecs(1),
                                                                         from.plusMsecs(qint64(days) * WorldSync::stepMs));
    if (!loaded)
        return Result::failure(loaded.error());
    LoadedWorld account = loaded.take();
    World &world = account.world;
    const auto row = std::find(account.lineRows.begin(), account.lineRows.end(), lineId);
    if (row == account.lineRows.end())
        return Result::failure(tr("no such line"));
    const int index = int(row - account.lineRows.begin());
    // As a policy event would: new rules, armed, no pending retries.
    world.lines[std::size_t(index)].policy = policy;
    world.progress[std::size_t(index)].state = ThresholdState::Armed;
    world.retries.erase(std::remove_if(world.retries.begin(), world.retries.end(),
                                       [index](const PendingRetryState &r) { return r.line == index; }),
                        world.retries.end());
    world.recordUsage = false;
    Engine engine(world);
    const Outcome outcome = engine.run();
    if (outcome.error)
        return Result::failure(tr("the preview stops: %1").arg(outcome.error->message));
    std::vector<PreviewItem> items;
    for (const AttemptRecord &attempt : outcome.attempts) {
        if (attempt.line != index)
            continue;
        items.push_back(PreviewItem{attempt.at, triggerKindName(attempt.trigger),
                                    world.packages[std::size_t(attempt.package)].id,
                                    attempt.method >= 0 ? world.methods[std::size_t(attempt.method)].id : QString(),
                                    attempt.amount, attemptStatusName(attempt.status),
                                    attempt.reason ? reasonName(*attempt.reason) : QString()});
    }
    return items;
}

} // namespace topup
