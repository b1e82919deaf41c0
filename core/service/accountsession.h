#pragma once

#include "clock.h"
#include "domain/account.h"
#include "domain/expected.h"
#include "domain/instant.h"
#include "domain/money.h"
#include "rules/zonedcalendar.h"
#include "store/worldmovelock.h"
#include "touched.h"
#include "worldrunner.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace topup {

class Database;

// Who acts for the Service, and whether they may now: signing up, in and
// out (or acting for an account without its password, for the local
// command line), the account's own settings, and the gate every call of the
// Service's parts passes (forAccount, forAccountAt): nobody signed in is
// refused, and a call that would write also while the world is not free to
// be written (WorldRunner::writeRefusal). A call that writes runs under the
// world's lock (WorldMoveLock: another program sharing the world on
// PostgreSQL waits), with the account and the clock as the store has them
// then, whoever changed them.
class AccountSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountSession)

public:
    enum class Access { Read, Write };

    AccountSession(Database &store, int passwordIterations, WorldRunner &runner, const Clock &clock);

    const std::optional<Account> &account() const noexcept { return m_account; }
    Expected<std::vector<Account>> allAccounts();
    Expected<void> actAs(qint64 accountId);
    Expected<Account> signUp(const SignUpForm &form, const QByteArray &fixedSalt);
    Expected<Account> signIn(const QString &login, const QString &password);
    void signOut();
    Expected<void> setMonthlyCap(std::optional<Money> cap);
    Expected<void> setTimeZone(const QString &zone);

    // Why a call may not act now; none when it may.
    std::optional<Failure> refusal(Access access);
    // The signed-in account's zone: the one its months and local dates follow.
    ZonedCalendar calendar() const;
    // This desktop's clock (the wall clock, or --now): when it saves rules.
    Instant now() const { return m_clock.now(); }
    // How many times the world may have been changed other than by the
    // engine moving it on: every call let through to write (whether it
    // wrote or not), who acts, and what another program sharing the world
    // said it changed (noteChangeElsewhere). What the outlook keeps holds
    // only while this stays the same, or while the writes since touched
    // what it can follow (touchedSince, OutlookKeeper).
    quint64 writes() const noexcept { return m_writes; }
    // Another program's change: it may have touched anything.
    void noteChangeElsewhere() { note(Touched::all()); }
    // What the writes after the first `since` changed, all together
    // (Touched::everything when some are no longer recorded: only the last
    // `recorded` are).
    Touched touchedSince(quint64 since) const;
    // touchedSince over a copy of what is recorded now: for a thread that
    // prepares the outlook (PreparedOutlook) while this session, on its
    // own thread, goes on taking writes and notices.
    std::function<Touched(quint64 since)> touchedRecord() const;
    // How many of the writes may have changed anything (Touched::everything):
    // what is kept of the past days of usage holds while this stays.
    quint64 wideWrites() const noexcept { return m_wideWrites; }
    // What the last write changed, said by the call that made it (a write
    // let through is taken to change everything until it says less).
    void touched(Touched what);
    static constexpr std::size_t recorded = 64;

    // Runs work(accountId) for the signed-in account, or says why not.
    template<typename Work>
    auto forAccount(Access access, Work &&work) -> decltype(work(qint64()))
    {
        using Result = decltype(work(qint64()));
        if (std::optional<Failure> why = refusal(access))
            return Result::failure(std::move(*why));
        std::optional<WorldMoveLock> held;
        if (std::optional<Failure> why = holdForWrite(access, held))
            return Result::failure(std::move(*why));
        noteWrite(access);
        return work(m_account->id);
    }

    // The same with the world's clock: work(accountId, clock).
    template<typename Work>
    auto forAccountAt(Access access, Work &&work) -> decltype(work(qint64(), Instant()))
    {
        using Result = decltype(work(qint64(), Instant()));
        if (std::optional<Failure> why = refusal(access))
            return Result::failure(std::move(*why));
        std::optional<WorldMoveLock> held;
        if (std::optional<Failure> why = holdForWrite(access, held))
            return Result::failure(std::move(*why));
        noteWrite(access);
        const Expected<Instant> clock = m_runner.clock();
        if (!clock)
            return Result::failure(clock);
        return work(m_account->id, *clock);
    }

signals:
    // Who acts changed, or the account's own settings (its cap, its zone).
    void accountChanged();

private:
    // For a write: the world's lock into `held`, and the account read again
    // under it (another program may have changed its cap or zone); why
    // not, when the lock or the account cannot be had.
    std::optional<Failure> holdForWrite(Access access, std::optional<WorldMoveLock> &held);
    // Signs `account` in (signUp, signIn), or passes its failure on.
    Expected<Account> signedIn(const Expected<Account> &account);
    void noteWrite(Access access)
    {
        if (access == Access::Write)
            note(Touched::all());
    }
    void note(Touched what);

    Database &m_store;
    int m_iterations;
    WorldRunner &m_runner;
    const Clock &m_clock;
    std::optional<Account> m_account;
    quint64 m_writes = 0;
    quint64 m_wideWrites = 0;
    static Touched touchedIn(const std::deque<std::pair<quint64, Touched>> &touched, quint64 writes, quint64 since);

    std::deque<std::pair<quint64, Touched>> m_touched; // the last writes, by their count
};

} // namespace topup
