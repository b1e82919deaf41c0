#include "service.h"

#include "catchupworker.h"
#include "engine/engine.h"
#include "manualtopup.h"
#include "rules/zonedcalendar.h"
#include "sim/journalgateway.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/statement.h"
#include "store/storeschema.h"
#include "worldfiles.h"
#include "worldloader.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimeZone>

namespace topup {
namespace {

template<typename T, typename U>
Expected<T> failed(const Expected<U> &what)
{
    return Expected<T>::failure(what.error());
}

} // namespace

Service::Service(std::unique_ptr<DataDirectory> directory, std::shared_ptr<Database> store,
                 std::unique_ptr<JournalGateway> provider, const Options &options)
    : m_dataDir(directory->path()), m_directory(std::move(directory)), m_store(std::move(store)),
      m_provider(std::move(provider)),
      m_clock(options.fixedNow ? std::unique_ptr<Clock>(new FixedClock(*options.fixedNow)) : std::make_unique<WallClock>()),
      m_iterations(options.passwordIterations), m_tokens(options.tokens)
{
}

Service::~Service() = default;

Expected<std::unique_ptr<Service>> Service::open(const Options &options)
{
    using Result = Expected<std::unique_ptr<Service>>;
    Expected<std::unique_ptr<DataDirectory>> directory = DataDirectory::claim(DataDirectory::resolve(options.dataDir));
    if (!directory)
        return Result::failure(directory.error());
    std::unique_ptr<DataDirectory> claimed = directory.take();
    // Both files, checked as a pair (WorldFiles); a new world when neither is there.
    Expected<WorldPair> world = WorldFiles::open(*claimed);
    if (!world)
        return Result::failure(world.error());
    WorldPair pair = world.take();

    std::unique_ptr<Service> service(new Service(std::move(claimed), pair.store, std::move(pair.journal), options));
    ChargeRecorder recorder(*service->m_store, *service->m_provider);
    const Expected<int> reconciled = recorder.reconcile();
    if (!reconciled)
        return Result::failure(reconciled.error());
    service->m_reconciled = *reconciled;
    return service;
}

Expected<qint64> Service::signedIn() const
{
    if (!m_account)
        return Expected<qint64>::failure(tr("sign in first"));
    return m_account->id;
}

template<typename Work>
auto Service::forAccount(Work &&work) -> decltype(work(qint64()))
{
    using Result = decltype(work(qint64()));
    if (!m_account)
        return Result::failure(tr("sign in first"));
    return work(m_account->id);
}

template<typename Work>
auto Service::forAccountAt(Work &&work) -> decltype(work(qint64(), Instant()))
{
    using Result = decltype(work(qint64(), Instant()));
    if (!m_account)
        return Result::failure(tr("sign in first"));
    const Expected<Instant> clock = worldClock();
    if (!clock)
        return Result::failure(clock.error());
    return work(m_account->id, *clock);
}

void Service::announceWorldChanged()
{
    emit clockChanged();
    emit linesChanged();
    emit historyChanged();
    emit alertsChanged();
    emit methodsChanged();
}

// ---- accounts

Expected<std::vector<Account>> Service::allAccounts()
{
    Statement select(*m_store, QStringLiteral("SELECT id FROM accounts ORDER BY id"));
    if (const auto ran = select.run(); !ran)
        return failed<std::vector<Account>>(ran);
    std::vector<Account> accounts;
    while (select.next()) {
        const Expected<Account> account = AccountStore(*m_store, m_iterations).account(select.integer(0));
        if (!account)
            return failed<std::vector<Account>>(account);
        accounts.push_back(*account);
    }
    return accounts;
}

Expected<bool> Service::actAs(qint64 accountId)
{
    const Expected<Account> account = AccountStore(*m_store, m_iterations).account(accountId);
    if (!account)
        return failed<bool>(account);
    m_account = *account;
    emit accountChanged();
    return true;
}

Expected<bool> Service::startClockAt(Instant at)
{
    const Expected<std::optional<Instant>> clock = WorldSync(*m_store, *m_provider).clock();
    if (!clock)
        return failed<bool>(clock);
    if (*clock && **clock != at)
        return Expected<bool>::failure(tr("the simulated clock of %1 has already started").arg(m_dataDir));
    return WorldSync(*m_store, *m_provider).startClock(at);
}

Expected<Account> Service::signUp(const SignUpForm &form, const QByteArray &fixedSalt)
{
    const Expected<Account> account = AccountStore(*m_store, m_iterations).signUp(form, now(), fixedSalt);
    if (account) {
        m_account = *account;
        emit accountChanged();
    }
    return account;
}

Expected<Account> Service::signIn(const QString &login, const QString &password)
{
    const Expected<Account> account = AccountStore(*m_store, m_iterations).signIn(login, password, now());
    if (account) {
        m_account = *account;
        emit accountChanged();
    }
    return account;
}

void Service::signOut()
{
    m_account.reset();
    emit accountChanged();
}

Expected<bool> Service::setAccountCap(std::optional<Money> cap)
{
    const Expected<qint64> id = signedIn();
    if (!id)
        return failed<bool>(id);
    const Expected<bool> done = AccountStore(*m_store, m_iterations).setMonthlyCap(*id, cap);
    if (done) {
        m_account->monthlyCap = cap;
        emit accountChanged();
    }
    return done;
}

// ---- the clock

Expected<Instant> Service::worldClock()
{
    const Expected<std::optional<Instant>> clock = WorldSync(*m_store, *m_provider).clock();
    if (!clock)
        return failed<Instant>(clock);
    return clock->value_or(now());
}

Expected<CatchUpSummary> Service::runTo(Instant target, const WorldSync::Progress &progress)
{
    const Expected<CatchUpSummary> summary = WorldSync(*m_store, *m_provider).catchUp(target, progress);
    if (summary)
        announceWorldChanged();
    return summary;
}

bool Service::startCatchUp(Instant target)
{
    if (m_busy)
        return false;
    m_busy = true;
    qRegisterMetaType<CatchUpSummary>();
    auto *thread = new QThread(this);
    auto *worker = new CatchUpWorker(m_directory->storePath(), m_directory->journalPath(), target);
    worker->moveToThread(thread);
    connect(thread, &QThread::started, worker, &CatchUpWorker::run);
    connect(worker, &CatchUpWorker::progress, this, &Service::catchUpProgress);
    connect(worker, &CatchUpWorker::finished, this, [this, thread](const CatchUpSummary &summary, const QString &error) {
        m_busy = false;
        if (error.isEmpty())
            announceWorldChanged();
        emit catchUpFinished(summary, error);
        thread->quit();
    });
    connect(worker, &CatchUpWorker::finished, worker, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return true;
}

Expected<bool> Service::startPlaying(qint64 simulatedMsPerSecond)
{
    if (simulatedMsPerSecond <= 0)
        return Expected<bool>::failure(tr("the speed must be more than zero"));
    if (simulatedMsPerSecond > 31LL * 24 * 3600 * 1000)
        return Expected<bool>::failure(tr("at most a month of simulated time per second"));
    constexpr int tickMs = 200;
    m_playStepMs = simulatedMsPerSecond * tickMs / 1000;
    if (m_playStepMs <= 0)
        m_playStepMs = 1;
    if (!m_player) {
        m_player = new QTimer(this);
        m_player->setInterval(tickMs);
        connect(m_player, &QTimer::timeout, this, [this] {
            if (m_busy)
                return; // a background catch-up owns the world for now
            const Expected<CatchUpSummary> step = advanceBy(m_playStepMs);
            if (!step) {
                stopPlaying();
                emit playStopped(step.error());
            }
        });
    }
    m_player->start();
    return true;
}

void Service::stopPlaying()
{
    if (m_player && m_player->isActive()) {
        m_player->stop();
        emit playStopped(QString());
    }
}

bool Service::isPlaying() const
{
    return m_player && m_player->isActive();
}

Expected<CatchUpSummary> Service::catchUpToNow(const WorldSync::Progress &progress)
{
    return runTo(now(), progress);
}

Expected<CatchUpSummary> Service::advanceBy(qint64 ms, const WorldSync::Progress &progress)
{
    if (ms <= 0)
        return Expected<CatchUpSummary>::failure(tr("the clock only moves forward"));
    const Expected<Instant> clock = worldClock();
    if (!clock)
        return failed<CatchUpSummary>(clock);
    return runTo(clock->plusMsecs(ms), progress);
}

Expected<bool> Service::settle()
{
    const Expected<Instant> clock = worldClock();
    if (!clock)
        return failed<bool>(clock);
    const Expected<CatchUpSummary> summary = runTo(clock->plusMsecs(1));
    if (!summary)
        return failed<bool>(summary);
    return true;
}

Expected<std::optional<Instant>> Service::advanceToNextEvent()
{
    using Result = Expected<std::optional<Instant>>;
    const Expected<qint64> id = signedIn();
    if (!id)
        return failed<std::optional<Instant>>(id);
    const Expected<Instant> clock = worldClock();
    if (!clock)
        return failed<std::optional<Instant>>(clock);
    Expected<LoadedWorld> loaded = WorldLoader(*m_store, *m_provider).load(*id, clock->plusMsecs(1), clock->plusMsecs(35 * WorldSync::stepMs));
    if (!loaded)
        return failed<std::optional<Instant>>(loaded);
    Engine dryRun(loaded->world); // its own in-memory gateway: nothing is charged
    const Outcome outcome = dryRun.run();
    if (outcome.attempts.empty())
        return Result(std::optional<Instant>());
    const Instant next = outcome.attempts.front().at;
    const Expected<CatchUpSummary> done = runTo(next);
    if (!done)
        return failed<std::optional<Instant>>(done);
    return Result(std::optional<Instant>(next));
}

// ---- lines and policies

Expected<std::vector<PackageRecord>> Service::packages()
{
    return forAccount([this](qint64 id) { return PackageStore(*m_store).list(id); });
}

Expected<std::vector<LineRecord>> Service::lines()
{
    return forAccount([this](qint64 id) { return LineStore(*m_store).list(id); });
}

Expected<LineRecord> Service::addLine(const LineForm &form)
{
    const Expected<LineRecord> line = forAccount([&](qint64 id) { return LineStore(*m_store).add(id, form); });
    if (line)
        emit linesChanged();
    return line;
}

Expected<bool> Service::renameLine(qint64 lineId, const QString &name)
{
    const Expected<bool> done = forAccount([&](qint64 id) { return LineStore(*m_store).rename(id, lineId, name); });
    if (done)
        emit linesChanged();
    return done;
}

Expected<bool> Service::removeLine(qint64 lineId)
{
    const Expected<bool> done = forAccount([&](qint64 id) { return LineStore(*m_store).remove(id, lineId); });
    if (done) {
        emit linesChanged();
        emit historyChanged();
    }
    return done;
}

Expected<bool> Service::setPolicy(qint64 lineId, const std::optional<Policy> &policy)
{
    const Expected<qint64> id = signedIn();
    if (!id)
        return failed<bool>(id);
    const Expected<bool> done = LineStore(*m_store).setPolicy(*id, lineId, policy);
    if (!done)
        return done;
    emit linesChanged();
    return settle(); // a line already below its new threshold tops up now
}

Expected<std::vector<PreviewItem>> Service::previewPolicy(qint64 lineId, const Policy &policy, int days)
{
    using Result = Expected<std::vector<PreviewItem>>;
    const Expected<qint64> id = signedIn();
    if (!id)
        return failed<std::vector<PreviewItem>>(id);
    if (const Expected<bool> valid = LineStore(*m_store).checkPolicy(*id, policy); !valid)
        return failed<std::vector<PreviewItem>>(valid);
    const Expected<Instant> clock = worldClock();
    if (!clock)
        return failed<std::vector<PreviewItem>>(clock);
    Expected<LoadedWorld> loaded = WorldLoader(*m_store, *m_provider)
                                       .load(*id, clock->plusMsecs(1), clock->plusMsecs(qint64(days) * WorldSync::stepMs));
    if (!loaded)
        return failed<std::vector<PreviewItem>>(loaded);
    LoadedWorld world = *loaded;
    int index = -1;
    for (std::size_t i = 0; i < world.lineRows.size(); ++i) {
        if (world.lineRows[i] == lineId)
            index = int(i);
    }
    if (index < 0)
        return Result::failure(tr("no such line"));
    // As a policy event would: new rules, armed, no pending retries.
    world.world.lines[std::size_t(index)].policy = policy;
    world.world.progress[std::size_t(index)].state = ThresholdState::Armed;
    world.world.retries.erase(std::remove_if(world.world.retries.begin(), world.world.retries.end(),
                                             [index](const PendingRetryState &r) { return r.line == index; }),
                              world.world.retries.end());
    world.world.recordUsage = false;
    Engine engine(world.world); // on a copy, with an in-memory provider
    const Outcome outcome = engine.run();
    std::vector<PreviewItem> items;
    for (const AttemptRecord &attempt : outcome.attempts) {
        if (attempt.line != index)
            continue;
        items.push_back(PreviewItem{attempt.at, triggerKindName(attempt.trigger),
                                    world.world.packages[std::size_t(attempt.package)].id,
                                    attempt.method >= 0 ? world.world.methods[std::size_t(attempt.method)].id : QString(),
                                    attempt.amount, attemptStatusName(attempt.status),
                                    attempt.reason ? reasonName(*attempt.reason) : QString()});
    }
    return items;
}

// ---- payment methods

Expected<std::vector<MethodRecord>> Service::methods()
{
    return forAccount([this](qint64 id) { return MethodStore(*m_store, *m_provider, m_tokens).list(id); });
}

Expected<MethodRecord> Service::addCard(const CardForm &form)
{
    const Expected<MethodRecord> method = forAccountAt([&](qint64 id, Instant clock) {
        const ZonedCalendar calendar(QTimeZone(m_account->timezone.toUtf8()));
        return MethodStore(*m_store, *m_provider, m_tokens).addCard(id, form, clock, calendar);
    });
    if (method)
        emit methodsChanged();
    return method;
}

Expected<MethodRecord> Service::addWallet(const WalletForm &form)
{
    const Expected<MethodRecord> method = forAccountAt([&](qint64 id, Instant clock) {
        return MethodStore(*m_store, *m_provider, m_tokens).addWallet(id, form, clock);
    });
    if (method)
        emit methodsChanged();
    return method;
}

Expected<bool> Service::deposit(qint64 methodId, Money amount)
{
    const Expected<qint64> id = signedIn();
    if (!id)
        return failed<bool>(id);
    const Expected<Instant> clock = worldClock();
    if (!clock)
        return failed<bool>(clock);
    if (const Expected<bool> done = MethodStore(*m_store, *m_provider, m_tokens).deposit(*id, methodId, amount, *clock); !done)
        return done;
    // SPEC §3: a deposit re-arms every suspended trigger whose policy names the method.
    const Expected<bool> rearmed = m_store->write([&]() -> Expected<bool> {
        Statement update(*m_store, QStringLiteral("UPDATE lines SET threshold_state = 'armed' WHERE account_id = ?"
                                                  " AND threshold_state = 'suspended' AND (json_extract(policy_json, '$.method') = ?"
                                                  " OR json_extract(policy_json, '$.fallback') = ?)"));
        const QString engineId = QStringLiteral("M%1").arg(methodId);
        update.bind(*id).bind(engineId).bind(engineId);
        return update.run();
    });
    if (!rearmed)
        return rearmed;
    emit methodsChanged();
    return settle();
}

Expected<bool> Service::setDefaultMethod(qint64 methodId)
{
    const Expected<bool> done = forAccount([&](qint64 id) { return MethodStore(*m_store, *m_provider, m_tokens).setDefault(id, methodId); });
    if (done)
        emit methodsChanged();
    return done;
}

Expected<bool> Service::removeMethod(qint64 methodId)
{
    const Expected<bool> done = forAccount([&](qint64 id) { return MethodStore(*m_store, *m_provider, m_tokens).remove(id, methodId); });
    if (done)
        emit methodsChanged();
    return done;
}

// ---- trying the rules out

Expected<ChargeAnswer> Service::manualTopUp(qint64 lineId, qint64 packageId, qint64 methodId)
{
    const Expected<qint64> id = signedIn();
    if (!id)
        return failed<ChargeAnswer>(id);
    const Expected<Instant> clock = worldClock();
    if (!clock)
        return failed<ChargeAnswer>(clock);
    if (const Expected<MethodRecord> method = MethodStore(*m_store, *m_provider, m_tokens).find(*id, methodId); !method)
        return failed<ChargeAnswer>(method);
    ChargeRecorder recorder(*m_store, *m_provider);
    const ZonedCalendar calendar(QTimeZone(m_account->timezone.toUtf8()));
    const Expected<ChargeAnswer> answer = ManualTopUp(*m_store, recorder).run(*id, lineId, methodId, packageId, *clock, calendar);
    if (answer)
        (void)settle();
    return answer;
}

Expected<bool> Service::injectFault(qint64 methodId, const std::vector<Reason> &reasons)
{
    const Expected<qint64> id = signedIn();
    if (!id)
        return failed<bool>(id);
    if (reasons.empty())
        return Expected<bool>::failure(tr("choose at least one failure to inject"));
    const Expected<MethodRecord> method = MethodStore(*m_store, *m_provider, m_tokens).find(*id, methodId);
    if (!method)
        return failed<bool>(method);
    return m_provider->queueFaults(method->token, reasons);
}

Expected<bool> Service::drainLine(qint64 lineId)
{
    const Expected<qint64> id = signedIn();
    if (!id)
        return failed<bool>(id);
    const Expected<bool> drained = m_store->write([&]() -> Expected<bool> {
        Statement update(*m_store, QStringLiteral("UPDATE lines SET data_bytes = 0 WHERE account_id = ? AND id = ?"));
        update.bind(*id).bind(lineId);
        if (const auto ran = update.run(); !ran)
            return ran;
        if (update.rowsAffected() != 1)
            return Expected<bool>::failure(tr("no such line"));
        return true;
    });
    if (!drained)
        return drained;
    emit linesChanged();
    return settle();
}

// ---- queries

Expected<std::vector<AttemptRow>> Service::attempts(int limit, qint64 lineId)
{
    return forAccount([&](qint64 id) { return HistoryStore(*m_store).attempts(id, limit, lineId); });
}

Expected<std::vector<MonthSpend>> Service::spendByMonth(qint64 lineId)
{
    return forAccount([&](qint64 id) { return HistoryStore(*m_store).spendByMonth(id, lineId); });
}

Expected<MonthSpend> Service::spendThisMonth(qint64 lineId)
{
    return forAccountAt([&](qint64 id, Instant clock) {
        const ZonedCalendar calendar(QTimeZone(m_account->timezone.toUtf8()));
        return HistoryStore(*m_store).spendIn(id, calendar.monthOf(clock).toString(), lineId);
    });
}

Expected<std::vector<UsagePoint>> Service::dailyUsage(qint64 lineId, int days)
{
    return forAccountAt([&](qint64 id, Instant clock) {
        const QDate today = QDateTime::fromMSecsSinceEpoch(clock.msecs(), QTimeZone(m_account->timezone.toUtf8())).date();
        return HistoryStore(*m_store).dailyUsage(id, lineId, today.addDays(1 - days).toString(Qt::ISODate));
    });
}

Expected<std::vector<UsagePoint>> Service::hourlyUsage(qint64 lineId, int hours)
{
    return forAccountAt([&](qint64 id, Instant clock) {
        return HistoryStore(*m_store).hourlyUsage(id, lineId, clock.plusMsecs(-qint64(hours) * 3600 * 1000));
    });
}

Expected<std::vector<AlertRow>> Service::alerts(bool unreadOnly)
{
    return forAccount([&](qint64 id) { return HistoryStore(*m_store).alerts(id, unreadOnly); });
}

Expected<bool> Service::markAlertRead(qint64 alertId)
{
    const Expected<bool> done = forAccount([&](qint64 id) { return HistoryStore(*m_store).markAlertRead(id, alertId); });
    if (done)
        emit alertsChanged();
    return done;
}

} // namespace topup
