#pragma once

#include "advicetask.h"
#include "chargerecorder.h"
#include "clock.h"
#include "domain/account.h"
#include "domain/historyrows.h"
#include "domain/lineoutlook.h"
#include "domain/linerecord.h"
#include "domain/methodrecord.h"
#include "domain/packagerecord.h"
#include "domain/regionoffer.h"
#include "worldlocation.h"
#include "worldplace.h"
#include "worldsync.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace topup {

class AccountHistory;
class AccountLines;
class AccountMethods;
class AccountOutlook;
class AccountSession;
class DataDirectory;
class Database;
class IntegrityCheck;
class JournalGateway;
struct OpenedWorld;
class PreparedOutlook;
class WorldNotices;
class WorldRunner;

// The façade the desktop UI and topup-sim talk to: accounts, lines,
// methods, the simulated clock, and queries. Every call acts for the
// signed-in account only; signals say what changed. The UI never runs SQL.
// While a catch-up runs off the caller's thread (busy()), every call that
// would change the world is refused with a message saying so; destroying
// the service stops that catch-up at the end of its current day and waits.
// A file that was closed cleanly opens without reading every page; the full
// check then runs in the background (integrity(), integrityChecked), and
// once it finds damage every call that would write is refused, naming the
// file, so nothing more is written to it.
//
// The Service itself opens the world (OpenedWorld) and watches its files;
// its parts do the rest: WorldRunner moves the world, AccountSession keeps
// who acts and lets a call through or says why not, and AccountLines,
// AccountMethods, AccountHistory and AccountOutlook serve that account's
// lines, methods, history and what lies ahead.
class Service final : public QObject
{
    Q_OBJECT

public:
    // An open waits up to a minute for another program's move
    // (ServerWorldLock::openWaitMs); so does a write, unless told otherwise.
    static constexpr int defaultWorldWaitMs = 60'000;
    // The dashboard's writes run on its window's thread, which does not
    // redraw while one waits: 10 s, past which a person takes a window for
    // hung, while another desktop's ordinary moves (a play step, a settle)
    // take milliseconds; only a long catch-up outlasts it, and that one is
    // worth trying again after.
    static constexpr int dashboardWorldWaitMs = 10'000;

    struct Options
    {
        // A data folder (its dataDir() resolved with DataDirectory::resolve),
        // or a database on a PostgreSQL server (WorldOnServer).
        WorldLocation location;
        std::optional<Instant> fixedNow; // --now
        int passwordIterations = 600000; // never fewer in the product
        std::function<QString()> tokens; // the provider's tokens: random unless given (the demo's are seeded)
        // A write settles only the lines something can happen to (always in
        // the product); false: every line, the reference the tests compare with.
        bool narrowSettles = true;
        // A rules preview runs the line alone when nothing ties it to the
        // others (always in the product); false: every line, drawn to the
        // end, for the tests.
        bool narrowPreviews = true;
        // The outlook draws a line that nothing ties to the others only until
        // its first top-ups are known (always in the product); false: every
        // line to the horizon, for the tests.
        bool narrowOutlooks = true;
        // The outlook's run is kept while only the engine moves the world
        // (OutlookKeeper: always in the product); false: made at every
        // outlook, the reference the tests compare with.
        bool keepOutlooks = true;
        // How long a write or a move waits for another program's move of a
        // world shared on a server (a long catch-up) before it is refused,
        // saying who moves it; as long as an open waits, unless given.
        int worldWaitMs = defaultWorldWaitMs;
        // The same for a catch-up or a play step on a thread of its own
        // (startCatchUp, startPlaying): no window waits on it, so a minute,
        // as an open and topup-sim's writes wait, then it is refused.
        int backgroundWorldWaitMs = defaultWorldWaitMs;
        // How this desktop names itself when it saves a line's rules, for
        // another's refused save ("ana@desk-2"); the login and the
        // machine's name (desktopName()) unless given.
        QString desktopName;
    };
    // "ana@desk-2": the user running this program and the machine's name.
    static QString desktopName();

    ~Service() override;
    static Expected<std::unique_ptr<Service>> open(const Options &options);
    // The last failure met in `dataDir`'s files since the last open began
    // passes: its disk is full, or another program holds the folder or one
    // of its files. Nothing was changed by it: offer to try again, never to
    // start fresh.
    static bool worthRetrying(const QString &dataDir);
    // The same for either kind of world: on PostgreSQL, another program holds it.
    static bool worthRetrying(const WorldLocation &location);
    // The data folder: `--data-dir` when given, else $TOPUP_DATA_DIR, else
    // the platform's application data folder (DataDirectory::resolve).
    static QString resolveDataDir(const QString &fromCommandLine);
    // Another program holds the folder now (DataDirectory::inUse).
    static bool dataDirInUse(const QString &path);

    // The data folder; for a world on PostgreSQL, its store's URL (for messages).
    const QString &dataDir() const noexcept { return m_dataDir; }
    bool onServer() const noexcept { return m_onServer; }
    int reconciledAtOpen() const noexcept { return m_reconciled; }

    // The full check of both files (`PRAGMA integrity_check`): Checking while it
    // runs in the background after a clean open, Ok once every page was
    // read whole (at open, after an unclean shutdown, or in the background),
    // Damaged when it found damage: then integrityProblem() says where and
    // what, and every call that would write is refused. Unchecked: the
    // check could not run to its end (the file busy past the timeout);
    // integrityProblem() says why, and the next session checks again.
    // OnServer: the world is on a PostgreSQL server, which keeps its own
    // pages; TopUp has no check of them to run (none is pretended).
    enum class Integrity { Checking, Ok, Damaged, Unchecked, OnServer };
    Integrity integrity() const noexcept { return m_integrity; }
    const QString &integrityProblem() const noexcept { return m_integrityProblem; }

    // Accounts.
    // For the local command line, which owns the data folder: every account,
    // and acting for one without its password.
    Expected<std::vector<Account>> allAccounts();
    Expected<void> actAs(qint64 accountId);
    // A new world's clock (the demo starts 90 days back); refused once running.
    Expected<void> startClockAt(Instant at);
    // The currencies an account may choose at sign-up: the carrier's
    // catalog is priced in each of them.
    static QStringList currencies();
    Expected<Account> signUp(const SignUpForm &form, const QByteArray &fixedSalt = {});
    Expected<Account> signIn(const QString &login, const QString &password);
    void signOut();
    const std::optional<Account> &account() const noexcept;
    Expected<void> setAccountCap(std::optional<Money> cap);
    // The account's IANA time zone: monthly occurrences, month starts and
    // card expiry follow it from now on (past records keep their months).
    Expected<void> setTimeZone(const QString &zone);

    // The simulated clock. worldClock() is the only "now" a screen shows or
    // computes with; now() is the process clock (or --now), which only says
    // where a catch-up moves the world to.
    Instant now() const { return m_clock->now(); }
    Expected<Instant> worldClock();
    // The world's local date in the account's zone.
    Expected<QDate> worldToday();
    Expected<CatchUpSummary> catchUpToNow(const WorldSync::Progress &progress = {});
    Expected<CatchUpSummary> advanceBy(qint64 ms, const WorldSync::Progress &progress = {});
    // The same, off this thread: progress and the end arrive as signals,
    // and the other calls must wait for catchUpFinished (busy() says so).
    bool startCatchUp(Instant target);
    // To the process clock (or --now): what opening the app does.
    bool startCatchUpToNow() { return startCatchUp(now()); }
    bool busy() const noexcept;
    // Plays the world forward continuously (SimulationPlayer): every 200 ms
    // of real time it advances by a fifth of `simulatedMsPerSecond`, until
    // stopped or an error (playStopped says which). Each step runs in a
    // thread of its own, so the window never waits for it, and the screens
    // follow when it ends (worldAdvanced); a tick that comes
    // while a step still runs is skipped (the world plays slower than
    // asked). A call that writes waits for the running step first, then
    // acts on the world it left; stopping starts no new step, and the one
    // running (if any) still lands.
    Expected<void> startPlaying(qint64 simulatedMsPerSecond);
    void stopPlaying();
    bool isPlaying() const;
    // Runs to the next top-up attempt within 35 days; none: stays.
    Expected<std::optional<Instant>> advanceToNextEvent();
    // The same off this thread, as a play step runs (what the window does:
    // it never waits for the move nor for the outlook after it, which that
    // thread prepares): busy() until jumpFinished says where the world
    // went (after worldAdvanced), that no top-up comes (it stayed), or why
    // not; writes are refused meanwhile, saying so. Refused at once when
    // nobody is signed in or the world is not free (a catch-up or another
    // jump runs). Signing out stops it at the end of its simulated day;
    // so does destroying the service.
    Expected<void> startJumpToNextEvent();

    // Lines and policies.
    // What a line of the profile uses on an average day (the simulated carrier's figures).
    static DataAmount averageDailyData(UsageProfile profile);
    static VoiceAmount averageDailyVoice(UsageProfile profile);
    // A line's region as a person reads it: the catalog's name, translated;
    // a region given by hand (before the catalog) as it was given.
    static QString regionName(const QString &code);
    // The carrier's catalog in the account's currency: every country and
    // region with its packages (what buyLine sells).
    Expected<std::vector<RegionOffer>> regions();
    // Every package of the account (the general offers and those of the
    // regions it bought lines in), each with its region.
    Expected<std::vector<PackageRecord>> packages();
    // The packages of the line's region: all its top-ups may buy (the
    // general offers for a line given by hand, without a catalog region).
    Expected<std::vector<PackageRecord>> packages(qint64 lineId);
    // The active lines.
    Expected<std::vector<LineRecord>> lines();
    // Every line History names: active, removed and refused ones (state).
    Expected<std::vector<LineRecord>> historyLines();
    // Buys a line: charged now (trigger purchase, exactly once) with the
    // first package; a refusal by the provider leaves no line and says why.
    Expected<LinePurchaseResult> buyLine(const LinePurchaseForm &form);
    // A line the carrier already provides (the demo's, tests'): nothing is charged.
    Expected<LineRecord> addLine(const LineForm &form);
    Expected<void> renameLine(qint64 lineId, const QString &name);
    // Soft removal: the line leaves the engine (its retries and monthly
    // top-ups stop) and every list; History keeps its attempts, usage and
    // alerts, marked as a removed line.
    Expected<void> removeLine(qint64 lineId);
    Expected<void> setPolicy(qint64 lineId, const std::optional<Policy> &policy);
    // The same from a form that loaded the rules (`seen`: their version and
    // the rules themselves): refused when they were changed elsewhere since
    // (another desktop) into other rules, naming what changed (threshold
    // 1 GB → 2 GB) and saying to review them and save again; the rules
    // saved elsewhere stay. The line's rules as they are now: lines().
    Expected<void> setPolicy(qint64 lineId, const std::optional<Policy> &policy, const RulesSeen &seen);
    // What setPolicy would refuse, without saving: one "policy.FIELD: message" a
    // line in error(), and in problems() each field ("monthly.day"; empty for
    // the whole policy) with a sentence to show under it.
    Expected<void> checkPolicy(qint64 lineId, const Policy &policy);
    // What `policy` would do on the line over the next `days` (1–366), the
    // world otherwise as it is: the same run on a copy of the world as the
    // outlook's, with the candidate rules in place; nothing is charged or saved.
    Expected<LineOutlook> previewPolicy(qint64 lineId, const Policy &policy, int days = 30);
    // Which rules would have cost least for how the line was used over its
    // last `days` days (1–366) of stored hourly usage, up to the world's
    // clock: the history is read here, the replay runs on the task's own
    // thread once started (docs/advisor.md). Nothing is charged or saved.
    Expected<std::unique_ptr<AdviceTask>> adviseRules(qint64 lineId, int days);

    // Payment methods.
    Expected<std::vector<MethodRecord>> methods();
    Expected<MethodRecord> addCard(const CardForm &form);
    Expected<MethodRecord> addWallet(const WalletForm &form);
    Expected<void> deposit(qint64 methodId, Money amount);
    Expected<void> setDefaultMethod(qint64 methodId);
    Expected<void> removeMethod(qint64 methodId);
    // Why removeMethod would refuse (a policy pays with it), asked before confirming.
    Expected<void> canRemoveMethod(qint64 methodId);

    // Trying the rules out.
    Expected<ChargeAnswer> manualTopUp(qint64 lineId, qint64 packageId, qint64 methodId);
    Expected<void> injectFault(qint64 methodId, const std::vector<Reason> &reasons);
    Expected<void> drainLine(qint64 lineId);

    // Queries.
    // What the screens say about every line, at the world's clock: balances,
    // the rules' state, the next top-ups the engine will make (a run on a
    // copy of the world), the forecast at the recent pace, this month's
    // spend and counts against each cap, low funds. A fixed number of
    // queries and one run for all lines. After a move off this thread (a
    // play step, startCatchUp, another program's move on a server) the
    // thread that moved the world has made it already (PreparedOutlook):
    // handed out at once (once) while it still holds (the same account, no
    // write since, the clock where it was made), else built here.
    Expected<Outlook> outlook();
    // How many outlook() calls ran the engine; the others took the run
    // kept since (only the engine moved the world): for the tests and the
    // benchmarks.
    int outlookRuns() const noexcept;
    // How many outlook() calls built some lines only, taking the others
    // from the last outlook (their inputs the same): for the tests.
    int outlooksTakingLines() const noexcept;
    // How many outlook() calls read some lines only from the store, taking
    // the others' rows from the world kept (OutlookKeeper::linesToRead).
    int outlooksReadingSomeLines() const noexcept;
    // How many outlooks the threads that moved the world made, and how many
    // outlook() calls handed one of them out (PreparedOutlook).
    int outlooksPrepared() const noexcept;
    int preparedOutlooksHandedOut() const noexcept;
    // What the last of them cost its thread: the time in ms, and the
    // statements run on its store (PreparedOutlook::lastCost; for the benchmarks).
    double lastPreparedOutlookMs() const noexcept;
    quint64 lastPreparedOutlookStatements() const noexcept;
    // Newest first, at most `limit` (-1: all); lineId 0: every line; with
    // `before` (the last row of a page), the page after it.
    Expected<std::vector<AttemptRow>> attempts(int limit = 200, qint64 lineId = 0, std::optional<HistoryKey> before = std::nullopt);
    // The same, of the attempts `filter` lets through.
    Expected<std::vector<AttemptRow>> attempts(const AttemptFilter &filter, int limit, std::optional<HistoryKey> before = std::nullopt);
    // Every attempt `filter` lets through, newest first, one at a time (an
    // export: none are held); stops at the first failure `each` returns.
    // The number of rows handed.
    Expected<int> eachAttempt(const AttemptFilter &filter, const std::function<Expected<void>(const AttemptRow &)> &each);
    Expected<std::vector<MonthSpend>> spendByMonth(qint64 lineId = 0);
    Expected<MonthSpend> spendThisMonth(qint64 lineId = 0);
    // spendThisMonth of every line of the account in one query, by line id;
    // a line missing from the map spent nothing this month.
    Expected<std::map<qint64, MonthSpend>> spendThisMonthByLine();
    // The last `days` local days up to the world's today; lineId 0: all lines added up.
    Expected<std::vector<UsagePoint>> dailyUsage(qint64 lineId, int days);
    Expected<std::vector<UsagePoint>> hourlyUsage(qint64 lineId, int hours);
    // Newest first, paged as attempts().
    Expected<std::vector<AlertRow>> alerts(bool unreadOnly = false, int limit = -1, std::optional<HistoryKey> before = std::nullopt);
    Expected<int> unreadAlertCount();
    Expected<void> markAlertRead(qint64 alertId);
    Expected<void> markAllAlertsRead();

signals:
    // What changed (docs/desktop-app.md, "What changed"): a page looks again
    // only at what it shows, a model updates the rows concerned. A write
    // names the line, method or alert it changed; a move of the world says
    // so (worldAdvanced) rather than naming every line.

    // Who acts changed (sign-in, sign-out, actAs), or the account's own
    // settings (its cap, its zone), which every page's figures depend on.
    void accountChanged();
    // The simulated world moved on: a catch-up, a play step, advanceBy,
    // advanceToNextEvent, or the rules acting after a write (a top-up paid,
    // failed or blocked there). The clock, and with it any line's balance
    // and state, any method's funds, new attempts and alerts, may have
    // changed: whoever shows any of them looks again.
    void worldAdvanced();
    void lineAdded(qint64 lineId);
    // The line left the account's lines (History keeps its rows, marked removed).
    void lineRemoved(qint64 lineId);
    // These lines' own records changed: name, rules, balance (drained),
    // state (a deposit re-arms a trigger suspended on the method).
    void linesChanged(const QList<qint64> &lineIds);
    void methodAdded(qint64 methodId);
    void methodRemoved(qint64 methodId);
    // These methods changed: funds (a deposit, a manual top-up), which is the
    // default, faults queued at the provider (what their next charges answer).
    void methodsChanged(const QList<qint64> &methodIds);
    // New attempts of these lines outside a move of the world (a purchase, a manual top-up).
    void attemptsAdded(const QList<qint64> &lineIds);
    // New alerts outside a move of the world (the rules found a method's
    // funds low once a write named it).
    void alertsAdded();
    void alertRead(qint64 alertId);
    void allAlertsRead();
    void catchUpProgress(qint64 reachedMs, qint64 targetMs);
    void catchUpFinished(const topup::CatchUpSummary &summary, const QString &error);
    void playStopped(const QString &error);
    // A jump started by startJumpToNextEvent ended: the instant the world
    // moved to, none when no top-up comes within 35 days, or why not.
    void jumpFinished(const topup::Expected<std::optional<topup::Instant>> &next);
    // The background check has ended: `damage` is "PATH: damaged database
    // (…)", or empty when none was found (integrity() tells Ok from Unchecked).
    void integrityChecked(const QString &damage);
    // Something went wrong after an action had already taken effect (e.g.
    // the rules could not run after a manual top-up was recorded).
    void problem(const QString &error);
    // A write or a move waits for another program's move of the shared
    // world: `sentence` says so ("Waiting for another desktop (topup-sim,
    // process 42 on desk-2) to finish moving the world…"); it waits at most
    // Options::worldWaitMs, then worldWaitEnded, whether it got the world
    // or was refused. Said in the thread that waits, before it blocks.
    void waitingForWorld(const QString &sentence);
    void worldWaitEnded();

private:
    Service(OpenedWorld world, const Options &options);
    void startIntegrityCheck(const QStringList &paths);
    // Passes the signals of the Service's parts on as its own.
    void forwardSignals();
    // On a server: tells the other programs sharing the world what this one
    // changed (each signal below that a write or a move emits), and passes
    // on as its own signals what they changed (WorldNotices).
    void shareSignals();

    QString m_dataDir;
    std::unique_ptr<DataDirectory> m_directory;     // a folder's world, claimed
    bool m_onServer = false;                       // a world on PostgreSQL, shared with other programs
    std::shared_ptr<Database> m_store;
    std::unique_ptr<JournalGateway> m_provider;
    std::unique_ptr<Clock> m_clock;
    int m_reconciled = 0;
    bool m_openedWhole = false; // open() accepted the world and reconciled it
    std::unique_ptr<IntegrityCheck> m_integrityCheck;
    Integrity m_integrity = Integrity::Ok;
    QString m_integrityProblem;
    std::unique_ptr<WorldRunner> m_runner;
    std::unique_ptr<AccountSession> m_session;
    std::unique_ptr<AccountLines> m_lines;
    std::unique_ptr<AccountMethods> m_methods;
    std::unique_ptr<AccountHistory> m_history;
    std::unique_ptr<AccountOutlook> m_outlook;
    std::unique_ptr<PreparedOutlook> m_prepared;
    std::unique_ptr<WorldNotices> m_notices;
    bool m_hearing = false; // emitting what another program told: not told back
};

} // namespace topup
