#include "accountsession.h"

#include "store/accountstore.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace topup {

AccountSession::AccountSession(Database &store, int passwordIterations, WorldRunner &runner, const Clock &clock)
    : m_store(store), m_iterations(passwordIterations), m_runner(runner), m_clock(clock)
{
}

std::optional<Failure> AccountSession::refusal(Access access)
{
    if (access == Access::Write) {
        if (std::optional<Failure> why = m_runner.writeRefusal())
            return why;
    }
    if (!m_account)
        return Failure(QCoreApplication::translate("topup::Service", "sign in first"),
                       QCoreApplication::translate("topup::Service", "Sign in first."));
    return std::nullopt;
}

std::optional<Failure> AccountSession::holdForWrite(Access access, std::optional<WorldMoveLock> &held)
{
    if (access != Access::Write)
        return std::nullopt;
    Expected<WorldMoveLock> lock = WorldMoveLock::take(m_store);
    if (!lock)
        return lock.whyFailed();
    held.emplace(lock.take());
    if (m_store.dialect().engine() != Dialect::Engine::Postgresql)
        return std::nullopt; // one program per folder: what this one holds is the store's
    const Expected<Account> account = AccountStore(m_store, m_iterations).account(m_account->id);
    if (!account)
        return account.whyFailed();
    m_account = *account;
    return std::nullopt;
}

void AccountSession::note(Touched what)
{
    ++m_writes;
    m_wideWrites += what.everything ? 1 : 0;
    m_touched.emplace_back(m_writes, std::move(what));
    while (m_touched.size() > recorded)
        m_touched.pop_front();
}

void AccountSession::touched(Touched what)
{
    if (m_touched.empty() || m_touched.back().first != m_writes)
        return;
    Touched &last = m_touched.back().second;
    if (last.everything && !what.everything)
        --m_wideWrites;
    last = std::move(what);
}

Touched AccountSession::touchedSince(quint64 since) const
{
    return touchedIn(m_touched, m_writes, since);
}

std::function<Touched(quint64 since)> AccountSession::touchedRecord() const
{
    return [touched = m_touched, writes = m_writes](quint64 since) { return touchedIn(touched, writes, since); };
}

Touched AccountSession::touchedIn(const std::deque<std::pair<quint64, Touched>> &touched, quint64 writes, quint64 since)
{
    if (since == writes)
        return Touched::nothing();
    if (since > writes || touched.empty() || touched.front().first > since + 1)
        return Touched::all();
    Touched all = Touched::nothing();
    for (const auto &[count, what] : touched) {
        if (count > since)
            all.add(what);
    }
    return all;
}

ZonedCalendar AccountSession::calendar() const
{
    return ZonedCalendar(QTimeZone(m_account->timezone.toUtf8()));
}

Expected<std::vector<Account>> AccountSession::allAccounts()
{
    return AccountStore(m_store, m_iterations).all();
}

Expected<void> AccountSession::actAs(qint64 accountId)
{
    const Expected<Account> account = AccountStore(m_store, m_iterations).account(accountId);
    if (!account)
        return Expected<void>::failure(account);
    m_account = *account;
    note(Touched::all());
    emit accountChanged();
    return {};
}

Expected<Account> AccountSession::signedIn(const Expected<Account> &account)
{
    if (account) {
        m_account = *account;
        note(Touched::all());
        emit accountChanged();
    }
    return account;
}

Expected<Account> AccountSession::signUp(const SignUpForm &form, const QByteArray &fixedSalt)
{
    if (std::optional<Failure> why = m_runner.writeRefusal())
        return Expected<Account>::failure(std::move(*why));
    const Expected<WorldMoveLock> held = WorldMoveLock::take(m_store);
    if (!held)
        return Expected<Account>::failure(held);
    return signedIn(AccountStore(m_store, m_iterations).signUp(form, m_clock.now(), fixedSalt));
}

Expected<Account> AccountSession::signIn(const QString &login, const QString &password)
{
    if (std::optional<Failure> why = m_runner.writeRefusal())
        return Expected<Account>::failure(std::move(*why)); // sign-in writes the failure count
    const Expected<WorldMoveLock> held = WorldMoveLock::take(m_store);
    if (!held)
        return Expected<Account>::failure(held);
    return signedIn(AccountStore(m_store, m_iterations).signIn(login, password, m_clock.now()));
}

void AccountSession::signOut()
{
    m_runner.stopPlaying();
    m_account.reset();
    note(Touched::all());
    emit accountChanged();
}

Expected<void> AccountSession::setMonthlyCap(std::optional<Money> cap)
{
    const Expected<void> done = forAccount(Access::Write, [&](qint64 id) {
        return AccountStore(m_store, m_iterations).setMonthlyCap(id, cap);
    });
    if (done) {
        m_account->monthlyCap = cap;
        note(Touched::all());
        emit accountChanged();
    }
    return done;
}

Expected<void> AccountSession::setTimeZone(const QString &zone)
{
    const Expected<void> done = forAccount(Access::Write, [&](qint64 id) {
        return AccountStore(m_store, m_iterations).setTimeZone(id, zone);
    });
    if (!done)
        return done;
    m_account->timezone = zone;
    note(Touched::all());
    emit accountChanged();
    return m_runner.settle(m_account->id, Touched::all()); // the rules react in the new zone at once
}

} // namespace topup
