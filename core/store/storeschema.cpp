#include "storeschema.h"

#include "batchedstatement.h"
#include "database.h"
#include "samplesrow.h"
#include "statement.h"

#include <optional>
#include <utility>
#include <vector>

namespace topup {
namespace {

// Store version 14: every row of usage_recent from `ms,bytes,seconds` a
// sample to SamplesRow's text, in the order of its samples' instants. The
// rows are read a thousand at a time in the order of their key and written
// back in arrays on PostgreSQL (BatchedStatement): linear, the same code on
// both engines (the SQL of it — a JSON array on SQLite, split texts on
// PostgreSQL, lag() over the instants — took 40 and 76 s for 30 000 rows).
// A row that is not such a text (damaged already) is kept behind a prefix
// that is not samples either, so it stays damage and says what it held.
Expected<void> convertSamplesToVersion14(Database &database)
{
    BatchedStatement update(database, QStringLiteral("UPDATE usage_recent SET samples = ? WHERE line_id = ? AND hour = ?"),
                            QStringLiteral("UPDATE usage_recent SET samples = v.s FROM (%1) AS v (s, l, h)"
                                           " WHERE usage_recent.line_id = v.l AND usage_recent.hour = v.h"),
                            {QStringLiteral("TEXT"), QStringLiteral("BIGINT"), QStringLiteral("BIGINT")});
    Statement first(database, QStringLiteral("SELECT line_id, hour, samples FROM usage_recent ORDER BY line_id, hour LIMIT 1000"));
    Statement next(database, QStringLiteral("SELECT line_id, hour, samples FROM usage_recent WHERE line_id > ? OR (line_id = ? AND hour > ?)"
                                            " ORDER BY line_id, hour LIMIT 1000"));
    std::optional<std::pair<qint64, qint64>> after; // the key of the last row read
    for (;;) {
        Statement &read = after ? next : first;
        if (after)
            read.set(0, after->first).set(1, after->first).set(2, after->second);
        if (const auto ran = read.run(); !ran)
            return ran;
        struct Row final
        {
            qint64 line;
            qint64 hour;
            QByteArray samples;
        };
        std::vector<Row> rows;
        while (read.next())
            rows.push_back(Row{read.integer(0), read.integer(1), read.text(2).toUtf8()});
        read.finish();
        if (rows.empty())
            return update.flush();
        for (const Row &row : rows) {
            if (row.samples.isEmpty())
                continue;
            const std::optional<SamplesRow> samples = SamplesRow::parseVersion13(row.samples, row.hour);
            const QByteArray text = samples ? samples->text() : "not converted at store version 14: " + row.samples;
            update.set(0, QString::fromUtf8(text)).set(1, row.line).set(2, row.hour);
            if (const auto ran = update.run(); !ran)
                return ran;
        }
        if (const auto sent = update.flush(); !sent)
            return sent;
        after = std::pair{rows.back().line, rows.back().hour};
    }
}

// One row per charge and per blocked attempt; `triggers` is the list its
// CHECK allows, which grew with the versions (a migration makes the table
// again: SQLite cannot alter a constraint).
QString attemptsTable(const char *name, const char *triggers)
{
    return QStringLiteral("CREATE TABLE %1 ("
                          " id INTEGER PRIMARY KEY,"
                          " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                          " line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,"
                          " at_ms INTEGER NOT NULL,"
                          " month TEXT NOT NULL,"
                          " trigger TEXT NOT NULL CHECK (trigger IN (%2)),"
                          " chain_key TEXT NOT NULL,"
                          " attempt INTEGER NOT NULL,"
                          " method_id INTEGER REFERENCES methods(id),"
                          " method_token TEXT,"
                          " package_id INTEGER NOT NULL REFERENCES packages(id),"
                          " amount_cents INTEGER NOT NULL,"
                          " status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed', 'blocked')),"
                          " reason TEXT,"
                          " reconciled INTEGER NOT NULL DEFAULT 0)")
        .arg(QLatin1String(name), QLatin1String(triggers));
}

// The indexes of the attempts table, made with it each time.
QStringList attemptsIndexes()
{
    return {QStringLiteral("CREATE UNIQUE INDEX attempts_charge ON attempts (chain_key, attempt, method_token)"
                           " WHERE method_token IS NOT NULL"),
            QStringLiteral("CREATE UNIQUE INDEX attempts_blocked ON attempts (chain_key, attempt)"
                           " WHERE method_token IS NULL"),
            QStringLiteral("CREATE INDEX attempts_line_time ON attempts (line_id, at_ms)"),
            QStringLiteral("CREATE INDEX attempts_account_month ON attempts (account_id, month)")};
}

} // namespace

QString booksAgreedTable()
{
    // journal_seq: the journal's last charge (charges.seq); attempt_id: the
    // store's last attempt (attempts.id), both written at one clean stop.
    return QStringLiteral("CREATE TABLE books_agreed (id INTEGER PRIMARY KEY CHECK (id = 1), journal_seq INTEGER NOT NULL,"
                          " attempt_id INTEGER NOT NULL)");
}

Schema storeSchema()
{
    Migration v1{1,
                 QStringList{
                     // The simulated world's clock: the last instant the engine has run to.
                     QStringLiteral("CREATE TABLE world (id INTEGER PRIMARY KEY CHECK (id = 1), clock_ms INTEGER NOT NULL)"),
                     QStringLiteral("CREATE TABLE accounts ("
                                    " id INTEGER PRIMARY KEY,"
                                    " login TEXT NOT NULL UNIQUE,"
                                    " password_hash TEXT NOT NULL,"
                                    " currency TEXT NOT NULL,"
                                    " timezone TEXT NOT NULL,"
                                    " monthly_cap_cents INTEGER CHECK (monthly_cap_cents > 0),"
                                    " failed_sign_ins INTEGER NOT NULL DEFAULT 0,"
                                    " locked_until_ms INTEGER,"
                                    " created_ms INTEGER NOT NULL)"),
                     QStringLiteral("CREATE TABLE packages ("
                                    " id INTEGER PRIMARY KEY,"
                                    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                                    " code TEXT NOT NULL,"
                                    " name TEXT NOT NULL,"
                                    " data_bytes INTEGER NOT NULL CHECK (data_bytes >= 0),"
                                    " voice_seconds INTEGER NOT NULL CHECK (voice_seconds >= 0),"
                                    " price_cents INTEGER NOT NULL CHECK (price_cents >= 0),"
                                    " UNIQUE (account_id, code))"),
                     // Only what may be kept of a card: brand, last four, expiry, holder, a token.
                     QStringLiteral("CREATE TABLE methods ("
                                    " id INTEGER PRIMARY KEY,"
                                    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                                    " code TEXT NOT NULL,"
                                    " kind TEXT NOT NULL CHECK (kind IN ('credit_card', 'debit_card', 'paypal')),"
                                    " holder TEXT,"
                                    " brand TEXT,"
                                    " last_four TEXT CHECK (last_four IS NULL OR length(last_four) = 4),"
                                    " expires TEXT,"
                                    " wallet_masked TEXT,"
                                    " token TEXT NOT NULL UNIQUE,"
                                    " is_default INTEGER NOT NULL DEFAULT 0,"
                                    " removed INTEGER NOT NULL DEFAULT 0,"
                                    " created_ms INTEGER NOT NULL,"
                                    " UNIQUE (account_id, code))"),
                     QStringLiteral("CREATE TABLE lines ("
                                    " id INTEGER PRIMARY KEY,"
                                    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                                    " code TEXT NOT NULL,"
                                    " name TEXT NOT NULL,"
                                    " region TEXT NOT NULL DEFAULT '',"
                                    " profile TEXT NOT NULL DEFAULT 'regular',"
                                    " seed INTEGER NOT NULL DEFAULT 0,"
                                    " data_bytes INTEGER NOT NULL CHECK (data_bytes >= 0),"
                                    " voice_seconds INTEGER NOT NULL CHECK (voice_seconds >= 0),"
                                    " unserved_data_bytes INTEGER NOT NULL DEFAULT 0,"
                                    " unserved_voice_seconds INTEGER NOT NULL DEFAULT 0,"
                                    " policy_json TEXT,"
                                    " threshold_state TEXT NOT NULL DEFAULT 'armed',"
                                    " threshold_chains INTEGER NOT NULL DEFAULT 0,"
                                    " manual_topups INTEGER NOT NULL DEFAULT 0,"
                                    " last_monthly_key INTEGER NOT NULL DEFAULT -1,"
                                    " UNIQUE (account_id, code))"),
                     QStringLiteral("CREATE TABLE retries ("
                                    " id INTEGER PRIMARY KEY,"
                                    " line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,"
                                    " due_ms INTEGER NOT NULL,"
                                    " seq INTEGER NOT NULL,"
                                    " trigger TEXT NOT NULL,"
                                    " chain_key TEXT NOT NULL,"
                                    " attempt INTEGER NOT NULL)"),
                     // Written before a charge, removed with the attempt it becomes:
                     // what lets a restart write down a charge the provider made.
                     QStringLiteral("CREATE TABLE charge_intents ("
                                    " chain_key TEXT NOT NULL,"
                                    " attempt INTEGER NOT NULL,"
                                    " method_token TEXT NOT NULL,"
                                    " line_id INTEGER NOT NULL REFERENCES lines(id),"
                                    " method_id INTEGER NOT NULL REFERENCES methods(id),"
                                    " package_id INTEGER NOT NULL REFERENCES packages(id),"
                                    " trigger TEXT NOT NULL,"
                                    " at_ms INTEGER NOT NULL,"
                                    " month TEXT NOT NULL,"
                                    " PRIMARY KEY (chain_key, attempt, method_token))"),
                     attemptsTable("attempts", "'threshold', 'monthly', 'manual'"),
                 } + attemptsIndexes()
                     + QStringList{
                     QStringLiteral("CREATE TABLE usage_samples ("
                                    " line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,"
                                    " at_ms INTEGER NOT NULL,"
                                    " data_bytes INTEGER NOT NULL,"
                                    " voice_seconds INTEGER NOT NULL,"
                                    " PRIMARY KEY (line_id, at_ms)) WITHOUT ROWID"),
                     QStringLiteral("CREATE TABLE usage_hourly ("
                                    " line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,"
                                    " hour_ms INTEGER NOT NULL,"
                                    " data_bytes INTEGER NOT NULL,"
                                    " voice_seconds INTEGER NOT NULL,"
                                    " PRIMARY KEY (line_id, hour_ms)) WITHOUT ROWID"),
                     QStringLiteral("CREATE TABLE usage_daily ("
                                    " line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,"
                                    " day TEXT NOT NULL,"
                                    " data_bytes INTEGER NOT NULL,"
                                    " voice_seconds INTEGER NOT NULL,"
                                    " PRIMARY KEY (line_id, day)) WITHOUT ROWID"),
                     QStringLiteral("CREATE TABLE alerts ("
                                    " id INTEGER PRIMARY KEY,"
                                    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                                    " at_ms INTEGER NOT NULL,"
                                    " kind TEXT NOT NULL,"
                                    " line_id INTEGER REFERENCES lines(id) ON DELETE CASCADE,"
                                    " method_id INTEGER REFERENCES methods(id),"
                                    " detail TEXT NOT NULL DEFAULT '',"
                                    " read INTEGER NOT NULL DEFAULT 0)"),
                     QStringLiteral("CREATE INDEX alerts_account ON alerts (account_id, read, at_ms)"),
                 }};
    // The world's identity, the same random id in the provider's journal:
    // the two files are refused unless they belong together.
    Migration v2{2, {QStringLiteral("CREATE TABLE world_identity (id INTEGER PRIMARY KEY CHECK (id = 1), world_id TEXT NOT NULL)")}};
    // Lines bought from the carrier's catalog: packages carry the region they
    // are sold in ('' for the general offers), a line is bought ('buying'
    // while its purchase is charged, 'refused' when the provider said no),
    // and a removed line stays for its history. The purchase is an attempt
    // of its own trigger, so the attempts table is made again with the
    // wider CHECK (SQLite cannot alter a constraint), its indexes with it.
    Migration v3{3,
                 QStringList{
                     QStringLiteral("ALTER TABLE packages ADD COLUMN region TEXT NOT NULL DEFAULT ''"),
                     QStringLiteral("ALTER TABLE lines ADD COLUMN state TEXT NOT NULL DEFAULT 'active'"
                                    " CHECK (state IN ('buying', 'active', 'removed', 'refused'))"),
                     QStringLiteral("ALTER TABLE lines ADD COLUMN removed_ms INTEGER"),
                     attemptsTable("attempts_v3", "'threshold', 'monthly', 'manual', 'purchase'"),
                     QStringLiteral("INSERT INTO attempts_v3 (id, account_id, line_id, at_ms, month, trigger, chain_key, attempt,"
                                    " method_id, method_token, package_id, amount_cents, status, reason, reconciled)"
                                    " SELECT id, account_id, line_id, at_ms, month, trigger, chain_key, attempt, method_id,"
                                    " method_token, package_id, amount_cents, status, reason, reconciled FROM attempts"),
                     QStringLiteral("DROP TABLE attempts"),
                     QStringLiteral("ALTER TABLE attempts_v3 RENAME TO attempts"),
                     QStringLiteral("CREATE INDEX packages_region ON packages (account_id, region)"),
                 } + attemptsIndexes()};
    // The high-water mark of the books, the same row in the journal: the
    // last point both files were known to agree (BooksAgreement).
    Migration v4{4, {booksAgreedTable()}};
    // History and Alerts page newest first by (at_ms, id) over the whole
    // account: indexes in that order (the rowid ends each), so a page is a
    // walk of the index, not a sort of every row of the account.
    Migration v5{5,
                 {QStringLiteral("CREATE INDEX attempts_account_time ON attempts (account_id, at_ms)"),
                  QStringLiteral("CREATE INDEX alerts_account_time ON alerts (account_id, at_ms)")}};
    // What lets a write settle only the lines something can happen to
    // (docs/settling.md): `check_due`, the line's threshold check may act at
    // the next instant the engine visits (every write outside the engine
    // sets it, the engine's saves write its verdict); `pays_method`,
    // `pays_fallback` and `pays_cents`, what the line's enabled policy
    // charges and the dearest package it buys (the low-funds warning's
    // figures without reading every policy). Filled from the policies
    // already stored, which are always written in one canonical form.
    const QString paysFromPolicies =
        QStringLiteral("UPDATE lines SET pays_method = CAST(substr(json_extract(policy_json, '$.method'), 2) AS INTEGER),"
                       " pays_fallback = CAST(substr(json_extract(policy_json, '$.fallback'), 2) AS INTEGER),"
                       " pays_cents = (SELECT max(p.price_cents) FROM packages p WHERE 'P' || p.id"
                       " IN (json_extract(policy_json, '$.threshold.package'), json_extract(policy_json, '$.monthly.package')))"
                       " WHERE policy_json IS NOT NULL AND json_extract(policy_json, '$.enabled')");
    // The same in PostgreSQL's JSON operators (enabled is a JSON boolean).
    const QString paysFromPoliciesOnPostgresql =
        QStringLiteral("UPDATE lines SET pays_method = CAST(substr(policy_json::jsonb ->> 'method', 2) AS BIGINT),"
                       " pays_fallback = CAST(substr(policy_json::jsonb ->> 'fallback', 2) AS BIGINT),"
                       " pays_cents = (SELECT max(p.price_cents) FROM packages p WHERE 'P' || p.id"
                       " IN (policy_json::jsonb #>> '{threshold,package}', policy_json::jsonb #>> '{monthly,package}'))"
                       " WHERE policy_json IS NOT NULL AND (policy_json::jsonb ->> 'enabled')::boolean");
    Migration v6{6,
                 {QStringLiteral("ALTER TABLE lines ADD COLUMN check_due INTEGER NOT NULL DEFAULT 1"),
                  QStringLiteral("ALTER TABLE lines ADD COLUMN pays_method INTEGER"),
                  QStringLiteral("ALTER TABLE lines ADD COLUMN pays_fallback INTEGER"),
                  QStringLiteral("ALTER TABLE lines ADD COLUMN pays_cents INTEGER"),
                  paysFromPolicies,
                  QStringLiteral("CREATE INDEX lines_check_due ON lines (account_id) WHERE check_due = 1"),
                  QStringLiteral("CREATE INDEX lines_suspended ON lines (account_id) WHERE threshold_state = 'suspended'"),
                  QStringLiteral("CREATE INDEX lines_pays_method ON lines (pays_method, state, pays_cents)"),
                  QStringLiteral("CREATE INDEX lines_pays_fallback ON lines (pays_fallback, state, pays_cents)"),
                  QStringLiteral("CREATE INDEX retries_due ON retries (due_ms)"),
                  QStringLiteral("CREATE INDEX retries_line ON retries (line_id, due_ms)"),
                  // The last warning about a method (low funds, a card running out).
                  QStringLiteral("CREATE INDEX alerts_method ON alerts (method_id, kind)")},
                 {{paysFromPolicies, paysFromPoliciesOnPostgresql}}};
    // A fleet's usage, smaller and written faster (issue 16). The 5-minute
    // samples of the last 48 hours become one row per line-hour
    // (`usage_recent`: the hour's samples packed in a text, see
    // SamplesRow), 12 times fewer rows to insert and delete; the hourly
    // roll-ups are keyed by the hour's number since 1970 (`hour`, 3 bytes
    // on SQLite's page instead of 6 for its first millisecond). Every sample
    // and every roll-up is carried over as it was.
    const QString packSamples =
        QStringLiteral("INSERT INTO usage_recent (line_id, hour, samples)"
                       " SELECT line_id, (at_ms - ((at_ms % 3600000) + 3600000) % 3600000) / 3600000,"
                       " group_concat((((at_ms % 3600000) + 3600000) % 3600000) || ',' || data_bytes || ',' || voice_seconds, ';')"
                       " FROM (SELECT line_id, at_ms, data_bytes, voice_seconds FROM usage_samples ORDER BY line_id, at_ms)"
                       " GROUP BY line_id, (at_ms - ((at_ms % 3600000) + 3600000) % 3600000) / 3600000");
    // PostgreSQL's aggregate of text, in the samples' order.
    const QString packSamplesOnPostgresql =
        QStringLiteral("INSERT INTO usage_recent (line_id, hour, samples)"
                       " SELECT line_id, (at_ms - ((at_ms % 3600000) + 3600000) % 3600000) / 3600000,"
                       " string_agg((((at_ms % 3600000) + 3600000) % 3600000) || ',' || data_bytes || ',' || voice_seconds, ';'"
                       " ORDER BY at_ms)"
                       " FROM usage_samples"
                       " GROUP BY line_id, (at_ms - ((at_ms % 3600000) + 3600000) % 3600000) / 3600000");
    Migration v7{7,
                 {QStringLiteral("CREATE TABLE usage_recent ("
                                 " line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,"
                                 " hour INTEGER NOT NULL,"
                                 " samples TEXT NOT NULL,"
                                 " PRIMARY KEY (line_id, hour)) WITHOUT ROWID"),
                  packSamples,
                  QStringLiteral("DROP TABLE usage_samples"),
                  QStringLiteral("CREATE TABLE usage_hourly_v7 ("
                                 " line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,"
                                 " hour INTEGER NOT NULL,"
                                 " data_bytes INTEGER NOT NULL,"
                                 " voice_seconds INTEGER NOT NULL,"
                                 " PRIMARY KEY (line_id, hour)) WITHOUT ROWID"),
                  // Every hour_ms was written as an hour's first millisecond: the division is exact.
                  QStringLiteral("INSERT INTO usage_hourly_v7 (line_id, hour, data_bytes, voice_seconds)"
                                 " SELECT line_id, hour_ms / 3600000, data_bytes, voice_seconds FROM usage_hourly"),
                  QStringLiteral("DROP TABLE usage_hourly"),
                  QStringLiteral("ALTER TABLE usage_hourly_v7 RENAME TO usage_hourly")},
                 {{packSamples, packSamplesOnPostgresql}}};
    // History and Alerts page by (at_ms, id), newest first (version 5).
    // SQLite's index ends with the rowid, which is `id`, so it gives that
    // order whole; PostgreSQL's index holds only the columns it names, and
    // the rows of one instant were sorted by id after the walk (an
    // Incremental Sort). There the four paging indexes get `id` as their
    // last column; on SQLite this version changes nothing.
    QStringList pagingIndexesWithId;
    for (const char *index : {"attempts_account_time ON attempts (account_id, at_ms, id)", "attempts_line_time ON attempts (line_id, at_ms, id)",
                              "alerts_account_time ON alerts (account_id, at_ms, id)", "alerts_account ON alerts (account_id, read, at_ms, id)"}) {
        const QString text = QString::fromLatin1(index);
        pagingIndexesWithId << QStringLiteral("DROP INDEX %1").arg(text.section(QLatin1Char(' '), 0, 0))
                            << QStringLiteral("CREATE INDEX ") + text;
    }
    Migration v8{8, {}, {}, pagingIndexesWithId};
    // Each line's rules carry a version, one more at every save: a form
    // that saves rules it loaded at an older version is told they changed
    // elsewhere meanwhile (several desktops on one world, issue 16).
    Migration v9{9, {QStringLiteral("ALTER TABLE lines ADD COLUMN rules_version INTEGER NOT NULL DEFAULT 0")}};
    // Who saved a line's rules last (the desktop, "user@host") and when (its
    // clock), kept with the version: a refused save says who and when.
    Migration v10{10, {QStringLiteral("ALTER TABLE lines ADD COLUMN rules_changed_by TEXT"),
                       QStringLiteral("ALTER TABLE lines ADD COLUMN rules_changed_ms INTEGER")}};
    // A row of `usage_recent` holds a line's samples from its hour to at
    // most the end of that UTC day, not one hour (SamplesRow): a day of a
    // fleet is a row or two a line to write and drop instead of 24 (issue
    // 16). The rows before are such rows already, each of one hour; the
    // tables do not change, but a program before this version would take a
    // longer row for a damaged one, so the version says it.
    Migration v11{11, {}};
    // The days of every line of an account since a day (the dashboard's
    // chart of all the lines, the outlook's last 7 days): the key (line_id,
    // day) serves them on SQLite, which walks it line by line, but
    // PostgreSQL read the whole year of every line (a sequential scan of
    // usage_daily: 3.65 million rows at 10 000 lines) to keep a few days.
    // By day first, those days are a range of an index on both engines
    // (issue 16). A row's later additions change no indexed column.
    Migration v12{12, {QStringLiteral("CREATE INDEX usage_daily_day ON usage_daily (day, line_id)")}};
    // A line's hourly roll-ups of a UTC day in one row (`usage_hours`, see
    // HoursRow) instead of one row a line-hour (`usage_hourly`): a day of a
    // fleet of 10 000 lines is 10 000 rows to write instead of 240 000 —
    // each an upsert checked against `lines` by its foreign key, which was
    // most of a PostgreSQL server's time on a day of catch-up —, and a year
    // of a line 365 rows instead of 8 760 (issue 16). The day's number since
    // 1970 is the key; the text lists the day's hours that have a roll-up,
    // in order. Every hourly roll-up is carried over as it was.
    const QString dayOfHour = QStringLiteral("(hour - ((hour % 24) + 24) % 24) / 24");
    const QString hourOfDay = QStringLiteral("(((hour % 24) + 24) % 24)"); // parenthesized: SQLite binds || before %
    const QString packHours =
        QStringLiteral("INSERT INTO usage_hours (line_id, day, hours)"
                       " SELECT line_id, %1, group_concat(%2 || ',' || data_bytes || ',' || voice_seconds, ';')"
                       " FROM (SELECT line_id, hour, data_bytes, voice_seconds FROM usage_hourly ORDER BY line_id, hour)"
                       " GROUP BY line_id, %1")
            .arg(dayOfHour, hourOfDay);
    // PostgreSQL's aggregate of text, in the hours' order.
    const QString packHoursOnPostgresql =
        QStringLiteral("INSERT INTO usage_hours (line_id, day, hours)"
                       " SELECT line_id, %1, string_agg(%2 || ',' || data_bytes || ',' || voice_seconds, ';' ORDER BY hour)"
                       " FROM usage_hourly GROUP BY line_id, %1")
            .arg(dayOfHour, hourOfDay);
    Migration v13{13,
                  {QStringLiteral("CREATE TABLE usage_hours ("
                                  " line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,"
                                  " day INTEGER NOT NULL,"
                                  " hours TEXT NOT NULL,"
                                  " PRIMARY KEY (line_id, day)) WITHOUT ROWID"),
                   packHours,
                   QStringLiteral("DROP TABLE usage_hourly")},
                  {{packHours, packHoursOnPostgresql}}};
    // The samples' text without the instants that follow from the grid
    // (SamplesRow: `bytes[,seconds]` at 5 minutes after the sample before,
    // `ms:bytes[,seconds]` where not): about half the text a day of a line,
    // which a fleet's server reads, stores and logs every day (issue 16).
    // Every row is rewritten by the program (convertSamplesToVersion14).
    // On PostgreSQL a day of a line (about 2.5 kB now) is kept whole in its
    // row as it is: from 2 kB the server would compress it (lz4 gains a
    // tenth on these digits) and move it to the table's TOAST table, a CPU
    // and two more rows a row for nothing. A row longer than 8 kB (samples
    // far off the grid) is still moved out. SQLite keeps texts as they are.
    // Every save updates every line's row (its balances, its state): with
    // room left in each page of `lines` PostgreSQL writes the new version
    // beside the old one (a heap-only update) instead of adding it to each
    // of the table's six indexes — where no indexed column changed, as on
    // most lines most days. Pages written from now on keep that room (a
    // world made before fills it as its rows move).
    Migration v14{14,
                  {},
                  {},
                  {QStringLiteral("ALTER TABLE usage_recent SET (toast_tuple_target = 8160)"),
                   QStringLiteral("ALTER TABLE lines SET (fillfactor = 70)")},
                  &convertSamplesToVersion14};
    // Every save adds to the daily roll-ups of the day it started in (a
    // row a line, made by the save before): on PostgreSQL half of each
    // page of `usage_daily` is kept free, so the new version of such a row
    // is written beside the old one (a heap-only update) instead of on
    // another page with an entry in each of the table's two indexes — 10 000
    // rows a save at 10 000 lines, 6–8 % of the server's CPU on a save's
    // usage (docs/postgresql.md, session 32). A page filled to 70 % keeps
    // room for fewer than half of its rows' new versions. The price: the
    // table takes twice the room (about 65 bytes a line-day). Pages written
    // from now on keep that room. SQLite keeps its pages as they are.
    Migration v15{15, {}, {}, {QStringLiteral("ALTER TABLE usage_daily SET (fillfactor = 50)")}};
    return Schema{QStringLiteral("store"), {v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15}, QStringLiteral("world")};
}

} // namespace topup
