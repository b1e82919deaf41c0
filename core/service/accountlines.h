#pragma once

#include "domain/expected.h"
#include "domain/linerecord.h"
#include "domain/packagerecord.h"
#include "domain/policy.h"
#include "domain/regionoffer.h"
#include "sim/gateway.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace topup {

class AccountSession;
class Database;
class JournalGateway;
class WorldRunner;

// The signed-in account's lines for the Service: the carrier's catalog and
// packages, buying and adding lines, renaming and removing them, their
// rules, and trying the rules out on one (draining it, a manual top-up).
// Every call goes through AccountSession; the rules react after a write
// (WorldRunner::settle); the signals say what changed.
class AccountLines final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountLines)

public:
    // `desktop`: how this desktop names itself when it saves rules ("user@host").
    AccountLines(Database &store, JournalGateway &provider, AccountSession &session, WorldRunner &runner,
                 std::function<QString()> tokens, QString desktop);

    Expected<std::vector<RegionOffer>> regions();
    Expected<std::vector<PackageRecord>> packages();
    Expected<std::vector<PackageRecord>> packages(qint64 lineId);
    Expected<std::vector<LineRecord>> lines();
    Expected<std::vector<LineRecord>> historyLines();
    Expected<LinePurchaseResult> buy(const LinePurchaseForm &form);
    Expected<LineRecord> add(const LineForm &form);
    Expected<void> rename(qint64 lineId, const QString &name);
    Expected<void> remove(qint64 lineId);
    // With `seen`: refused (RulesConflict) when the rules changed since the
    // form loaded them, at another version, into other rules.
    Expected<void> setPolicy(qint64 lineId, const std::optional<Policy> &policy, const std::optional<RulesSeen> &seen = std::nullopt);
    Expected<void> checkPolicy(qint64 lineId, const Policy &policy);
    Expected<ChargeAnswer> manualTopUp(qint64 lineId, qint64 packageId, qint64 methodId);
    Expected<void> drain(qint64 lineId);

signals:
    void lineAdded(qint64 lineId);
    void lineRemoved(qint64 lineId);
    void linesChanged(const QList<qint64> &lineIds);
    void methodsChanged(const QList<qint64> &methodIds);
    void attemptsAdded(const QList<qint64> &lineIds);
    void problem(const QString &error);

private:
    Database &m_store;
    JournalGateway &m_provider;
    AccountSession &m_session;
    WorldRunner &m_runner;
    std::function<QString()> m_tokens;
    QString m_desktop; // how this desktop names itself when it saves rules
};

} // namespace topup
