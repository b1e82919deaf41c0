#pragma once

#include "domain/expected.h"
#include "domain/methodrecord.h"
#include "domain/money.h"
#include "domain/reason.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace topup {

class AccountSession;
class Database;
class JournalGateway;
class WorldRunner;

// The signed-in account's payment methods for the Service: listing, adding
// cards and wallets, deposits (which re-arm the triggers suspended on the
// method), the default, removal, and faults injected at the provider.
// Every call goes through AccountSession; the signals say what changed.
class AccountMethods final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountMethods)

public:
    AccountMethods(Database &store, JournalGateway &provider, AccountSession &session, WorldRunner &runner,
                   std::function<QString()> tokens);

    Expected<std::vector<MethodRecord>> methods();
    Expected<MethodRecord> addCard(const CardForm &form);
    Expected<MethodRecord> addWallet(const WalletForm &form);
    Expected<void> deposit(qint64 methodId, Money amount);
    Expected<void> setDefault(qint64 methodId);
    Expected<void> remove(qint64 methodId);
    Expected<void> canRemove(qint64 methodId);
    Expected<void> injectFault(qint64 methodId, const std::vector<Reason> &reasons);

signals:
    void methodAdded(qint64 methodId);
    void methodRemoved(qint64 methodId);
    void methodsChanged(const QList<qint64> &methodIds);
    void linesChanged(const QList<qint64> &lineIds);

private:
    // The active lines whose rules pay with the method (first or as the fallback).
    QList<qint64> linesPayingWith(qint64 methodId);

    Database &m_store;
    JournalGateway &m_provider;
    AccountSession &m_session;
    WorldRunner &m_runner;
    std::function<QString()> m_tokens;
};

} // namespace topup
