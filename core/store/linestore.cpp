#include "linestore.h"

#include "database.h"
#include "domain/engineid.h"
#include "domain/linename.h"
#include "packagestore.h"
#include "rules/policyrules.h"
#include "scenario/policyjson.h"
#include "statement.h"
#include "storedname.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace topup {
namespace {

const char *const lineColumns = "id, name, region, profile, seed, data_bytes, voice_seconds, policy_json, threshold_state,"
                                " threshold_chains, manual_topups, last_monthly_key, unserved_data_bytes, unserved_voice_seconds,"
                                " (SELECT min(due_ms) FROM retries r WHERE r.line_id = lines.id AND r.trigger = 'threshold'),"
                                " state, removed_ms, rules_version, rules_changed_by, rules_changed_ms";

// Policies are stored as the JSON of SPEC §8 and read back with the same
// reader, against ids that always exist (their rows are never deleted). A
// policy that no longer reads (a damaged file) is reported, never taken for
// "no rules" — that would silently stop the line's top-ups.
Expected<std::optional<Policy>> policyFrom(qint64 lineId, const QString &json)
{
    if (json.isEmpty())
        return std::optional<Policy>();
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parsed);
    if (parsed.error != QJsonParseError::NoError || !document.isObject())
        return Expected<std::optional<Policy>>::failure(
            LineStore::tr("line %1 in the store has rules that are not a JSON object (%2)")
                .arg(lineId)
                .arg(parsed.error != QJsonParseError::NoError ? parsed.errorString() : LineStore::tr("not an object")));
    const KnownIds any{{}, false};
    const std::vector<Package> none;
    Problems problems;
    Policy policy = PolicyJson::read(document.object(), QString(), PolicyCatalog{any, any, none}, problems);
    if (!problems.empty())
        return Expected<std::optional<Policy>>::failure(LineStore::tr("line %1 in the store has rules that cannot be read: %2: %3")
                                                            .arg(lineId)
                                                            .arg(problems.front().path, problems.front().message));
    return std::optional<Policy>(std::move(policy));
}

// `readRules` (when given): rules already parsed, by line (LineStore::ReadRules).
Expected<LineRecord> lineFrom(const Statement &row, LineStore::ReadRules *readRules = nullptr)
{
    LineRecord line;
    line.id = row.integer(0);
    line.name = row.text(1);
    line.region = row.text(2);
    const Expected<UsageProfile> profile = StoredName::read(row.text(3), parseUsageProfile, "line", line.id, "profile");
    if (!profile)
        return Expected<LineRecord>::failure(profile);
    line.profile = *profile;
    line.seed = quint64(row.integer(4));
    line.dataBytes = row.integer(5);
    line.voiceSeconds = row.integer(6);
    const QString json = row.text(7);
    const auto read = readRules ? readRules->constFind(line.id) : LineStore::ReadRules::const_iterator();
    if (readRules && read != readRules->cend() && read->first == json) {
        line.policy = read->second;
    } else {
        Expected<std::optional<Policy>> policy = policyFrom(line.id, json);
        if (!policy)
            return Expected<LineRecord>::failure(policy);
        line.policy = std::move(*policy);
        if (readRules)
            readRules->insert(line.id, {json, line.policy});
    }
    const Expected<ThresholdState> thresholdState = StoredName::read(row.text(8), parseThresholdState, "line", line.id, "threshold_state");
    if (!thresholdState)
        return Expected<LineRecord>::failure(thresholdState);
    line.progress.state = *thresholdState;
    line.progress.thresholdChains = int(row.integer(9));
    line.progress.manualTopUps = int(row.integer(10));
    line.progress.lastMonthlyKey = int(row.integer(11));
    line.progress.unservedDataBytes = row.integer(12);
    line.progress.unservedVoiceSeconds = row.integer(13);
    if (!row.isNull(14))
        line.nextThresholdRetry = Instant::fromMsecs(row.integer(14));
    const Expected<LineState> state = StoredName::read(row.text(15), parseLineState, "line", line.id, "state");
    if (!state)
        return Expected<LineRecord>::failure(state);
    line.state = *state;
    if (!row.isNull(16))
        line.removedAt = Instant::fromMsecs(row.integer(16));
    line.rulesVersion = row.integer(17);
    if (!row.isNull(18) && !row.isNull(19))
        line.rulesChangedBy = RulesAuthor{row.text(18), Instant::fromMsecs(row.integer(19))};
    return line;
}

Expected<std::vector<LineRecord>> linesWhere(Database &database, qint64 accountId, const char *condition,
                                             LineStore::ReadRules *readRules = nullptr)
{
    Statement select(database, QStringLiteral("SELECT %1 FROM lines WHERE account_id = ? AND %2 ORDER BY id")
                                   .arg(QLatin1String(lineColumns), QLatin1String(condition)));
    select.bind(accountId);
    if (const auto ran = select.run(); !ran)
        return Expected<std::vector<LineRecord>>::failure(ran);
    std::vector<LineRecord> lines;
    while (select.next()) {
        Expected<LineRecord> line = lineFrom(select, readRules);
        if (!line)
            return Expected<std::vector<LineRecord>>::failure(line);
        lines.push_back(std::move(*line));
    }
    return lines;
}

// Runs an UPDATE of one active line of the account (its id and the
// account's bound last): refused as "no such line" when none matched.
Expected<void> updateActiveLine(Statement &update)
{
    if (const auto ran = update.run(); !ran)
        return ran;
    if (update.rowsAffected() != 1)
        return Expected<void>::failure(LineStore::tr("no such line"), LineStore::tr("No such line."));
    return {};
}

} // namespace

Expected<void> LineStore::checkName(const QString &name)
{
    if (std::optional<Failure> problem = LineName::problem(name))
        return Expected<void>::failure(std::move(*problem));
    return {};
}

Expected<LineRecord> LineStore::add(qint64 accountId, const LineForm &form)
{
    if (const Expected<void> named = checkName(form.name); !named)
        return Expected<LineRecord>::failure(named);
    LineRecord line;
    const Expected<void> written = m_database.write([&]() -> Expected<void> {
        Statement insert(m_database, QStringLiteral("INSERT INTO lines (account_id, code, name, region, profile, seed, data_bytes,"
                                                    " voice_seconds) VALUES (?, (SELECT 'L' || (coalesce(max(id), 0) + 1) FROM lines), ?, ?, ?, ?, ?, ?)")
                                         + m_database.dialect().returningId());
        insert.bind(accountId).bind(form.name.trimmed()).bind(form.region.trimmed()).bind(usageProfileName(form.profile));
        insert.bind(qint64(form.seed)).bind(form.data.bytes()).bind(form.voice.seconds());
        if (const auto ran = insert.run(); !ran)
            return ran;
        const Expected<qint64> id = insert.insertedId();
        if (!id)
            return Expected<void>::failure(id);
        line.id = *id;
        return {};
    });
    if (!written)
        return Expected<LineRecord>::failure(written);
    return find(accountId, line.id);
}

Expected<qint64> LineStore::addBuying(qint64 accountId, const QString &name, const QString &region, UsageProfile profile,
                                      quint64 seed)
{
    if (const Expected<void> named = checkName(name); !named)
        return Expected<qint64>::failure(named);
    // The caller holds the transaction (with the region's packages).
    Statement insert(m_database, QStringLiteral("INSERT INTO lines (account_id, code, name, region, profile, seed, data_bytes,"
                                                " voice_seconds, state) VALUES (?, (SELECT 'L' || (coalesce(max(id), 0) + 1) FROM lines),"
                                                " ?, ?, ?, ?, 0, 0, 'buying')")
                                     + m_database.dialect().returningId());
    insert.bind(accountId).bind(name.trimmed()).bind(region).bind(usageProfileName(profile)).bind(qint64(seed));
    if (const auto ran = insert.run(); !ran)
        return Expected<qint64>::failure(ran);
    return insert.insertedId();
}

Expected<void> LineStore::setState(qint64 lineId, LineState state)
{
    return m_database.write([&]() -> Expected<void> {
        Statement update(m_database, QStringLiteral("UPDATE lines SET state = ? WHERE id = ?"));
        update.bind(lineStateName(state)).bind(lineId);
        return update.run();
    });
}

Expected<int> LineStore::settlePurchases()
{
    int settled = 0;
    const Expected<void> done = m_database.write([&]() -> Expected<void> {
        Statement update(m_database, QStringLiteral("UPDATE lines SET state = CASE WHEN EXISTS (SELECT 1 FROM attempts a"
                                                    " WHERE a.line_id = lines.id AND a.trigger = 'purchase' AND a.status = 'succeeded')"
                                                    " THEN 'active' ELSE 'refused' END WHERE state = 'buying'"));
        if (const auto ran = update.run(); !ran)
            return ran;
        settled = update.rowsAffected();
        return {};
    });
    if (!done)
        return Expected<int>::failure(done);
    return settled;
}

Expected<std::vector<LineRecord>> LineStore::list(qint64 accountId)
{
    return linesWhere(m_database, accountId, "state = 'active'", m_readRules);
}

Expected<std::vector<LineRecord>> LineStore::listOnly(qint64 accountId, const std::vector<qint64> &lineIds)
{
    if (lineIds.empty())
        return std::vector<LineRecord>();
    QStringList ids;
    for (const qint64 id : lineIds)
        ids << QString::number(id);
    const QByteArray condition = QStringLiteral("state = 'active' AND id IN (%1)").arg(ids.join(QLatin1Char(','))).toLatin1();
    return linesWhere(m_database, accountId, condition.constData(), m_readRules);
}

Expected<std::vector<qint64>> LineStore::linesToSettle(qint64 accountId, Instant at)
{
    // Through the partial index of the flagged lines and the retries' index by due time.
    Statement select(m_database, QStringLiteral("SELECT id FROM lines WHERE account_id = ? AND check_due = 1 AND state = 'active'"
                                                " UNION SELECT r.line_id FROM retries r JOIN lines l ON l.id = r.line_id"
                                                " WHERE r.due_ms = ? AND l.account_id = ? AND l.state = 'active' ORDER BY 1"));
    select.bind(accountId).bind(at.msecs()).bind(accountId);
    return select.integers();
}

Expected<Money> LineStore::dearestPaidWith(qint64 accountId, qint64 methodId)
{
    const Dialect &dialect = m_database.dialect();
    Statement select(m_database, QStringLiteral("SELECT %1 FROM methods WHERE id = ? AND account_id = ?")
                                     .arg(dialect.largerOf(QStringLiteral("coalesce((SELECT max(pays_cents) FROM lines WHERE pays_method = ? AND state = 'active'), 0)"),
                                                           QStringLiteral("coalesce((SELECT max(pays_cents) FROM lines WHERE pays_fallback = ? AND state = 'active'), 0)"))));
    // A method is one account's: the index (method, state, price) answers alone.
    select.bind(methodId).bind(methodId).bind(methodId).bind(accountId);
    if (const auto ran = select.run(); !ran)
        return Expected<Money>::failure(ran);
    return Money::fromCents(select.next() && !select.isNull(0) ? select.integer(0) : 0);
}

Expected<std::vector<LineRecord>> LineStore::listForHistory(qint64 accountId)
{
    return linesWhere(m_database, accountId, "state != 'buying'");
}

Expected<LineRecord> LineStore::find(qint64 accountId, qint64 lineId)
{
    Statement select(m_database, QStringLiteral("SELECT %1 FROM lines WHERE account_id = ? AND id = ?").arg(QLatin1String(lineColumns)));
    select.bind(accountId).bind(lineId);
    if (const auto ran = select.run(); !ran)
        return Expected<LineRecord>::failure(ran);
    if (!select.next())
        return Expected<LineRecord>::failure(LineStore::tr("no such line"), LineStore::tr("No such line."));
    return lineFrom(select);
}

Expected<void> LineStore::rename(qint64 accountId, qint64 lineId, const QString &name)
{
    if (const Expected<void> named = checkName(name); !named)
        return named;
    return m_database.write([&]() -> Expected<void> {
        Statement update(m_database, QStringLiteral("UPDATE lines SET name = ? WHERE account_id = ? AND id = ? AND state = 'active'"));
        update.bind(name.trimmed()).bind(accountId).bind(lineId);
        return updateActiveLine(update);
    });
}

Expected<void> LineStore::remove(qint64 accountId, qint64 lineId, Instant at)
{
    return m_database.write([&]() -> Expected<void> {
        Statement remove(m_database, QStringLiteral("UPDATE lines SET state = 'removed', removed_ms = ? WHERE account_id = ? AND id = ?"
                                                    " AND state = 'active'"));
        remove.bind(at.msecs()).bind(accountId).bind(lineId);
        if (const Expected<void> removed = updateActiveLine(remove); !removed)
            return removed;
        Statement drop(m_database, QStringLiteral("DELETE FROM retries WHERE line_id = ?"));
        drop.bind(lineId);
        return drop.run();
    });
}

Expected<std::vector<PackageRecord>> LineStore::packagesOf(qint64 accountId, qint64 lineId)
{
    using Result = Expected<std::vector<PackageRecord>>;
    const Expected<LineRecord> line = find(accountId, lineId);
    if (!line)
        return Result::failure(line);
    PackageStore packages(m_database);
    if (!line->region.isEmpty()) {
        const Expected<std::vector<PackageRecord>> own = packages.listRegion(accountId, line->region);
        if (!own || !own->empty())
            return own;
    }
    return packages.listRegion(accountId, QString());
}

Expected<void> LineStore::checkPolicy(qint64 accountId, qint64 lineId, const Policy &policy, std::optional<YearMonth> thisMonth)
{
    const Expected<std::vector<PackageRecord>> offered = packagesOf(accountId, lineId);
    if (!offered)
        return Expected<void>::failure(offered);
    std::vector<Package> packages;
    for (const PackageRecord &record : *offered)
        packages.push_back(record.package);
    QStringList methods;
    std::vector<std::pair<QString, YearMonth>> expired;
    Statement select(m_database, QStringLiteral("SELECT id, expires FROM methods WHERE account_id = ? AND removed = 0"));
    select.bind(accountId);
    if (const auto ran = select.run(); !ran)
        return ran;
    while (select.next()) {
        const QString method = EngineId::method(select.integer(0));
        methods << method;
        if (!select.isNull(1)) {
            const QString expires = select.text(1);
            const YearMonth month{expires.left(4).toInt(), expires.mid(5, 2).toInt()};
            if (thisMonth && month < *thisMonth)
                expired.emplace_back(method, month);
        }
    }
    select.finish();
    std::vector<PolicyProblem> problems = PolicyRules::check(policy, packages, methods);
    // A card past its expiry month would only ever answer card_expired.
    for (const auto &[method, month] : expired) {
        if (!policy.enabled)
            break;
        for (const auto &[field, chosen] : {std::pair{QStringLiteral("method"), policy.method},
                                            std::pair{QStringLiteral("fallback"), policy.fallback}}) {
            if (chosen == method)
                problems.push_back(PolicyProblem{field,
                                                 LineStore::tr("this card expired at the end of %1; choose another method").arg(month.toString()),
                                                 LineStore::tr("This card expired at the end of %1; choose another method.").arg(month.toString())});
        }
    }
    if (problems.empty())
        return {};
    // One line per problem for messages and logs, each naming its path; a
    // form shows each sentence under its field.
    QStringList messages;
    FieldProblems byField;
    for (const PolicyProblem &problem : problems) {
        const QString path = problem.field.isEmpty() ? QStringLiteral("policy") : QStringLiteral("policy.") + problem.field;
        messages << path + QLatin1String(": ") + problem.message;
        byField.push_back(FieldProblem{problem.field, problem.sentence});
    }
    return Expected<void>::failure(messages.join(QLatin1Char('\n')), std::move(byField));
}

Expected<void> LineStore::setPolicy(qint64 accountId, qint64 lineId, const std::optional<Policy> &policy,
                                    std::optional<YearMonth> thisMonth, const std::optional<RulesAuthor> &author)
{
    if (policy) {
        if (const Expected<void> valid = checkPolicy(accountId, lineId, *policy, thisMonth); !valid)
            return valid;
    }
    return m_database.write([&]() -> Expected<void> {
        // What the enabled policy charges, beside it (the low-funds figures
        // of a narrowed settle read these, not every policy).
        const bool pays = policy && policy->enabled;
        const QVariant none(QMetaType::fromType<qint64>());
        const auto rowOf = [&](const std::optional<qint64> &row) { return row ? QVariant(*row) : none; };
        Statement update(m_database, QStringLiteral("UPDATE lines SET policy_json = ?, rules_version = rules_version + 1, threshold_state = 'armed', check_due = 1,"
                                                    " rules_changed_by = ?, rules_changed_ms = ?, pays_method = ?, pays_fallback = ?,"
                                                    " pays_cents = (SELECT max(price_cents) FROM packages WHERE account_id = ? AND id IN (?, ?))"
                                                    " WHERE account_id = ? AND id = ? AND state = 'active'"));
        update.bindNullable(policy.has_value(),
                            policy ? QString::fromUtf8(QJsonDocument(PolicyJson::write(*policy)).toJson(QJsonDocument::Compact))
                                   : QString());
        update.bindNullable(author.has_value(), author ? author->desktop : QString());
        update.bind(author ? QVariant(author->at.msecs()) : none);
        update.bind(pays ? rowOf(EngineId::methodRow(policy->method)) : none).bind(pays ? rowOf(EngineId::methodRow(policy->fallback)) : none);
        update.bind(pays ? accountId : qint64(0));
        update.bind(pays && policy->threshold ? rowOf(EngineId::packageRow(policy->threshold->package)) : none);
        update.bind(pays && policy->monthly ? rowOf(EngineId::packageRow(policy->monthly->package)) : none);
        update.bind(accountId).bind(lineId);
        if (const Expected<void> updated = updateActiveLine(update); !updated)
            return updated;
        Statement drop(m_database, QStringLiteral("DELETE FROM retries WHERE line_id = ?"));
        drop.bind(lineId);
        return drop.run();
    });
}

Expected<QStringList> LineStore::linesPayingWith(qint64 accountId, const QString &engineMethodId)
{
    const Expected<std::vector<LineRecord>> lines = list(accountId);
    if (!lines)
        return Expected<QStringList>::failure(lines);
    QStringList names;
    for (const LineRecord &line : *lines) {
        if (line.policy && line.policy->enabled && line.policy->paysWith(engineMethodId))
            names << line.name;
    }
    return names;
}

Expected<std::vector<qint64>> LineStore::rearmSuspendedPayingWith(qint64 accountId, const QString &engineMethodId)
{
    std::vector<qint64> rearmed;
    const Expected<void> done = m_database.write([&]() -> Expected<void> {
        // Only the suspended lines' policies are read, not every line's.
        const Expected<std::vector<LineRecord>> lines =
            linesWhere(m_database, accountId, "state = 'active' AND threshold_state = 'suspended'");
        if (!lines)
            return Expected<void>::failure(lines);
        for (const LineRecord &line : *lines) {
            if (line.progress.state != ThresholdState::Suspended || !line.policy || !line.policy->paysWith(engineMethodId))
                continue;
            Statement update(m_database, QStringLiteral("UPDATE lines SET threshold_state = 'armed', check_due = 1 WHERE id = ?"));
            update.bind(line.id);
            if (const auto ran = update.run(); !ran)
                return ran;
            rearmed.push_back(line.id);
        }
        return {};
    });
    if (!done)
        return Expected<std::vector<qint64>>::failure(done);
    return rearmed;
}

Expected<void> LineStore::drainData(qint64 accountId, qint64 lineId)
{
    return m_database.write([&]() -> Expected<void> {
        Statement update(m_database, QStringLiteral("UPDATE lines SET data_bytes = 0, check_due = 1 WHERE account_id = ? AND id = ? AND state = 'active'"));
        update.bind(accountId).bind(lineId);
        return updateActiveLine(update);
    });
}

} // namespace topup
