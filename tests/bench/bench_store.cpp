// Speed of the store (README, "Benchmarks"): one year of 5-minute usage for
// 20 lines (2 102 400 samples) written through UsageStore against raw
// sqlite3 prepared inserts of the same rows, and the dashboard's queries on
// two years; then opening that 2-year file, cleanly closed and after an
// unclean shutdown (the full `PRAGMA quick_check` at open, what every open
// did before issue 8), and through the service. Not a test: scripts/test
// builds it, a person runs it.
//
//   build/tests/bench/bench_store                    # 20 lines, 365 days
//   build/tests/bench/bench_store --keep FILE        # the same, keeping the 2-year store as FILE
//   build/tests/bench/bench_store --open FILE [--runs N]  # only the opening figures, on FILE
//   build/tests/bench/bench_store --days 7 --no-queries   # small, for callgrind
#include "benchopening.h"
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

struct Options
{
    int days = 365;
    bool queries = true;
    QString keep;      // --keep: copy the 2-year store here
    QString openOnly;  // --open: only time opening this store
    int openRuns = 7;
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
    const Expected<void> methods = store.db->write([&]() -> Expected<void> {
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
        return {};
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
        if (const Expected<void> set = lines.setPolicy(store.account, added->id, policy); !set) {
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
        const Expected<void> written = store.db->write([&] { return usage.write(rows, calendar); });
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
        const Expected<void> written = store.db->write([&] { return usage.write(day, calendar); });
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

Expected<void> addAttempts(Store &store, Instant from, int months, const ZonedCalendar &calendar)
{
    return store.db->write([&]() -> Expected<void> {
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
        return {};
    });
}

int runQueries(Store &store, const ZonedCalendar &calendar, Instant secondYear, int days, const std::vector<UsageRow> &firstYear)
{
    // A second year of samples, so the queries see 2 years.
    const std::vector<UsageRow> rows = usageRows(store.lines, secondYear, days, calendar);
    QElapsedTimer timer;
    timer.start();
    const Expected<void> written = store.db->write([&] { return UsageStore(*store.db).write(rows, calendar); });
    if (!written) {
        report("second year", written.error());
        return 1;
    }
    std::printf("  second year through the store, one transaction: %.0f ms (%zu rows, %zu in all)\n", msSince(timer), rows.size(),
                rows.size() + firstYear.size());
    const Instant end = secondYear.plusMsecs(qint64(days) * civil::msPerDay);
    const Instant first = firstYear.front().at;
    const int months = std::max(1, int((end.msecs() - first.msecs()) / (30 * civil::msPerDay)));
    if (const Expected<void> added = addAttempts(store, first, months, calendar); !added) {
        report("attempts", added.error());
        return 1;
    }
    std::printf("  attempts: %d months x %zu lines x 9 (8 succeeded, 1 failed) = %d rows\n", months, store.lines.size(),
                months * int(store.lines.size()) * 9);

    // A second connection while the first is open (opening proper is timed
    // at the end, once the file is closed: timeOpening).
    const QString path = store.db->path();
    timer.restart();
    Expected<std::shared_ptr<Database>> reopened = Database::open(path, storeSchema());
    if (!reopened) {
        report("reopen", reopened.error());
        return 1;
    }
    std::printf("  Database::open of the 2-year file, a second connection: %.0f ms, %.1f MB + %.1f MB WAL\n", msSince(timer),
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
        } else if (args[i] == QLatin1String("--keep") && i + 1 < args.size()) {
            options.keep = args[++i];
        } else if (args[i] == QLatin1String("--open") && i + 1 < args.size()) {
            options.openOnly = args[++i];
        } else if (args[i] == QLatin1String("--runs") && i + 1 < args.size()) {
            options.openRuns = std::max(1, args[++i].toInt());
        } else {
            std::fprintf(stderr, "usage: bench_store [--days N] [--no-queries] [--keep FILE] [--open FILE [--runs N]]\n");
            return 2;
        }
    }
    if (!options.openOnly.isEmpty())
        return timeOpening(options.openOnly, options.openRuns);
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
    const QString storePath = oneTransaction->db->path();
    oneTransaction.reset(); // closed cleanly: the log folded into the file
    if (options.queries) {
        if (const int failed = timeOpening(storePath, options.openRuns); failed)
            return failed;
    }
    if (!options.keep.isEmpty()) {
        QFile::remove(options.keep);
        if (!QFile::copy(storePath, options.keep)) {
            std::fprintf(stderr, "cannot copy the store to %s\n", qPrintable(options.keep));
            return 1;
        }
        std::printf("kept the store as %s\n", qPrintable(options.keep));
    }

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak resident memory: %.1f MB\n", double(usage.ru_maxrss) / 1024.0);
    return 0;
}
