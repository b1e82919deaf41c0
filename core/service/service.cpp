#include "service.h"

#include "advisorhistory.h"
#include "booksagreement.h"
#include "catchupworker.h"
#include "dryrun.h"
#include "domain/engineid.h"
#include "engine/engine.h"
#include "linepurchase.h"
#include "manualtopup.h"
#include "outlookbuilder.h"
#include "rules/zonedcalendar.h"
#include "sim/carriercatalog.h"
#include "sim/usagegenerator.h"
#include "simulationplayer.h"
#include "store/accountstore.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/serverworldlock.h"
#include "store/historystore.h"
#include "store/integritycheck.h"
#include "store/journalgateway.h"
#include "store/linestore.h"
#include "store/methodstore.h"
#include "store/packagestore.h"
#include "store/storeschema.h"
#include "store/transientfailure.h"
#include "worldfiles.h"
#include "worldloader.h"
#include "worldonserver.h"

#include <QRandomGenerator>
#include <QTimeZone>

namespace topup {
namespace {

template<typename T, typename U>
Expected<T> failed(const Expected<U> &what)
{
    return Expected<T>::failure(what);
}

} // namespace

Service::Service(QString name, WorldPlace place, std::shared_ptr<Database> store, std::unique_ptr<JournalGateway> provider,
                 const Options &options)
    : m_dataDir(std::move(name)), m_place(std::move(place)), m_store(std::move(store)), m_provider(std::move(provider)),
      m_clock(options.fixedNow ? std::unique_ptr<Clock>(new FixedClock(*options.fixedNow)) : std::make_unique<WallClock>()),
      m_iterations(options.passwordIterations), m_tokens(options.tokens), m_narrowSettles(options.narrowSettles),
      m_narrowPreviews(options.narrowPreviews), m_narrowOutlooks(options.narrowOutlooks)
{
    m_player = new SimulationPlayer([this](qint64 ms) { return startPlayStep(ms); }, this);
    connect(m_player, &SimulationPlayer::stopped, this, &Service::playStopped);
}

Service::~Service()
{
    m_player->stop();
    if (m_playStep)
        m_playStep->wait(); // its connections close in its thread
    // The check's own connection closes first, so the store's own
    // connection is the last and folds the write-ahead log away (the
    // clean-shutdown marker of the next open).
    m_integrityCheck.reset();
    stopCatchUp();
    // A clean stop: both files agree here, and say so (the high-water mark
    // the next open compares from). Not for a world refused at open or
    // found damaged since; a mark that cannot be written only means more
    // is compared after the next unclean shutdown.
    if (m_openedWhole && m_integrity != Integrity::Damaged)
        (void)BooksAgreement(*m_store, m_provider->database()).writeMark();
}

void Service::startIntegrityCheck(const QStringList &paths)
{
    if (paths.isEmpty())
        return; // both files were read whole at open
    m_integrity = Integrity::Checking;
    m_integrityCheck = std::make_unique<IntegrityCheck>(paths);
    connect(m_integrityCheck.get(), &IntegrityCheck::finished, this, [this](const QString &damage) {
        m_integrity = damage.isEmpty() ? Integrity::Ok : Integrity::Damaged;
        m_integrityProblem = damage;
        if (!damage.isEmpty())
            m_player->stop(); // its next step could not be saved
        emit integrityChecked(damage);
    });
    connect(m_integrityCheck.get(), &IntegrityCheck::unchecked, this, [this](const QString &reason) {
        m_integrity = Integrity::Unchecked;
        m_integrityProblem = reason;
        emit integrityChecked(QString());
    });
    m_integrityCheck->start();
}

void Service::stopCatchUp()
{
    if (!m_catchUp)
        return;
    // The worker stops between days (WorldSync checks the request), its
    // connections close in its thread, and every finished day stays saved.
    m_catchUp->requestInterruption();
    m_catchUp->quit();
    m_catchUp->wait();
}

Expected<std::unique_ptr<Service>> Service::open(const Options &options)
{
    using Result = Expected<std::unique_ptr<Service>>;
    if (options.location.onPostgres())
        return openOnServer(options);
    const QString folder = DataDirectory::resolve(options.location.dataDir());
    TransientFailure::forget(folder);
    Expected<std::unique_ptr<DataDirectory>> directory = DataDirectory::claim(folder);
    if (!directory) {
        if (DataDirectory::inUse(folder))
            TransientFailure::report(folder, TransientFailure::Cause::Locked);
        return Result::failure(directory.error());
    }
    std::unique_ptr<DataDirectory> claimed = directory.take();
    // Both files, checked as a pair (WorldFiles); a new world when neither is there.
    Expected<WorldPair> world = WorldFiles::open(*claimed);
    if (!world)
        return Result::failure(world.error());
    WorldPair pair = world.take();

    std::unique_ptr<Service> service(new Service(claimed->path(), WorldPlace::inFolder(claimed->storePath(), claimed->journalPath()),
                                                 pair.store, std::move(pair.journal), options));
    service->m_directory = std::move(claimed);
    return finishOpening(std::move(service));
}

Expected<std::unique_ptr<Service>> Service::openOnServer(const Options &options)
{
    using Result = Expected<std::unique_ptr<Service>>;
    const DatabaseUrl &url = *options.location.database();
    TransientFailure::forget(url.toString());
    // One program at a time, as a folder's lock (refused at once, naming the holder).
    Expected<std::unique_ptr<ServerWorldLock>> lock = ServerWorldLock::claim(url);
    if (!lock)
        return Result::failure(lock.error());
    const Expected<DatabaseUrl> journalUrl = WorldOnServer::journalOf(url);
    if (!journalUrl)
        return Result::failure(journalUrl.error());
    Expected<WorldPair> world = WorldOnServer::open(url);
    if (!world)
        return Result::failure(world.error());
    WorldPair pair = world.take();
    std::unique_ptr<Service> service(new Service(url.toString(), WorldPlace::onServer(url, *journalUrl), pair.store,
                                                 std::move(pair.journal), options));
    service->m_serverLock = lock.take();
    // The server keeps its own pages: there is no page-by-page check to run.
    service->m_integrity = Integrity::OnServer;
    return finishOpening(std::move(service));
}

Expected<std::unique_ptr<Service>> Service::finishOpening(std::unique_ptr<Service> service)
{
    using Result = Expected<std::unique_ptr<Service>>;
    if (const Expected<void> clock = WorldSync(*service->m_store, *service->m_provider).checkClock(); !clock)
        return Result::failure(clock.error());
    ChargeRecorder recorder(*service->m_store, *service->m_provider);
    const Expected<int> reconciled = recorder.reconcile();
    if (!reconciled)
        return Result::failure(reconciled.error());
    service->m_reconciled = *reconciled;
    // A purchase cut short by a stop: paid (and now written down) or not.
    if (const Expected<int> settled = LineStore(*service->m_store).settlePurchases(); !settled)
        return Result::failure(settled.error());
    // The full check a clean open deferred runs beside everything after
    // the open (started last, so the open itself succeeds or fails on the
    // checks it made, whatever the machine's speed).
    QStringList unchecked;
    for (const Database *file : {static_cast<const Database *>(service->m_store.get()), static_cast<const Database *>(&service->m_provider->database())}) {
        if (file->vouched() == Database::Vouched::Deferred)
            unchecked << file->path();
    }
    service->startIntegrityCheck(unchecked);
    service->m_openedWhole = true;
    return service;
}

bool Service::worthRetrying(const QString &dataDir)
{
    return TransientFailure::reportedIn(DataDirectory::resolve(dataDir)) != TransientFailure::Cause::None;
}

bool Service::worthRetrying(const WorldLocation &location)
{
    if (location.onPostgres())
        return TransientFailure::reportedIn(location.database()->toString()) != TransientFailure::Cause::None;
    return worthRetrying(location.dataDir());
}

QString Service::writeRefusal()
{
    finishPlayStep();
    if (m_integrity == Integrity::Damaged)
        return tr("%1; nothing more is saved to it. Move the data folder aside to start fresh").arg(m_integrityProblem);
    if (m_busy)
        return tr("the world is catching up; try again when it has finished");
    return QString();
}

QString Service::refusal(Access access)
{
    if (access == Access::Write) {
        if (const QString why = writeRefusal(); !why.isEmpty())
            return why;
    }
    if (!m_account)
        return tr("sign in first");
    return QString();
}

template<typename Work>
auto Service::forAccount(Access access, Work &&work) -> decltype(work(qint64()))
{
    using Result = decltype(work(qint64()));
    if (const QString why = refusal(access); !why.isEmpty())
        return Result::failure(why);
    return work(m_account->id);
}

template<typename Work>
auto Service::forAccountAt(Access access, Work &&work) -> decltype(work(qint64(), Instant()))
{
    using Result = decltype(work(qint64(), Instant()));
    if (const QString why = refusal(access); !why.isEmpty())
        return Result::failure(why);
    const Expected<Instant> clock = worldClock();
    if (!clock)
        return Result::failure(clock.error());
    return work(m_account->id, *clock);
}

ZonedCalendar Service::calendar() const
{
    return ZonedCalendar(QTimeZone(m_account->timezone.toUtf8()));
}

void Service::announceWorldChanged()
{
    emit worldAdvanced();
}

QList<qint64> Service::linesPayingWith(qint64 methodId)
{
    QList<qint64> paying;
    const QString method = EngineId::method(methodId);
    if (const Expected<std::vector<LineRecord>> lines = LineStore(*m_store).list(m_account->id)) {
        for (const LineRecord &line : *lines) {
            if (line.policy && (line.policy->method == method || line.policy->fallback == method))
                paying.append(line.id);
        }
    }
    return paying;
}

// ---- accounts

Expected<std::vector<Account>> Service::allAccounts()
{
    return AccountStore(*m_store, m_iterations).all();
}

Expected<void> Service::actAs(qint64 accountId)
{
    const Expected<Account> account = AccountStore(*m_store, m_iterations).account(accountId);
    if (!account)
        return failed<void>(account);
    m_account = *account;
    emit accountChanged();
    return {};
}

Expected<void> Service::startClockAt(Instant at)
{
    if (const QString why = writeRefusal(); !why.isEmpty())
        return Expected<void>::failure(why);
    const Expected<std::optional<Instant>> clock = WorldSync(*m_store, *m_provider).clock();
    if (!clock)
        return failed<void>(clock);
    if (*clock && **clock != at)
        return Expected<void>::failure(tr("the simulated clock of %1 has already started").arg(m_dataDir));
    return WorldSync(*m_store, *m_provider).startClock(at);
}

QStringList Service::currencies()
{
    return CarrierCatalog::currencies();
}

Expected<Account> Service::signUp(const SignUpForm &form, const QByteArray &fixedSalt)
{
    if (const QString why = writeRefusal(); !why.isEmpty())
        return Expected<Account>::failure(why);
    const Expected<Account> account = AccountStore(*m_store, m_iterations).signUp(form, now(), fixedSalt);
    if (account) {
        m_account = *account;
        emit accountChanged();
    }
    return account;
}

Expected<Account> Service::signIn(const QString &login, const QString &password)
{
    if (const QString why = writeRefusal(); !why.isEmpty())
        return Expected<Account>::failure(why); // sign-in writes the failure count
    const Expected<Account> account = AccountStore(*m_store, m_iterations).signIn(login, password, now());
    if (account) {
        m_account = *account;
        emit accountChanged();
    }
    return account;
}

void Service::signOut()
{
    m_player->stop();
    m_account.reset();
    emit accountChanged();
}

Expected<void> Service::setAccountCap(std::optional<Money> cap)
{
    const Expected<void> done = forAccount(Access::Write, [&](qint64 id) {
        return AccountStore(*m_store, m_iterations).setMonthlyCap(id, cap);
    });
    if (done) {
        m_account->monthlyCap = cap;
        emit accountChanged();
    }
    return done;
}

Expected<void> Service::setTimeZone(const QString &zone)
{
    const Expected<void> done = forAccount(Access::Write, [&](qint64 id) {
        return AccountStore(*m_store, m_iterations).setTimeZone(id, zone);
    });
    if (!done)
        return done;
    m_account->timezone = zone;
    emit accountChanged();
    return settle(); // the rules react in the new zone at once
}

// ---- the clock

Expected<Instant> Service::worldClock()
{
    const Expected<std::optional<Instant>> clock = WorldSync(*m_store, *m_provider).clock();
    if (!clock)
        return failed<Instant>(clock);
    return clock->value_or(now());
}

Expected<QDate> Service::worldToday()
{
    return forAccountAt(Access::Read, [&](qint64, Instant clock) -> Expected<QDate> {
        return QDateTime::fromMSecsSinceEpoch(clock.msecs(), calendar().zone()).date();
    });
}

Expected<CatchUpSummary> Service::runTo(Instant target, const WorldSync::Progress &progress)
{
    if (const QString why = writeRefusal(); !why.isEmpty())
        return Expected<CatchUpSummary>::failure(why);
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
    auto *worker = new CatchUpWorker(m_place, target);
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
    m_catchUp = thread;
    thread->start();
    return true;
}

Expected<void> Service::startPlaying(qint64 simulatedMsPerSecond)
{
    if (const QString why = refusal(Access::Write); !why.isEmpty())
        return Expected<void>::failure(why);
    return m_player->start(simulatedMsPerSecond);
}

Expected<void> Service::startPlayStep(qint64 ms)
{
    if (m_busy)
        return {}; // a step (or a catch-up) still runs: the world plays slower than asked
    if (const QString why = writeRefusal(); !why.isEmpty())
        return Expected<void>::failure(why);
    const Expected<Instant> clock = worldClock();
    if (!clock)
        return failed<void>(clock);
    const Instant target = clock->plusMsecs(ms);
    m_busy = true;
    auto error = std::make_shared<QString>();
    QThread *thread = QThread::create([place = m_place, target, error] {
        const Expected<CatchUpSummary> done = CatchUpWorker::catchUp(place, target);
        if (!done)
            *error = done.error();
    });
    thread->setParent(this);
    connect(thread, &QThread::finished, this, &Service::finishPlayStep);
    m_playStep = thread;
    m_playStepError = error;
    thread->start();
    return {};
}

void Service::finishPlayStep()
{
    if (!m_playStep)
        return;
    QThread *thread = m_playStep;
    thread->wait();
    m_playStep = nullptr;
    thread->deleteLater();
    const QString error = *m_playStepError;
    m_busy = false;
    if (!error.isEmpty()) {
        m_player->fail(error);
        return;
    }
    announceWorldChanged();
}

void Service::stopPlaying()
{
    m_player->stop();
}

bool Service::isPlaying() const
{
    return m_player->isPlaying();
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

Expected<void> Service::settle()
{
    const Expected<Instant> clock = worldClock();
    if (!clock)
        return failed<void>(clock);
    if (const QString why = writeRefusal(); !why.isEmpty())
        return Expected<void>::failure(why);
    // Alerts are only ever added unread: more unread ones after, some were added.
    const Expected<int> unreadBefore = HistoryStore(*m_store).unreadAlertCount(m_account->id);
    const Expected<CatchUpSummary> summary = m_narrowSettles ? WorldSync(*m_store, *m_provider).settle(clock->plusMsecs(1))
                                                             : WorldSync(*m_store, *m_provider).catchUp(clock->plusMsecs(1));
    if (!summary)
        return failed<void>(summary);
    // Most writes move nothing else but the clock, by a millisecond: the
    // write names what it changed itself. When the rules acted, or every
    // line ran (no narrowing), the world moved on.
    const bool wholeWorld = !m_narrowSettles || !WorldSync::narrowable(*clock, clock->plusMsecs(1));
    if (wholeWorld || summary->forAccount(m_account->id).eventful()) {
        announceWorldChanged();
        return {};
    }
    const Expected<int> unreadAfter = HistoryStore(*m_store).unreadAlertCount(m_account->id);
    if (!unreadBefore || !unreadAfter || *unreadAfter > *unreadBefore)
        emit alertsAdded();
    return {};
}

Expected<std::optional<Instant>> Service::advanceToNextEvent()
{
    using Result = Expected<std::optional<Instant>>;
    const Expected<std::optional<Instant>> next = forAccountAt(Access::Write, [&](qint64 id, Instant clock) -> Result {
        const Expected<DryRun::Result> dryRun = DryRun(*m_store, *m_provider).run(id, clock, clock.plusMsecs(35 * WorldSync::stepMs));
        if (!dryRun)
            return failed<std::optional<Instant>>(dryRun);
        const Outcome &outcome = dryRun->outcome;
        if (outcome.attempts.empty())
            return Result(std::optional<Instant>());
        return Result(std::optional<Instant>(outcome.attempts.front().at));
    });
    if (!next || !*next)
        return next;
    const Expected<CatchUpSummary> done = runTo(**next);
    if (!done)
        return failed<std::optional<Instant>>(done);
    return next;
}

// ---- lines and policies

DataAmount Service::averageDailyData(UsageProfile profile)
{
    return DataAmount(UsageGenerator::averageDay(profile).dataBytes);
}

VoiceAmount Service::averageDailyVoice(UsageProfile profile)
{
    return VoiceAmount(UsageGenerator::averageDay(profile).voiceSeconds);
}

QString Service::resolveDataDir(const QString &fromCommandLine)
{
    return DataDirectory::resolve(fromCommandLine);
}

bool Service::dataDirInUse(const QString &path)
{
    return DataDirectory::inUse(path);
}

QString Service::regionName(const QString &code)
{
    const std::optional<RegionOffer> region = CarrierCatalog::region(code, CarrierCatalog::currencies().constFirst());
    return region ? RegionOffer::displayName(region->name) : code;
}

Expected<std::vector<RegionOffer>> Service::regions()
{
    return forAccount(Access::Read, [this](qint64) -> Expected<std::vector<RegionOffer>> {
        if (!CarrierCatalog::pricesIn(m_account->currency))
            return Expected<std::vector<RegionOffer>>::failure(
                tr("the carrier's catalog is not priced in %1, the account's currency").arg(m_account->currency));
        return CarrierCatalog::regions(m_account->currency);
    });
}

Expected<std::vector<PackageRecord>> Service::packages()
{
    return forAccount(Access::Read, [this](qint64 id) { return PackageStore(*m_store).list(id); });
}

Expected<std::vector<PackageRecord>> Service::packages(qint64 lineId)
{
    return forAccount(Access::Read, [&](qint64 id) { return LineStore(*m_store).packagesOf(id, lineId); });
}

Expected<std::vector<LineRecord>> Service::lines()
{
    return forAccount(Access::Read, [this](qint64 id) { return LineStore(*m_store).list(id); });
}

Expected<std::vector<LineRecord>> Service::historyLines()
{
    return forAccount(Access::Read, [this](qint64 id) { return LineStore(*m_store).listForHistory(id); });
}

Expected<LinePurchaseResult> Service::buyLine(const LinePurchaseForm &form)
{
    const Expected<LinePurchaseResult> bought = forAccountAt(Access::Write, [&](qint64, Instant clock) {
        // The simulation's usage of the line: drawn, 53 bits (JSON-safe, as the demo's).
        const quint64 seed = form.seed ? *form.seed : QRandomGenerator::system()->generate64() >> 11;
        ChargeRecorder recorder(*m_store, *m_provider);
        return LinePurchase(*m_store, *m_provider, recorder).run(*m_account, form, seed, clock, calendar());
    });
    if (!bought)
        return bought;
    if (bought->line)
        emit lineAdded(bought->lineId);
    emit methodsChanged({form.methodId});
    emit attemptsAdded({bought->lineId}); // a refused line's too: History keeps it
    return bought;
}

Expected<LineRecord> Service::addLine(const LineForm &form)
{
    const Expected<LineRecord> line = forAccount(Access::Write, [&](qint64 id) { return LineStore(*m_store).add(id, form); });
    if (line)
        emit lineAdded(line->id);
    return line;
}

Expected<void> Service::renameLine(qint64 lineId, const QString &name)
{
    const Expected<void> done = forAccount(Access::Write, [&](qint64 id) { return LineStore(*m_store).rename(id, lineId, name); });
    if (done)
        emit linesChanged({lineId}); // History and the alerts name it too
    return done;
}

Expected<void> Service::removeLine(qint64 lineId)
{
    const Expected<void> done = forAccountAt(Access::Write, [&](qint64 id, Instant clock) {
        return LineStore(*m_store).remove(id, lineId, clock);
    });
    if (done)
        emit lineRemoved(lineId);
    return done;
}

Expected<void> Service::setPolicy(qint64 lineId, const std::optional<Policy> &policy)
{
    const Expected<void> done = forAccountAt(Access::Write, [&](qint64 id, Instant clock) {
        return LineStore(*m_store).setPolicy(id, lineId, policy, calendar().monthOf(clock));
    });
    if (!done)
        return done;
    emit linesChanged({lineId});
    return settle(); // a line already below its new threshold tops up now
}

Expected<void> Service::checkPolicy(qint64 lineId, const Policy &policy)
{
    return forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        return LineStore(*m_store).checkPolicy(id, lineId, policy, calendar().monthOf(clock));
    });
}

Expected<LineOutlook> Service::previewPolicy(qint64 lineId, const Policy &policy, int days)
{
    return forAccountAt(Access::Read, [&](qint64 id, Instant clock) -> Expected<LineOutlook> {
        if (const Expected<void> valid = LineStore(*m_store).checkPolicy(id, lineId, policy, calendar().monthOf(clock)); !valid)
            return failed<LineOutlook>(valid);
        return OutlookBuilder(*m_store, *m_provider).preview(id, lineId, policy, clock, days, m_narrowPreviews);
    });
}

// ---- payment methods

Expected<std::vector<MethodRecord>> Service::methods()
{
    return forAccount(Access::Read, [this](qint64 id) { return MethodStore(*m_store, *m_provider, m_tokens).list(id); });
}

Expected<MethodRecord> Service::addCard(const CardForm &form)
{
    const Expected<MethodRecord> method = forAccountAt(Access::Write, [&](qint64 id, Instant clock) {
        return MethodStore(*m_store, *m_provider, m_tokens).addCard(id, form, clock, calendar());
    });
    if (method)
        emit methodAdded(method->id);
    return method;
}

Expected<MethodRecord> Service::addWallet(const WalletForm &form)
{
    const Expected<MethodRecord> method = forAccountAt(Access::Write, [&](qint64 id, Instant clock) {
        return MethodStore(*m_store, *m_provider, m_tokens).addWallet(id, form, clock);
    });
    if (method)
        emit methodAdded(method->id);
    return method;
}

Expected<void> Service::deposit(qint64 methodId, Money amount)
{
    const Expected<void> done = forAccountAt(Access::Write, [&](qint64 id, Instant clock) -> Expected<void> {
        if (const Expected<void> paid = MethodStore(*m_store, *m_provider, m_tokens).deposit(id, methodId, amount, clock); !paid)
            return paid;
        // SPEC §3: a deposit re-arms every suspended trigger whose policy names the method.
        const Expected<int> rearmed = LineStore(*m_store).rearmSuspendedPayingWith(id, EngineId::method(methodId));
        if (!rearmed)
            return failed<void>(rearmed);
        return {};
    });
    if (!done)
        return done;
    emit methodsChanged({methodId});
    emit linesChanged(linesPayingWith(methodId)); // their suspended triggers re-armed
    return settle();
}

Expected<void> Service::setDefaultMethod(qint64 methodId)
{
    QList<qint64> changed{methodId}; // and the default before it
    const Expected<void> done = forAccount(Access::Write, [&](qint64 id) -> Expected<void> {
        MethodStore store(*m_store, *m_provider, m_tokens);
        const Expected<std::vector<MethodRecord>> before = store.list(id);
        if (!before)
            return failed<void>(before);
        for (const MethodRecord &method : *before) {
            if (method.isDefault && method.id != methodId)
                changed.append(method.id);
        }
        return store.setDefault(id, methodId);
    });
    if (done)
        emit methodsChanged(changed);
    return done;
}

Expected<void> Service::canRemoveMethod(qint64 methodId)
{
    return forAccount(Access::Read, [&](qint64 id) { return MethodStore(*m_store, *m_provider, m_tokens).checkRemovable(id, methodId); });
}

Expected<void> Service::removeMethod(qint64 methodId)
{
    const Expected<void> done = forAccount(Access::Write, [&](qint64 id) {
        return MethodStore(*m_store, *m_provider, m_tokens).remove(id, methodId);
    });
    if (done)
        emit methodRemoved(methodId); // another may have become the default: the list is read again
    return done;
}

// ---- trying the rules out

Expected<ChargeAnswer> Service::manualTopUp(qint64 lineId, qint64 packageId, qint64 methodId)
{
    const Expected<ChargeAnswer> answer = forAccountAt(Access::Write, [&](qint64 id, Instant clock) -> Expected<ChargeAnswer> {
        if (const Expected<MethodRecord> method = MethodStore(*m_store, *m_provider, m_tokens).find(id, methodId); !method)
            return failed<ChargeAnswer>(method);
        ChargeRecorder recorder(*m_store, *m_provider);
        return ManualTopUp(*m_store, recorder).run(id, lineId, methodId, packageId, clock, calendar());
    });
    if (!answer)
        return answer;
    // The charge is recorded whatever happens next; a failure to let the
    // rules run after it is reported, not passed off as a failed top-up.
    if (const Expected<void> settled = settle(); !settled)
        emit problem(tr("the top-up was recorded, but the rules could not run after it: %1").arg(settled.error()));
    emit linesChanged({lineId});
    emit methodsChanged({methodId});
    emit attemptsAdded({lineId});
    return answer;
}

Expected<void> Service::injectFault(qint64 methodId, const std::vector<Reason> &reasons)
{
    return forAccount(Access::Write, [&](qint64 id) -> Expected<void> {
        if (reasons.empty())
            return Expected<void>::failure(tr("choose at least one failure to inject"));
        const Expected<MethodRecord> method = MethodStore(*m_store, *m_provider, m_tokens).find(id, methodId);
        if (!method)
            return failed<void>(method);
        return m_provider->queueFaults(method->token, reasons);
    });
}

Expected<void> Service::drainLine(qint64 lineId)
{
    const Expected<void> drained = forAccount(Access::Write, [&](qint64 id) { return LineStore(*m_store).drainData(id, lineId); });
    if (!drained)
        return drained;
    emit linesChanged({lineId});
    return settle();
}

Expected<std::unique_ptr<AdviceTask>> Service::adviseRules(qint64 lineId, int days)
{
    return forAccountAt(Access::Read, [&](qint64 id, Instant clock) -> Expected<std::unique_ptr<AdviceTask>> {
        const Expected<AdvisorInput> input = AdvisorHistory(*m_store, *m_provider).input(id, lineId, clock, days);
        if (!input)
            return Expected<std::unique_ptr<AdviceTask>>::failure(input.error());
        return std::make_unique<AdviceTask>(*input, days);
    });
}

// ---- queries

Expected<Outlook> Service::outlook()
{
    return forAccountAt(Access::Read, [&](qint64 id, Instant clock) { return OutlookBuilder(*m_store, *m_provider).build(id, clock, m_narrowOutlooks); });
}

Expected<std::vector<AttemptRow>> Service::attempts(int limit, qint64 lineId, std::optional<HistoryKey> before)
{
    AttemptFilter filter;
    filter.lineId = lineId;
    return attempts(filter, limit, before);
}

Expected<std::vector<AttemptRow>> Service::attempts(const AttemptFilter &filter, int limit, std::optional<HistoryKey> before)
{
    return forAccount(Access::Read, [&](qint64 id) { return HistoryStore(*m_store).attempts(id, filter, limit, before); });
}

Expected<int> Service::eachAttempt(const AttemptFilter &filter, const std::function<Expected<void>(const AttemptRow &)> &each)
{
    return forAccount(Access::Read, [&](qint64 id) { return HistoryStore(*m_store).eachAttempt(id, filter, each); });
}

Expected<std::vector<MonthSpend>> Service::spendByMonth(qint64 lineId)
{
    return forAccount(Access::Read, [&](qint64 id) { return HistoryStore(*m_store).spendByMonth(id, lineId); });
}

Expected<MonthSpend> Service::spendThisMonth(qint64 lineId)
{
    return forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        return HistoryStore(*m_store).spendIn(id, calendar().monthOf(clock).toString(), lineId);
    });
}

Expected<std::map<qint64, MonthSpend>> Service::spendThisMonthByLine()
{
    return forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        return HistoryStore(*m_store).spendOfLinesIn(id, calendar().monthOf(clock).toString());
    });
}

Expected<std::vector<UsagePoint>> Service::dailyUsage(qint64 lineId, int days)
{
    return forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        const QDate today = QDateTime::fromMSecsSinceEpoch(clock.msecs(), calendar().zone()).date();
        return HistoryStore(*m_store).dailyUsage(id, lineId, today.addDays(1 - days).toString(Qt::ISODate));
    });
}

Expected<std::vector<UsagePoint>> Service::hourlyUsage(qint64 lineId, int hours)
{
    return forAccountAt(Access::Read, [&](qint64 id, Instant clock) {
        return HistoryStore(*m_store).hourlyUsage(id, lineId, clock.plusMsecs(-qint64(hours) * 3600 * 1000));
    });
}

Expected<std::vector<AlertRow>> Service::alerts(bool unreadOnly, int limit, std::optional<HistoryKey> before)
{
    return forAccount(Access::Read, [&](qint64 id) { return HistoryStore(*m_store).alerts(id, unreadOnly, limit, before); });
}

Expected<int> Service::unreadAlertCount()
{
    return forAccount(Access::Read, [&](qint64 id) { return HistoryStore(*m_store).unreadAlertCount(id); });
}

Expected<void> Service::markAllAlertsRead()
{
    const Expected<void> done = forAccount(Access::Write, [&](qint64 id) { return HistoryStore(*m_store).markAllAlertsRead(id); });
    if (done)
        emit allAlertsRead();
    return done;
}

Expected<void> Service::markAlertRead(qint64 alertId)
{
    const Expected<void> done = forAccount(Access::Write, [&](qint64 id) { return HistoryStore(*m_store).markAlertRead(id, alertId); });
    if (done)
        emit alertRead(alertId);
    return done;
}

} // namespace topup
