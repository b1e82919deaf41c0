#include "service.h"

#include "accounthistory.h"
#include "accountlines.h"
#include "accountmethods.h"
#include "accountoutlook.h"
#include "accountsession.h"
#include "booksagreement.h"
#include "openedworld.h"
#include "preparedoutlook.h"
#include "sim/carriercatalog.h"
#include "sim/usagegenerator.h"
#include "store/database.h"
#include "store/datadirectory.h"
#include "store/integritycheck.h"
#include "store/journalgateway.h"
#include "store/transientfailure.h"
#include "store/worldmovelock.h"
#include "worldnotices.h"
#include "worldrunner.h"

#include <QSysInfo>
#include <QTimeZone>

namespace topup {

Service::Service(OpenedWorld world, const Options &options)
    : m_dataDir(std::move(world.name)), m_directory(std::move(world.directory)),
      m_onServer(world.onServer), m_store(std::move(world.store)), m_provider(std::move(world.provider)),
      m_clock(options.fixedNow ? std::unique_ptr<Clock>(new FixedClock(*options.fixedNow)) : std::make_unique<WallClock>()),
      m_reconciled(world.reconciled)
{
    // A catch-up or a play step on its own thread waits for another
    // desktop's move up to its limit too, then is refused.
    world.place.setWorldWaitMs(options.backgroundWorldWaitMs);
    m_runner = std::make_unique<WorldRunner>(*m_store, *m_provider, std::move(world.place), *m_clock, options.narrowSettles, [this]() {
        if (m_integrity != Integrity::Damaged)
            return QString();
        return tr("%1; nothing more is saved to it. Move the data folder aside to start fresh").arg(m_integrityProblem);
    });
    m_session = std::make_unique<AccountSession>(*m_store, options.passwordIterations, *m_runner, *m_clock);
    m_lines = std::make_unique<AccountLines>(*m_store, *m_provider, *m_session, *m_runner, options.tokens,
                                             options.desktopName.isEmpty() ? desktopName() : options.desktopName);
    m_methods = std::make_unique<AccountMethods>(*m_store, *m_provider, *m_session, *m_runner, options.tokens);
    m_history = std::make_unique<AccountHistory>(*m_store, *m_session);
    m_outlook = std::make_unique<AccountOutlook>(*m_store, *m_provider, *m_session, options.narrowPreviews, options.narrowOutlooks,
                                                 options.keepOutlooks);
    // The threads that move the world make the account's outlook after.
    m_prepared = std::make_unique<PreparedOutlook>(*m_session, *m_outlook, *m_runner);
    m_runner->setAfterMoves([this] { return m_prepared->start(); }, [this] { m_prepared->finish(); });
    forwardSignals();
    if (m_onServer)
        shareSignals();
    m_store->setWorldWait(Database::WorldWait{
        options.worldWaitMs,
        [this](const QString &holder) {
            emit waitingForWorld(holder.isEmpty() ? tr("Waiting for another desktop to finish moving the world…")
                                                  : tr("Waiting for another desktop (%1) to finish moving the world…").arg(holder));
        },
        [this] { emit worldWaitEnded(); }});
}

Service::~Service()
{
    m_runner->stopPlayerAndWait();
    // The check's own connection closes first, so the store's own
    // connection is the last and folds the write-ahead log away (the
    // clean-shutdown marker of the next open).
    m_integrityCheck.reset();
    m_runner->stopCatchUp();
    // A clean stop: both files agree here, and say so (the high-water mark
    // the next open compares from). Not for a world refused at open or
    // found damaged since; a mark that cannot be written only means more
    // is compared after the next unclean shutdown.
    // Under the world's lock: another program's charge in flight is not
    // half in the mark.
    if (m_openedWhole && m_integrity != Integrity::Damaged) {
        m_store->setWorldWait(Database::WorldWait{Service::dashboardWorldWaitMs, {}, {}}); // nothing said while closing
        if (const Expected<WorldMoveLock> held = WorldMoveLock::take(*m_store); held)
            (void)BooksAgreement(*m_store, m_provider->database()).writeMark();
    }
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
            m_runner->stopPlaying(); // its next step could not be saved
        emit integrityChecked(damage);
    });
    connect(m_integrityCheck.get(), &IntegrityCheck::unchecked, this, [this](const QString &reason) {
        m_integrity = Integrity::Unchecked;
        m_integrityProblem = reason;
        emit integrityChecked(QString());
    });
    m_integrityCheck->start();
}

Expected<std::unique_ptr<Service>> Service::open(const Options &options)
{
    Expected<OpenedWorld> opened = OpenedWorld::open(options.location);
    if (!opened)
        return Expected<std::unique_ptr<Service>>::failure(opened);
    OpenedWorld world = opened.take();
    const QStringList unchecked = world.unchecked;
    std::unique_ptr<Service> service(new Service(std::move(world), options));
    // The server keeps its own pages: there is no page-by-page check to run.
    if (service->onServer())
        service->m_integrity = Integrity::OnServer;
    // The full check a clean open deferred runs beside everything after
    // the open (started last, so the open itself succeeds or fails on the
    // checks it made, whatever the machine's speed).
    service->startIntegrityCheck(unchecked);
    service->m_openedWhole = true;
    return service;
}

QString Service::desktopName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    return QStringLiteral("%1@%2").arg(user.isEmpty() ? QStringLiteral("?") : user, QSysInfo::machineHostName());
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

// ---- accounts

const std::optional<Account> &Service::account() const noexcept
{
    return m_session->account();
}

Expected<std::vector<Account>> Service::allAccounts()
{
    return m_session->allAccounts();
}

Expected<void> Service::actAs(qint64 accountId)
{
    return m_session->actAs(accountId);
}

Expected<void> Service::startClockAt(Instant at)
{
    if (std::optional<Failure> why = m_runner->writeRefusal())
        return Expected<void>::failure(std::move(*why));
    const Expected<WorldMoveLock> held = WorldMoveLock::take(*m_store);
    if (!held)
        return Expected<void>::failure(held);
    m_session->noteChangeElsewhere();
    const Expected<std::optional<Instant>> clock = WorldSync(*m_store, *m_provider).clock();
    if (!clock)
        return Expected<void>::failure(clock);
    if (*clock && **clock != at)
        return Expected<void>::failure(tr("the simulated clock of %1 has already started").arg(m_dataDir),
                                       tr("The simulated clock of %1 has already started.").arg(m_dataDir));
    return WorldSync(*m_store, *m_provider).startClock(at);
}

QStringList Service::currencies()
{
    return CarrierCatalog::currencies();
}

Expected<Account> Service::signUp(const SignUpForm &form, const QByteArray &fixedSalt)
{
    return m_session->signUp(form, fixedSalt);
}

Expected<Account> Service::signIn(const QString &login, const QString &password)
{
    return m_session->signIn(login, password);
}

void Service::signOut()
{
    m_runner->stopJump(); // it lands where it stopped, for who acted
    m_session->signOut();
}

Expected<void> Service::setAccountCap(std::optional<Money> cap)
{
    const Expected<void> done = m_session->setMonthlyCap(cap);
    if (done && m_notices)
        m_notices->tell(WorldNotices::Notice{WorldNotices::Kind::Account, m_session->account()->id, {}});
    return done;
}

Expected<void> Service::setTimeZone(const QString &zone)
{
    const Expected<void> done = m_session->setTimeZone(zone);
    // Saved even when the rules could not run after it (that failure is said).
    if (m_notices && m_session->account() && m_session->account()->timezone == zone)
        m_notices->tell(WorldNotices::Notice{WorldNotices::Kind::Account, m_session->account()->id, {}});
    return done;
}

// ---- the clock (WorldRunner)

Expected<Instant> Service::worldClock()
{
    return m_runner->clock();
}

Expected<QDate> Service::worldToday()
{
    return m_session->forAccountAt(AccountSession::Access::Read, [&](qint64, Instant clock) -> Expected<QDate> {
        return QDateTime::fromMSecsSinceEpoch(clock.msecs(), m_session->calendar().zone()).date();
    });
}

Expected<CatchUpSummary> Service::catchUpToNow(const WorldSync::Progress &progress)
{
    return m_runner->runTo(now(), progress);
}

Expected<CatchUpSummary> Service::advanceBy(qint64 ms, const WorldSync::Progress &progress)
{
    if (ms <= 0)
        return Expected<CatchUpSummary>::failure(tr("the clock only moves forward"), tr("The clock only moves forward."));
    return m_runner->runBy(ms, progress);
}

bool Service::startCatchUp(Instant target)
{
    return m_runner->startCatchUp(target);
}

bool Service::busy() const noexcept
{
    return m_runner->busy();
}

Expected<void> Service::startPlaying(qint64 simulatedMsPerSecond)
{
    if (std::optional<Failure> why = m_session->refusal(AccountSession::Access::Write))
        return Expected<void>::failure(std::move(*why));
    return m_runner->startPlaying(simulatedMsPerSecond);
}

void Service::stopPlaying()
{
    m_runner->stopPlaying();
}

bool Service::isPlaying() const
{
    return m_runner->isPlaying();
}

Expected<std::optional<Instant>> Service::advanceToNextEvent()
{
    return m_session->forAccountAt(AccountSession::Access::Write,
                                  [&](qint64 id, Instant clock) { return m_runner->runToNextEvent(id, clock); });
}

Expected<void> Service::startJumpToNextEvent()
{
    // No lock nor write here: the jump's thread takes the lock, and only
    // the engine moves the world (what the outlook keeps holds).
    if (std::optional<Failure> why = m_session->refusal(AccountSession::Access::Write))
        return Expected<void>::failure(std::move(*why));
    (void)m_runner->startJump(m_session->account()->id); // the world is free: refusal() said so
    return {};
}

// ---- lines and policies (AccountLines), methods (AccountMethods), history (AccountHistory), what lies ahead (AccountOutlook)

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
    return m_lines->regions();
}

Expected<std::vector<PackageRecord>> Service::packages()
{
    return m_lines->packages();
}

Expected<std::vector<PackageRecord>> Service::packages(qint64 lineId)
{
    return m_lines->packages(lineId);
}

Expected<std::vector<LineRecord>> Service::lines()
{
    return m_lines->lines();
}

Expected<std::vector<LineRecord>> Service::historyLines()
{
    return m_lines->historyLines();
}

Expected<LinePurchaseResult> Service::buyLine(const LinePurchaseForm &form)
{
    return m_lines->buy(form);
}

Expected<LineRecord> Service::addLine(const LineForm &form)
{
    return m_lines->add(form);
}

Expected<void> Service::renameLine(qint64 lineId, const QString &name)
{
    return m_lines->rename(lineId, name);
}

Expected<void> Service::removeLine(qint64 lineId)
{
    return m_lines->remove(lineId);
}

Expected<void> Service::setPolicy(qint64 lineId, const std::optional<Policy> &policy, const RulesSeen &seen)
{
    return m_lines->setPolicy(lineId, policy, seen);
}

Expected<void> Service::setPolicy(qint64 lineId, const std::optional<Policy> &policy)
{
    return m_lines->setPolicy(lineId, policy);
}

Expected<void> Service::checkPolicy(qint64 lineId, const Policy &policy)
{
    return m_lines->checkPolicy(lineId, policy);
}

Expected<ChargeAnswer> Service::manualTopUp(qint64 lineId, qint64 packageId, qint64 methodId)
{
    return m_lines->manualTopUp(lineId, packageId, methodId);
}

Expected<void> Service::drainLine(qint64 lineId)
{
    return m_lines->drain(lineId);
}

Expected<LineOutlook> Service::previewPolicy(qint64 lineId, const Policy &policy, int days)
{
    return m_outlook->preview(lineId, policy, days);
}

Expected<std::unique_ptr<AdviceTask>> Service::adviseRules(qint64 lineId, int days)
{
    return m_outlook->advise(lineId, days);
}

Expected<Outlook> Service::outlook()
{
    if (std::optional<Outlook> ready = m_prepared->ready())
        return std::move(*ready);
    return m_outlook->outlook();
}

int Service::outlookRuns() const noexcept
{
    return m_outlook->outlookRuns();
}

int Service::outlooksTakingLines() const noexcept
{
    return m_outlook->outlooksTakingLines();
}

int Service::outlooksReadingSomeLines() const noexcept
{
    return m_outlook->outlooksReadingSomeLines();
}

int Service::outlooksPrepared() const noexcept
{
    return m_prepared->made();
}

int Service::preparedOutlooksHandedOut() const noexcept
{
    return m_prepared->handedOut();
}

double Service::lastPreparedOutlookMs() const noexcept
{
    return m_prepared->lastCost().ms;
}

quint64 Service::lastPreparedOutlookStatements() const noexcept
{
    return m_prepared->lastCost().statements;
}

Expected<std::vector<MethodRecord>> Service::methods()
{
    return m_methods->methods();
}

Expected<MethodRecord> Service::addCard(const CardForm &form)
{
    return m_methods->addCard(form);
}

Expected<MethodRecord> Service::addWallet(const WalletForm &form)
{
    return m_methods->addWallet(form);
}

Expected<void> Service::deposit(qint64 methodId, Money amount)
{
    return m_methods->deposit(methodId, amount);
}

Expected<void> Service::setDefaultMethod(qint64 methodId)
{
    return m_methods->setDefault(methodId);
}

Expected<void> Service::canRemoveMethod(qint64 methodId)
{
    return m_methods->canRemove(methodId);
}

Expected<void> Service::removeMethod(qint64 methodId)
{
    return m_methods->remove(methodId);
}

Expected<void> Service::injectFault(qint64 methodId, const std::vector<Reason> &reasons)
{
    return m_methods->injectFault(methodId, reasons);
}

Expected<std::vector<AttemptRow>> Service::attempts(const AttemptFilter &filter, int limit, std::optional<HistoryKey> before)
{
    return m_history->attempts(filter, limit, before);
}

Expected<int> Service::eachAttempt(const AttemptFilter &filter, const std::function<Expected<void>(const AttemptRow &)> &each)
{
    return m_history->eachAttempt(filter, each);
}

Expected<std::vector<MonthSpend>> Service::spendByMonth(qint64 lineId)
{
    return m_history->spendByMonth(lineId);
}

Expected<MonthSpend> Service::spendThisMonth(qint64 lineId)
{
    return m_history->spendThisMonth(lineId);
}

Expected<std::map<qint64, MonthSpend>> Service::spendThisMonthByLine()
{
    return m_history->spendThisMonthByLine();
}

Expected<std::vector<UsagePoint>> Service::dailyUsage(qint64 lineId, int days)
{
    return m_history->dailyUsage(lineId, days);
}

Expected<std::vector<UsagePoint>> Service::hourlyUsage(qint64 lineId, int hours)
{
    return m_history->hourlyUsage(lineId, hours);
}

Expected<std::vector<AlertRow>> Service::alerts(bool unreadOnly, int limit, std::optional<HistoryKey> before)
{
    return m_history->alerts(unreadOnly, limit, before);
}

Expected<int> Service::unreadAlertCount()
{
    return m_history->unreadAlertCount();
}

Expected<void> Service::markAlertRead(qint64 alertId)
{
    return m_history->markAlertRead(alertId);
}

Expected<void> Service::markAllAlertsRead()
{
    return m_history->markAllAlertsRead();
}

Expected<std::vector<AttemptRow>> Service::attempts(int limit, qint64 lineId, std::optional<HistoryKey> before)
{
    AttemptFilter filter;
    filter.lineId = lineId;
    return attempts(filter, limit, before);
}

} // namespace topup
