// Speed of the store (README, "Benchmarks"): one year of 5-minute usage for
// 20 lines (2 102 400 samples) written through UsageStore against raw
// sqlite3 prepared inserts of the same rows, and the dashboard's queries on
// two years. Not a test: scripts/test builds it, a person runs it.
//
//   build/tests/bench/bench_store                    # 20 lines, 365 days
//   build/tests/bench/bench_store --days 7 --no-queries   # small, for callgrind
//   build/tests/bench/bench_store --breakdown        # where the store's time goes
#include "domain/civil.h"
#include "rules/zonedcalendar.h"
#include "sim/usagegenerator.h"
#include "store/accountstore.h"
#include "store/database.h"
#include "store/historystore.h"
#include "store/linestore.h"
#include "store/statement.h"
#include "store/storeschema.h"
#include "store/usagestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>

#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <vector>

using namespace topup;

namespace {

constexpr int lineCount = 20;
constexpr qint64 stepMs = 5 * civil::msPerMinute;
constexpr const char *rawSchema = "CREATE TABLE usage_samples (line_id INTEGER NOT NULL, at_ms INTEGER NOT NULL,"
                                  " data_bytes INTEGER NOT NULL, voice_seconds INTEGER NOT NULL,"
                                  " PRIMARY KEY (line_id, at_ms)) WITHOUT ROWID";
constexpr const char *plainInsert = "INSERT INTO usage_samples (line_id, at_ms, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)";
// UsageStore's statement, word for word.
constexpr const char *upsertInsert = "INSERT INTO usage_samples (line_id, at_ms, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)"
                                     " ON CONFLICT (line_id, at_ms) DO UPDATE SET data_bytes = data_bytes + excluded.data_bytes,"
                                     " voice_seconds = voice_seconds + excluded.voice_seconds";

struct Options
{
    int days = 365;
    bool queries = true;
    bool breakdown = false;
};

void report(const char *what, const QString &error)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(error));
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// [begin, end) of each local day in a time-major row vector: the product
// writes a day at a time.
using Days = std::vector<std::pair<std::size_t, std::size_t>>;

Days splitByLocalDay(const std::vector<UsageRow> &rows, const ZonedCalendar &calendar)
{
    Days days;
    qint64 current = std::numeric_limits<qint64>::min();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const qint64 local = rows[i].at.msecs() + qint64(calendar.offsetSecondsAt(rows[i].at)) * civil::msPerSecond;
        const qint64 day = civil::floorDiv(local, civil::msPerDay);
        if (day != current) {
            if (!days.empty())
                days.back().second = i;
            days.emplace_back(i, rows.size());
            current = day;
        }
    }
    return days;
}

// Time-major, as the product writes them: every line at one instant, then
// the next instant. Amounts from the product's own usage generator.
std::vector<UsageRow> usageRows(const std::vector<qint64> &lines, Instant from, int days, const ZonedCalendar &calendar)
{
    const qint64 instants = qint64(days) * (civil::msPerDay / stepMs);
    const qint64 firstIndex = from.msecs() / stepMs;
    std::vector<UsageGenerator> generators;
    constexpr UsageProfile profiles[] = {UsageProfile::Light, UsageProfile::Regular, UsageProfile::Heavy, UsageProfile::Traveller};
    for (std::size_t i = 0; i < lines.size(); ++i)
        generators.emplace_back(profiles[i % 4], quint64(1000 + i), stepMs / civil::msPerSecond, firstIndex);
    std::vector<UsageRow> rows;
    rows.reserve(std::size_t(instants) * lines.size());
    for (qint64 n = 0; n < instants; ++n) {
        const Instant at = from.plusMsecs(n * stepMs);
        const int hour = calendar.localMinuteOfDay(at) / 60;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const UsageSample sample = generators[i].next(hour);
            rows.push_back(UsageRow{lines[i], at, sample.dataBytes, sample.voiceSeconds});
        }
    }
    return rows;
}

// An account with 20 lines, the default packages, two methods and a
// threshold policy on every line: what the dashboard shows.
struct Store
{
    std::shared_ptr<Database> db;
    qint64 account = 0;
    std::vector<qint64> lines;
    std::vector<qint64> packages;
    std::vector<qint64> methods;
};

std::optional<Store> openStore(const QString &path, Instant now)
{
    Expected<std::shared_ptr<Database>> opened = Database::open(path, storeSchema());
    if (!opened) {
        report("open", opened.error());
        return std::nullopt;
    }
    Store store;
    store.db = opened.take();
    SignUpForm form;
    form.login = QStringLiteral("bench@example.com");
    form.password = QStringLiteral("Correct horse battery staple 42!");
    form.timezone = QStringLiteral("Europe/Berlin");
    const Expected<Account> account = AccountStore(*store.db, 1000).signUp(form, now);
    if (!account) {
        report("sign up", account.error());
        return std::nullopt;
    }
    store.account = account->id;
    const Expected<bool> methods = store.db->write([&]() -> Expected<bool> {
        Statement insert(*store.db, QStringLiteral("INSERT INTO methods (account_id, code, kind, holder, brand, last_four, expires,"
                                                   " token, is_default, created_ms) VALUES (?, ?, 'credit_card', 'Bench Person', 'Visa', ?,"
                                                   " '12/30', ?, ?, ?)"));
        for (int i = 0; i < 2; ++i) {
            const QString token = QStringLiteral("tok_bench_%1").arg(i);
            insert.set(0, store.account).set(1, token).set(2, QStringLiteral("111%1").arg(i)).set(3, token);
            insert.set(4, i == 0 ? 1 : 0).set(5, now.msecs());
            if (const auto ran = insert.run(); !ran)
                return ran;
            store.methods.push_back(insert.lastInsertId());
        }
        Statement packages(*store.db, QStringLiteral("SELECT id FROM packages WHERE account_id = ? ORDER BY id"));
        packages.bind(store.account);
        if (const auto ran = packages.run(); !ran)
            return ran;
        while (packages.next())
            store.packages.push_back(packages.integer(0));
        return true;
    });
    if (!methods || store.packages.empty()) {
        report("methods", methods ? QStringLiteral("no packages") : methods.error());
        return std::nullopt;
    }
    LineStore lines(*store.db);
    for (int i = 0; i < lineCount; ++i) {
        LineForm line;
        line.name = QStringLiteral("Line %1").arg(i + 1);
        line.region = QStringLiteral("DE");
        line.seed = quint64(1000 + i);
        line.data = DataAmount(5'000'000'000);
        line.voice = VoiceAmount(6000);
        const Expected<LineRecord> added = lines.add(store.account, line);
        if (!added) {
            report("line", added.error());
            return std::nullopt;
        }
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, 500'000'000, QStringLiteral("P%1").arg(store.packages[1])};
        policy.monthly = MonthlyTrigger{1, 9 * 60, QStringLiteral("P%1").arg(store.packages[0])};
        policy.maxPerMonth = 10;
        policy.method = QStringLiteral("M%1").arg(store.methods[0]);
        policy.fallback = QStringLiteral("M%1").arg(store.methods[1]);
        if (const Expected<bool> set = lines.setPolicy(store.account, added->id, policy); !set) {
            report("policy", set.error());
            return std::nullopt;
        }
        store.lines.push_back(added->id);
    }
    return store;
}

// Both write paths, timed around the transactions only.
struct WriteTimes
{
    double oneTransactionMs = 0;
    double perDayMs = 0;
};

std::optional<double> storeWrite(Store &store, const std::vector<UsageRow> &rows, const Days &days,
                                 const ZonedCalendar &calendar, bool perDay)
{
    UsageStore usage(*store.db);
    if (!perDay) {
        QElapsedTimer timer;
        timer.start();
        const Expected<bool> written = store.db->write([&] { return usage.write(rows, calendar); });
        const double ms = msSince(timer);
        if (!written) {
            report("store write", written.error());
            return std::nullopt;
        }
        return ms;
    }
    double ms = 0;
    std::vector<UsageRow> day;
    for (const auto &[begin, end] : days) {
        day.assign(rows.begin() + std::ptrdiff_t(begin), rows.begin() + std::ptrdiff_t(end));
        QElapsedTimer timer;
        timer.start();
        const Expected<bool> written = store.db->write([&] { return usage.write(day, calendar); });
        ms += msSince(timer);
        if (!written) {
            report("store write (per day)", written.error());
            return std::nullopt;
        }
    }
    return ms;
}

bool rawExec(sqlite3 *db, const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "sqlite3: %s: %s\n", sql, error ? error : "?");
    sqlite3_free(error);
    return false;
}

struct RawConnection
{
    sqlite3 *db = nullptr;
    ~RawConnection() { sqlite3_close(db); }
};

// Raw sqlite3: prepare once, then bind, step and reset per row, one
// transaction per day or for everything. `setup` runs before the clock.
std::optional<double> rawWrite(const QString &path, const char *setup, const char *insertSql, bool foreignKeys,
                               const std::vector<UsageRow> &rows, const Days &days, bool perDay)
{
    RawConnection raw;
    if (sqlite3_open(QFile::encodeName(path).constData(), &raw.db) != SQLITE_OK) {
        std::fprintf(stderr, "sqlite3_open: %s\n", sqlite3_errmsg(raw.db));
        return std::nullopt;
    }
    if (!rawExec(raw.db, "PRAGMA journal_mode=WAL") || !rawExec(raw.db, "PRAGMA synchronous=FULL")
        || !rawExec(raw.db, foreignKeys ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF") || (setup && !rawExec(raw.db, setup)))
        return std::nullopt;
    sqlite3_stmt *insert = nullptr;
    if (sqlite3_prepare_v2(raw.db, insertSql, -1, &insert, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(raw.db));
        return std::nullopt;
    }
    const Days everything{{0, rows.size()}};
    bool ok = true;
    QElapsedTimer timer;
    timer.start();
    for (const auto &[begin, end] : perDay ? days : everything) {
        ok = rawExec(raw.db, "BEGIN IMMEDIATE");
        for (std::size_t i = begin; ok && i < end; ++i) {
            const UsageRow &row = rows[i];
            sqlite3_bind_int64(insert, 1, row.lineId);
            sqlite3_bind_int64(insert, 2, row.at.msecs());
            sqlite3_bind_int64(insert, 3, row.dataBytes);
            sqlite3_bind_int64(insert, 4, row.voiceSeconds);
            ok = sqlite3_step(insert) == SQLITE_DONE;
            sqlite3_reset(insert);
        }
        if (!ok || !rawExec(raw.db, "COMMIT")) {
            std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(raw.db));
            ok = false;
            break;
        }
    }
    const double ms = msSince(timer);
    sqlite3_finalize(insert);
    return ok ? std::optional<double>(ms) : std::nullopt;
}

QString cpuModel()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (!cpuinfo.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    // /proc files report size 0, so atEnd() cannot be trusted: read to the end.
    const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return QStringLiteral("?");
}

void printMachine(Database &db)
{
    QSqlQuery version(db.connection());
    const QString qtSqlite = version.exec(QStringLiteral("SELECT sqlite_version()")) && version.next() ? version.value(0).toString()
                                                                                                      : QStringLiteral("?");
    std::printf("machine: %s, %d logical CPUs, %s, kernel %s %s\n", qPrintable(cpuModel()), QThread::idealThreadCount(),
                qPrintable(QSysInfo::prettyProductName()), qPrintable(QSysInfo::kernelVersion()),
                qPrintable(QSysInfo::currentCpuArchitecture()));
    std::printf("build: %s, compiler %s, Qt %s, SQLite %s (raw) / %s (QSQLITE)\n", TOPUP_BUILD_TYPE, __VERSION__, qVersion(),
                sqlite3_libversion(), qPrintable(qtSqlite));
}

double rate(std::size_t rows, double ms)
{
    return double(rows) / (ms / 1000.0);
}

void printWrite(const char *what, std::size_t rows, double ms)
{
    std::printf("  %-44s %9.0f ms  %10.0f rows/s\n", what, ms, rate(rows, ms));
}

// Best of `runs` after one warm-up.
double bestOf(int runs, const std::function<bool()> &work)
{
    if (!work())
        return -1;
    double best = std::numeric_limits<double>::max();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!work())
            return -1;
        best = std::min(best, msSince(timer));
    }
    return best;
}

Expected<bool> addAttempts(Store &store, Instant from, int months, const ZonedCalendar &calendar)
{
    return store.db->write([&]() -> Expected<bool> {
        Statement insert(*store.db, QStringLiteral("INSERT INTO attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt,"
                                                   " method_id, method_token, package_id, amount_cents, status, reason)"
                                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QString token = QStringLiteral("tok_bench_0");
        const QVariant noReason(QMetaType::fromType<QString>());
        for (int month = 0; month < months; ++month) {
            for (std::size_t line = 0; line < store.lines.size(); ++line) {
                // 8 succeeded (6 threshold, 1 monthly, 1 manual) and 1 failed a month.
                for (int k = 0; k < 9; ++k) {
                    const Instant at = from.plusMsecs((qint64(month) * 30 + k * 3) * civil::msPerDay + qint64(line) * civil::msPerMinute);
                    const char *trigger = k == 6 ? "monthly" : k == 7 ? "manual" : "threshold";
                    const bool failed = k == 8;
                    insert.set(0, store.account).set(1, store.lines[line]).set(2, at.msecs());
                    insert.set(3, calendar.monthOf(at).toString()).set(4, QLatin1String(trigger));
                    insert.set(5, QStringLiteral("L%1-%2-%3").arg(store.lines[line]).arg(month).arg(k)).set(6, 1);
                    insert.set(7, store.methods[0]).set(8, token).set(9, store.packages[std::size_t(k) % store.packages.size()]);
                    insert.set(10, 500 + 500 * (k % 3)).set(11, QLatin1String(failed ? "failed" : "succeeded"));
                    insert.set(12, failed ? QVariant(QStringLiteral("declined")) : noReason);
                    if (const auto ran = insert.run(); !ran)
                        return ran;
                }
            }
        }
        return true;
    });
}

int runQueries(Store &store, const ZonedCalendar &calendar, Instant secondYear, int days, const std::vector<UsageRow> &firstYear)
{
    // A second year of samples, so the queries see 2 years.
    const std::vector<UsageRow> rows = usageRows(store.lines, secondYear, days, calendar);
    QElapsedTimer timer;
    timer.start();
    const Expected<bool> written = store.db->write([&] { return UsageStore(*store.db).write(rows, calendar); });
    if (!written) {
        report("second year", written.error());
        return 1;
    }
    std::printf("  second year through the store, one transaction: %.0f ms (%zu rows, %zu in all)\n", msSince(timer), rows.size(),
                rows.size() + firstYear.size());
    const Instant end = secondYear.plusMsecs(qint64(days) * civil::msPerDay);
    const Instant first = firstYear.front().at;
    const int months = std::max(1, int((end.msecs() - first.msecs()) / (30 * civil::msPerDay)));
    if (const Expected<bool> added = addAttempts(store, first, months, calendar); !added) {
        report("attempts", added.error());
        return 1;
    }
    std::printf("  attempts: %d months x %zu lines x 9 (8 succeeded, 1 failed) = %d rows\n", months, store.lines.size(),
                months * int(store.lines.size()) * 9);

    // The dashboard opens the file at start: quick_check reads all of it.
    const QString path = store.db->path();
    timer.restart();
    Expected<std::shared_ptr<Database>> reopened = Database::open(path, storeSchema());
    if (!reopened) {
        report("reopen", reopened.error());
        return 1;
    }
    std::printf("  Database::open of the 2-year file (quick_check): %.0f ms, %.1f MB + %.1f MB WAL\n", msSince(timer),
                double(QFile(path).size()) / 1e6, double(QFile(path + QLatin1String("-wal")).size()) / 1e6);
    std::shared_ptr<Database> db = reopened.take();

    const QDateTime fromDate = QDateTime::fromMSecsSinceEpoch(end.msecs() - 30 * civil::msPerDay, calendar.zone());
    const QString fromDay = fromDate.date().toString(Qt::ISODate);
    std::size_t points = 0;
    std::size_t months24 = 0;
    const auto lines = [&] {
        const Expected<std::vector<LineRecord>> listed = LineStore(*db).list(store.account);
        return listed && listed->size() == store.lines.size();
    };
    const auto usage = [&] {
        points = 0;
        for (const qint64 line : store.lines) {
            const Expected<std::vector<UsagePoint>> daily = HistoryStore(*db).dailyUsage(store.account, line, fromDay);
            if (!daily)
                return false;
            points += daily->size();
        }
        return true;
    };
    const auto spend = [&] {
        const Expected<std::vector<MonthSpend>> spent = HistoryStore(*db).spendByMonth(store.account);
        months24 = spent ? spent->size() : 0;
        return spent.ok();
    };
    constexpr int runs = 10;
    const double linesMs = bestOf(runs, lines);
    const double usageMs = bestOf(runs, usage);
    const double spendMs = bestOf(runs, spend);
    const double refreshMs = bestOf(runs, [&] { return lines() && usage() && spend(); });
    if (linesMs < 0 || usageMs < 0 || spendMs < 0 || refreshMs < 0) {
        std::fprintf(stderr, "a query failed\n");
        return 1;
    }
    std::printf("  queries, best of %d after one warm-up:\n", runs);
    std::printf("    LineStore::list (%zu lines)                     %8.3f ms\n", store.lines.size(), linesMs);
    std::printf("    HistoryStore::dailyUsage from %s, x%zu   %8.3f ms (%zu points)\n", qPrintable(fromDay), store.lines.size(),
                usageMs, points);
    std::printf("    HistoryStore::spendByMonth                      %8.3f ms (%zu months)\n", spendMs, months24);
    std::printf("    sum                                             %8.3f ms\n", linesMs + usageMs + spendMs);
    std::printf("    one dashboard refresh (all of them), timed       %8.3f ms  (target <= 50 ms)\n", refreshMs);
    return 0;
}

// A copy of UsageStore's folding of samples into roll-ups (usagestore.cpp),
// so the breakdown can time it without SQL and try other ways to write.
using Rollup = std::map<std::pair<qint64, qint64>, std::pair<qint64, qint64>>;

void fold(const std::vector<UsageRow> &rows, const ZonedCalendar &calendar, Rollup &hours, Rollup &days)
{
    for (const UsageRow &row : rows) {
        auto &hour = hours[{row.lineId, civil::floorDiv(row.at.msecs(), civil::msPerHour) * civil::msPerHour}];
        hour.first += row.dataBytes;
        hour.second += row.voiceSeconds;
        const qint64 local = row.at.msecs() + qint64(calendar.offsetSecondsAt(row.at)) * civil::msPerSecond;
        auto &day = days[{row.lineId, civil::floorDiv(local, civil::msPerDay)}];
        day.first += row.dataBytes;
        day.second += row.voiceSeconds;
    }
}

QString dayText(qint64 dayNumber)
{
    const civil::Date date = civil::civilFromDays(dayNumber);
    return QStringLiteral("%1-%2-%3")
        .arg(date.year, 4, 10, QLatin1Char('0'))
        .arg(date.month, 2, 10, QLatin1Char('0'))
        .arg(date.day, 2, 10, QLatin1Char('0'));
}

const char *const hourlyUpsert = "INSERT INTO usage_hourly (line_id, hour_ms, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)"
                                 " ON CONFLICT (line_id, hour_ms) DO UPDATE SET data_bytes = data_bytes + excluded.data_bytes,"
                                 " voice_seconds = voice_seconds + excluded.voice_seconds";
const char *const dailyUpsert = "INSERT INTO usage_daily (line_id, day, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)"
                                " ON CONFLICT (line_id, day) DO UPDATE SET data_bytes = data_bytes + excluded.data_bytes,"
                                " voice_seconds = voice_seconds + excluded.voice_seconds";

// Row counts and sums of the three usage tables: equal when two ways of
// writing did the same thing.
QString tableSums(Database &db)
{
    QSqlQuery sums(db.connection());
    QStringList parts;
    for (const char *table : {"usage_samples", "usage_hourly", "usage_daily"}) {
        if (!sums.exec(QStringLiteral("SELECT count(*), sum(data_bytes), sum(voice_seconds) FROM %1").arg(QLatin1String(table)))
            || !sums.next())
            return QStringLiteral("?");
        parts << QStringLiteral("%1/%2/%3").arg(sums.value(0).toLongLong()).arg(sums.value(1).toLongLong()).arg(sums.value(2).toLongLong());
    }
    return parts.join(QLatin1Char(' '));
}

// Proposal A, Qt only: named placeholders bound by a name built once.
// QSqlResult::bindValue(int) formats ":<index>" with QString::arg and looks
// it up in a hash on every call; bindValue(name) only does the lookup.
Expected<bool> writeNamed(Database &db, const std::vector<UsageRow> &rows, const ZonedCalendar &calendar)
{
    const QString names[4] = {QStringLiteral(":line"), QStringLiteral(":at"), QStringLiteral(":data"), QStringLiteral(":voice")};
    const auto prepare = [&](QSqlQuery &query, const char *sql) {
        QString named = QLatin1String(sql);
        for (const QString &name : names)
            named.replace(named.indexOf(QLatin1Char('?')), 1, name);
        query.setForwardOnly(true);
        return query.prepare(named);
    };
    const auto run = [&](QSqlQuery &query, const QVariant &line, const QVariant &at, qint64 data, qint64 voice) {
        query.bindValue(names[0], line);
        query.bindValue(names[1], at);
        query.bindValue(names[2], data);
        query.bindValue(names[3], voice);
        return query.exec();
    };
    QSqlQuery sample(db.connection());
    if (!prepare(sample, upsertInsert))
        return Expected<bool>::failure(QStringLiteral("prepare"));
    Rollup hours;
    Rollup days;
    for (const UsageRow &row : rows) {
        if (!run(sample, row.lineId, row.at.msecs(), row.dataBytes, row.voiceSeconds))
            return Expected<bool>::failure(QStringLiteral("sample"));
    }
    fold(rows, calendar, hours, days);
    QSqlQuery hourly(db.connection());
    QSqlQuery daily(db.connection());
    if (!prepare(hourly, hourlyUpsert) || !prepare(daily, dailyUpsert))
        return Expected<bool>::failure(QStringLiteral("prepare"));
    for (const auto &[key, amounts] : hours) {
        if (!run(hourly, key.first, key.second, amounts.first, amounts.second))
            return Expected<bool>::failure(QStringLiteral("hourly"));
    }
    for (const auto &[key, amounts] : days) {
        if (!run(daily, key.first, dayText(key.second), amounts.first, amounts.second))
            return Expected<bool>::failure(QStringLiteral("daily"));
    }
    return true;
}

// Proposal B: the connection's own sqlite3 handle (QSqlDriver::handle()),
// inside the same Database::write transaction. Only sound when QSQLITE links
// the same libsqlite3 as we do (Debian does; Qt's own builds bundle one).
Expected<bool> writeHandle(Database &db, const std::vector<UsageRow> &rows, const ZonedCalendar &calendar)
{
    const QVariant handle = db.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return Expected<bool>::failure(QStringLiteral("no sqlite3 handle"));
    sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.constData());
    struct Prepared
    {
        sqlite3_stmt *statement = nullptr;
        ~Prepared() { sqlite3_finalize(statement); }
    };
    Prepared sample;
    Prepared hourly;
    Prepared daily;
    if (sqlite3_prepare_v2(raw, upsertInsert, -1, &sample.statement, nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(raw, hourlyUpsert, -1, &hourly.statement, nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(raw, dailyUpsert, -1, &daily.statement, nullptr) != SQLITE_OK)
        return Expected<bool>::failure(QString::fromUtf8(sqlite3_errmsg(raw)));
    const auto step = [&](sqlite3_stmt *statement, qint64 line, qint64 data, qint64 voice) {
        sqlite3_bind_int64(statement, 1, line);
        sqlite3_bind_int64(statement, 3, data);
        sqlite3_bind_int64(statement, 4, voice);
        const bool done = sqlite3_step(statement) == SQLITE_DONE;
        sqlite3_reset(statement);
        return done;
    };
    for (const UsageRow &row : rows) {
        sqlite3_bind_int64(sample.statement, 2, row.at.msecs());
        if (!step(sample.statement, row.lineId, row.dataBytes, row.voiceSeconds))
            return Expected<bool>::failure(QString::fromUtf8(sqlite3_errmsg(raw)));
    }
    Rollup hours;
    Rollup days;
    fold(rows, calendar, hours, days);
    for (const auto &[key, amounts] : hours) {
        sqlite3_bind_int64(hourly.statement, 2, key.second);
        if (!step(hourly.statement, key.first, amounts.first, amounts.second))
            return Expected<bool>::failure(QString::fromUtf8(sqlite3_errmsg(raw)));
    }
    for (const auto &[key, amounts] : days) {
        const QByteArray text = dayText(key.second).toLatin1();
        sqlite3_bind_text(daily.statement, 2, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        if (!step(daily.statement, key.first, amounts.first, amounts.second))
            return Expected<bool>::failure(QString::fromUtf8(sqlite3_errmsg(raw)));
    }
    return true;
}

// Where the store's time goes: the same rows through steps from raw sqlite3
// to the full UsageStore, each on a fresh file.
int runBreakdown(const QTemporaryDir &dir, const std::vector<UsageRow> &rows, const Days &days, const ZonedCalendar &calendar,
                 Instant now)
{
    std::printf("breakdown, one transaction, %zu rows:\n", rows.size());
    int file = 0;
    const auto fresh = [&] { return dir.filePath(QStringLiteral("breakdown-%1.sqlite").arg(++file)); };
    const auto storeFile = [&]() -> std::optional<Store> { return openStore(fresh(), now); };

    const std::optional<double> plain = rawWrite(fresh(), rawSchema, plainInsert, false, rows, days, false);
    const std::optional<double> upsert = rawWrite(fresh(), rawSchema, upsertInsert, false, rows, days, false);
    std::optional<Store> fkStore = storeFile();
    if (!plain || !upsert || !fkStore)
        return 1;
    const QString fkPath = fkStore->db->path();
    fkStore.reset(); // the raw connection gets the store's schema, lines and all
    const std::optional<double> upsertFkOff = rawWrite(fkPath, nullptr, upsertInsert, false, rows, days, false);
    fkStore = storeFile();
    if (!fkStore)
        return 1;
    const QString fkPath2 = fkStore->db->path();
    fkStore.reset();
    const std::optional<double> upsertFk = rawWrite(fkPath2, nullptr, upsertInsert, true, rows, days, false);

    // Qt Sql with the store's statement, bound as Statement::set does it.
    std::optional<Store> qtStore = storeFile();
    if (!upsertFkOff || !upsertFk || !qtStore)
        return 1;
    QElapsedTimer timer;
    timer.start();
    const Expected<bool> qtWritten = qtStore->db->write([&]() -> Expected<bool> {
        Statement sample(*qtStore->db, QLatin1String(upsertInsert));
        for (const UsageRow &row : rows) {
            sample.set(0, row.lineId).set(1, row.at.msecs()).set(2, row.dataBytes).set(3, row.voiceSeconds);
            if (const auto ran = sample.run(); !ran)
                return ran;
        }
        return true;
    });
    const double qtMs = msSince(timer);
    qtStore.reset();
    // Qt Sql, binding through a QVariantList prepared once: QSqlQuery::bindValue
    // by index still goes through the driver's per-call placeholder bookkeeping.
    std::optional<Store> qtPlainStore = storeFile();
    if (!qtWritten || !qtPlainStore)
        return 1;
    timer.restart();
    const Expected<bool> qtPlainWritten = qtPlainStore->db->write([&]() -> Expected<bool> {
        QSqlQuery query(qtPlainStore->db->connection());
        query.setForwardOnly(true);
        if (!query.prepare(QLatin1String(upsertInsert)))
            return Expected<bool>::failure(QStringLiteral("prepare"));
        for (const UsageRow &row : rows) {
            query.addBindValue(row.lineId);
            query.addBindValue(row.at.msecs());
            query.addBindValue(row.dataBytes);
            query.addBindValue(row.voiceSeconds);
            if (!query.exec())
                return Expected<bool>::failure(QStringLiteral("exec"));
        }
        return true;
    });
    const double qtPlainMs = msSince(timer);
    qtPlainStore.reset();
    std::optional<Store> full = storeFile();
    if (!qtPlainWritten || !full)
        return 1;
    const std::optional<double> fullMs = storeWrite(*full, rows, days, calendar, false);
    if (!fullMs)
        return 1;
    const QString expected = tableSums(*full->db);
    full.reset();
    bool same = true;

    // The folding alone, no SQL.
    timer.restart();
    Rollup hours;
    Rollup dayRollup;
    fold(rows, calendar, hours, dayRollup);
    const double foldMs = msSince(timer);
    const auto prototype = [&](const std::function<Expected<bool>(Database &)> &write) -> std::optional<double> {
        std::optional<Store> store = storeFile();
        if (!store)
            return std::nullopt;
        QElapsedTimer clock;
        clock.start();
        const Expected<bool> written = store->db->write([&] { return write(*store->db); });
        const double ms = msSince(clock);
        if (!written) {
            report("prototype", written.error());
            return std::nullopt;
        }
        same = same && tableSums(*store->db) == expected;
        return ms;
    };
    const std::optional<double> namedMs = prototype([&](Database &db) { return writeNamed(db, rows, calendar); });
    const std::optional<double> handleMs = prototype([&](Database &db) { return writeHandle(db, rows, calendar); });
    if (!namedMs || !handleMs)
        return 1;

    printWrite("raw sqlite3, plain INSERT (baseline)", rows.size(), *plain);
    printWrite("raw sqlite3, store's upsert INSERT", rows.size(), *upsert);
    printWrite("raw, upsert, store schema, foreign_keys=OFF", rows.size(), *upsertFkOff);
    printWrite("raw, upsert, store schema, foreign_keys=ON", rows.size(), *upsertFk);
    printWrite("Qt Sql QSqlQuery::addBindValue + exec", rows.size(), qtPlainMs);
    printWrite("Qt Sql via Statement::set + run", rows.size(), qtMs);
    printWrite("UsageStore::write (+ hourly, daily roll-ups)", rows.size(), *fullMs);
    std::printf("  %-44s %9.0f ms  (%zu hourly, %zu daily rows)\n", "of which folding into std::map, no SQL", foldMs, hours.size(),
                dayRollup.size());
    std::printf(" proposals, same work as UsageStore::write (samples, roll-ups, one transaction):\n");
    printWrite("A: Qt Sql, named placeholders bound by name", rows.size(), *namedMs);
    std::printf("  %-44s %9.2f x\n", "   / raw baseline", *plain / *namedMs);
    printWrite("B: sqlite3 API on QSqlDriver::handle()", rows.size(), *handleMs);
    std::printf("  %-44s %9.2f x\n", "   / raw baseline", *plain / *handleMs);
    std::printf("  tables written by A and B equal UsageStore's: %s (%s)\n", same ? "yes" : "NO", qPrintable(expected));
    if (!same)
        return 1;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options options;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--days") && i + 1 < args.size()) {
            options.days = args[++i].toInt();
        } else if (args[i] == QLatin1String("--no-queries")) {
            options.queries = false;
        } else if (args[i] == QLatin1String("--breakdown")) {
            options.breakdown = true;
        } else {
            std::fprintf(stderr, "usage: bench_store [--days N] [--no-queries] [--breakdown]\n");
            return 2;
        }
    }
    if (options.days < 1 || options.days > 366) {
        std::fprintf(stderr, "--days: 1 to 366\n");
        return 2;
    }

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary directory\n");
        return 1;
    }
    const ZonedCalendar calendar(QTimeZone("Europe/Berlin"));
    const Instant firstYear = calendar.toInstant(2027, 1, 1, 0);
    const Instant secondYear = firstYear.plusMsecs(qint64(options.days) * civil::msPerDay);
    const Instant now = firstYear;

    std::optional<Store> oneTransaction = openStore(dir.filePath(QStringLiteral("topup.sqlite")), now);
    if (!oneTransaction)
        return 1;
    printMachine(*oneTransaction->db);
    std::printf("temporary directory: %s\n", qPrintable(dir.path()));

    // Generated before any clock starts.
    const std::vector<UsageRow> rows = usageRows(oneTransaction->lines, firstYear, options.days, calendar);
    const Days days = splitByLocalDay(rows, calendar);
    std::printf("writing %d days x %d lines of 5-minute samples = %zu rows, time-major, Europe/Berlin\n", options.days, lineCount,
                rows.size());

    // Raw first, then the store, then per-day of each: each on a fresh file.
    const std::optional<double> rawOne = rawWrite(dir.filePath(QStringLiteral("raw-one.sqlite")), rawSchema, plainInsert, false, rows,
                                                  days, false);
    const std::optional<double> storeOne = storeWrite(*oneTransaction, rows, days, calendar, false);
    const std::optional<double> rawDaily = rawWrite(dir.filePath(QStringLiteral("raw-daily.sqlite")), rawSchema, plainInsert, false,
                                                    rows, days, true);
    std::optional<Store> perDay = openStore(dir.filePath(QStringLiteral("topup-daily.sqlite")), now);
    if (!rawOne || !storeOne || !rawDaily || !perDay)
        return 1;
    const std::optional<double> storeDaily = storeWrite(*perDay, rows, days, calendar, true);
    if (!storeDaily)
        return 1;
    perDay.reset();
    QFile::remove(dir.filePath(QStringLiteral("raw-one.sqlite")));
    QFile::remove(dir.filePath(QStringLiteral("raw-daily.sqlite")));
    QFile::remove(dir.filePath(QStringLiteral("topup-daily.sqlite")));

    std::printf("writes (WAL, synchronous=FULL; the store also folds every sample into the hourly and daily roll-ups,\n"
                "        upserts, and checks the foreign key to lines; raw is a plain INSERT into usage_samples only):\n");
    std::printf(" one transaction:\n");
    printWrite("raw sqlite3 prepared INSERT", rows.size(), *rawOne);
    printWrite("UsageStore::write", rows.size(), *storeOne);
    std::printf("  %-44s %9.2f x   (target >= 0.5)\n", "store / raw", *rawOne / *storeOne);
    std::printf(" one transaction per local day (%zu transactions):\n", days.size());
    printWrite("raw sqlite3 prepared INSERT", rows.size(), *rawDaily);
    printWrite("UsageStore::write", rows.size(), *storeDaily);
    std::printf("  %-44s %9.2f x\n", "store / raw", *rawDaily / *storeDaily);
    std::fflush(stdout);

    if (options.queries) {
        std::printf("dashboard queries on %d lines x 2 x %d days:\n", lineCount, options.days);
        if (const int failed = runQueries(*oneTransaction, calendar, secondYear, options.days, rows); failed)
            return failed;
    }
    oneTransaction.reset();
    if (options.breakdown) {
        if (const int failed = runBreakdown(dir, rows, days, calendar, now); failed)
            return failed;
    }

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak resident memory: %.1f MB\n", double(usage.ru_maxrss) / 1024.0);
    return 0;
}
