#include "linestore.h"

#include "database.h"
#include "rules/policyrules.h"
#include "scenario/policyjson.h"
#include "statement.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace topup {
namespace {

const char *const lineColumns = "id, name, region, profile, seed, data_bytes, voice_seconds, policy_json, threshold_state,"
                                " threshold_chains, manual_topups, last_monthly_key, unserved_data_bytes, unserved_voice_seconds,"
                                " (SELECT min(due_ms) FROM retries r WHERE r.line_id = lines.id AND r.trigger = 'threshold')";

ThresholdState stateFromName(const QString &name)
{
    for (ThresholdState state : {ThresholdState::Armed, ThresholdState::Retrying, ThresholdState::Suspended, ThresholdState::Blocked}) {
        if (thresholdStateName(state) == name)
            return state;
    }
    return ThresholdState::Armed;
}

// Policies are stored as the JSON of SPEC §8 and read back with the same
// reader, against ids that always exist (their rows are never deleted).
std::optional<Policy> policyFrom(const QString &json)
{
    if (json.isEmpty())
        return std::nullopt;
    const KnownIds any{{}, false};
    const std::vector<Package> none;
    Problems problems;
    return PolicyJson::read(QJsonDocument::fromJson(json.toUtf8()).object(), QString(), PolicyCatalog{any, any, none},
                            problems);
}

LineRecord lineFrom(const Statement &row)
{
    LineRecord line;
    line.id = row.integer(0);
    line.name = row.text(1);
    line.region = row.text(2);
    line.profile = parseUsageProfile(row.text(3)).value_or(UsageProfile::Regular);
    line.seed = quint64(row.integer(4));
    line.dataBytes = row.integer(5);
    line.voiceSeconds = row.integer(6);
    line.policy = policyFrom(row.text(7));
    line.progress.state = stateFromName(row.text(8));
    line.progress.thresholdChains = int(row.integer(9));
    line.progress.manualTopUps = int(row.integer(10));
    line.progress.lastMonthlyKey = int(row.integer(11));
    line.progress.unservedDataBytes = row.integer(12);
    line.progress.unservedVoiceSeconds = row.integer(13);
    if (!row.isNull(14))
        line.nextThresholdRetry = Instant::fromMsecs(row.integer(14));
    return line;
}

Expected<bool> checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Expected<bool>::failure(LineStore::tr("a line needs a name"));
    if (name.trimmed().size() > 60)
        return Expected<bool>::failure(LineStore::tr("a line's name is at most 60 characters"));
    return true;
}

} // namespace

Expected<LineRecord> LineStore::add(qint64 accountId, const LineForm &form)
{
    if (const Expected<bool> named = checkName(form.name); !named)
        return Expected<LineRecord>::failure(named.error());
    LineRecord line;
    const Expected<bool> written = m_database.write([&]() -> Expected<bool> {
        Statement insert(m_database, QStringLiteral("INSERT INTO lines (account_id, code, name, region, profile, seed, data_bytes,"
                                                    " voice_seconds) VALUES (?, (SELECT 'L' || (coalesce(max(id), 0) + 1) FROM lines), ?, ?, ?, ?, ?, ?)"));
        insert.bind(accountId).bind(form.name.trimmed()).bind(form.region.trimmed()).bind(usageProfileName(form.profile));
        insert.bind(qint64(form.seed)).bind(form.data.bytes()).bind(form.voice.seconds());
        if (const auto ran = insert.run(); !ran)
            return ran;
        line.id = insert.lastInsertId();
        return true;
    });
    if (!written)
        return Expected<LineRecord>::failure(written.error());
    return find(accountId, line.id);
}

Expected<std::vector<LineRecord>> LineStore::list(qint64 accountId)
{
    Statement select(m_database, QStringLiteral("SELECT %1 FROM lines WHERE account_id = ? ORDER BY id").arg(QLatin1String(lineColumns)));
    select.bind(accountId);
    if (const auto ran = select.run(); !ran)
        return Expected<std::vector<LineRecord>>::failure(ran.error());
    std::vector<LineRecord> lines;
    while (select.next())
        lines.push_back(lineFrom(select));
    return lines;
}

Expected<LineRecord> LineStore::find(qint64 accountId, qint64 lineId)
{
    Statement select(m_database, QStringLiteral("SELECT %1 FROM lines WHERE account_id = ? AND id = ?").arg(QLatin1String(lineColumns)));
    select.bind(accountId).bind(lineId);
    if (const auto ran = select.run(); !ran)
        return Expected<LineRecord>::failure(ran.error());
    if (!select.next())
        return Expected<LineRecord>::failure(LineStore::tr("no such line"));
    return lineFrom(select);
}

Expected<bool> LineStore::rename(qint64 accountId, qint64 lineId, const QString &name)
{
    if (const Expected<bool> named = checkName(name); !named)
        return named;
    return m_database.write([&]() -> Expected<bool> {
        Statement update(m_database, QStringLiteral("UPDATE lines SET name = ? WHERE account_id = ? AND id = ?"));
        update.bind(name.trimmed()).bind(accountId).bind(lineId);
        if (const auto ran = update.run(); !ran)
            return ran;
        if (update.rowsAffected() != 1)
            return Expected<bool>::failure(LineStore::tr("no such line"));
        return true;
    });
}

Expected<bool> LineStore::remove(qint64 accountId, qint64 lineId)
{
    return m_database.write([&]() -> Expected<bool> {
        Statement remove(m_database, QStringLiteral("DELETE FROM lines WHERE account_id = ? AND id = ?"));
        remove.bind(accountId).bind(lineId);
        if (const auto ran = remove.run(); !ran)
            return ran;
        if (remove.rowsAffected() != 1)
            return Expected<bool>::failure(LineStore::tr("no such line"));
        return true;
    });
}

Expected<bool> LineStore::checkPolicy(qint64 accountId, const Policy &policy)
{
    QStringList methods;
    std::vector<Package> packages;
    Statement select(m_database, QStringLiteral("SELECT 'M' || id, NULL, NULL FROM methods WHERE account_id = ? AND removed = 0"
                                                " UNION ALL SELECT 'P' || id, data_bytes, voice_seconds FROM packages WHERE account_id = ?"));
    select.bind(accountId).bind(accountId);
    if (const auto ran = select.run(); !ran)
        return ran;
    while (select.next()) {
        const QString id = select.text(0);
        if (id.startsWith(QLatin1Char('M')))
            methods << id;
        else
            packages.push_back(Package{id, DataAmount(select.integer(1)), VoiceAmount(select.integer(2)), Money()});
    }
    const std::vector<PolicyProblem> problems = PolicyRules::check(policy, packages, methods);
    if (problems.empty())
        return true;
    QStringList messages;
    for (const PolicyProblem &problem : problems) {
        const QString path = problem.field.isEmpty() ? QStringLiteral("policy") : QStringLiteral("policy.") + problem.field;
        messages << path + QLatin1String(": ") + problem.message;
    }
    return Expected<bool>::failure(messages.join(QLatin1Char('\n')));
}

Expected<bool> LineStore::setPolicy(qint64 accountId, qint64 lineId, const std::optional<Policy> &policy)
{
    if (policy) {
        if (const Expected<bool> valid = checkPolicy(accountId, *policy); !valid)
            return valid;
    }
    return m_database.write([&]() -> Expected<bool> {
        Statement update(m_database, QStringLiteral("UPDATE lines SET policy_json = ?, threshold_state = 'armed'"
                                                    " WHERE account_id = ? AND id = ?"));
        update.bindNullable(policy.has_value(),
                            policy ? QString::fromUtf8(QJsonDocument(PolicyJson::write(*policy)).toJson(QJsonDocument::Compact))
                                   : QString());
        update.bind(accountId).bind(lineId);
        if (const auto ran = update.run(); !ran)
            return ran;
        if (update.rowsAffected() != 1)
            return Expected<bool>::failure(LineStore::tr("no such line"));
        Statement drop(m_database, QStringLiteral("DELETE FROM retries WHERE line_id = ?"));
        drop.bind(lineId);
        return drop.run();
    });
}

Expected<QStringList> LineStore::linesPayingWith(qint64 accountId, const QString &engineMethodId)
{
    const Expected<std::vector<LineRecord>> lines = list(accountId);
    if (!lines)
        return Expected<QStringList>::failure(lines.error());
    QStringList names;
    for (const LineRecord &line : *lines) {
        if (line.policy && line.policy->enabled && line.policy->paysWith(engineMethodId))
            names << line.name;
    }
    return names;
}

Expected<int> LineStore::rearmSuspendedPayingWith(qint64 accountId, const QString &engineMethodId)
{
    int rearmed = 0;
    const Expected<bool> done = m_database.write([&]() -> Expected<bool> {
        const Expected<std::vector<LineRecord>> lines = list(accountId);
        if (!lines)
            return Expected<bool>::failure(lines.error());
        for (const LineRecord &line : *lines) {
            if (line.progress.state != ThresholdState::Suspended || !line.policy || !line.policy->paysWith(engineMethodId))
                continue;
            Statement update(m_database, QStringLiteral("UPDATE lines SET threshold_state = 'armed' WHERE id = ?"));
            update.bind(line.id);
            if (const auto ran = update.run(); !ran)
                return ran;
            ++rearmed;
        }
        return true;
    });
    if (!done)
        return Expected<int>::failure(done.error());
    return rearmed;
}

Expected<bool> LineStore::drainData(qint64 accountId, qint64 lineId)
{
    return m_database.write([&]() -> Expected<bool> {
        Statement update(m_database, QStringLiteral("UPDATE lines SET data_bytes = 0 WHERE account_id = ? AND id = ?"));
        update.bind(accountId).bind(lineId);
        if (const auto ran = update.run(); !ran)
            return ran;
        if (update.rowsAffected() != 1)
            return Expected<bool>::failure(LineStore::tr("no such line"));
        return true;
    });
}

} // namespace topup
