// See fleetworld.h.
#include "fleetworld.h"

#include "rules/zonedcalendar.h"
#include "scenario/policyjson.h"
#include "service/service.h"
#include "sim/xoshiro256.h"
#include "store/dialect.h"
#include "store/hoursrow.h"
#include "store/samplesrow.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace topup::bench {
namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
constexpr qint64 dayMs = 24LL * 3600 * 1000;
const char *const zoneName = "Europe/Berlin";

QString packageId(const std::vector<PackageRecord> &packages, const char *name)
{
    for (const PackageRecord &record : packages) {
        if (record.name == QLatin1String(name))
            return record.package.id;
    }
    return QString();
}

// The dearest package the policy buys, as LineStore::setPolicy keeps it beside the policy.
qint64 dearestCents(const std::vector<PackageRecord> &packages, const Policy &policy)
{
    qint64 dearest = 0;
    for (const PackageRecord &record : packages) {
        if ((policy.threshold && policy.threshold->package == record.package.id) || (policy.monthly && policy.monthly->package == record.package.id))
            dearest = std::max(dearest, record.package.price.cents());
    }
    return dearest;
}

bool exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    std::fprintf(stderr, "%s\n", qPrintable(query.lastError().text()));
    return false;
}

// Rows of one table: on SQLite a prepared INSERT a row, as before; on
// PostgreSQL gathered into one array literal a column (NULL as NULL) and
// written 5 000 rows a statement (Dialect::rowsFromArrays).
class TableRows final
{
public:
    // `after`: the table whose rows these refer to (a foreign key), written first.
    TableRows(QSqlDatabase &db, const char *table, const QStringList &columns, const QStringList &types, TableRows *after = nullptr)
        : m_after(after), m_query(db), m_arrays(db.driverName() == QLatin1String("QPSQL")), m_isText(types.size()), m_literals(types.size())
    {
        for (qsizetype i = 0; i < types.size(); ++i)
            m_isText[i] = types[i] == QLatin1String("TEXT");
        const QString head = QStringLiteral("INSERT INTO %1 (%2) ").arg(QLatin1String(table), columns.join(QLatin1String(", ")));
        if (m_arrays) {
            m_query.prepare(head + Dialect::postgresql().rowsFromArrays(types));
        } else {
            QStringList marks;
            for (qsizetype i = 0; i < columns.size(); ++i)
                marks << QStringLiteral("?");
            m_query.prepare(head + QStringLiteral("VALUES (%1)").arg(marks.join(QLatin1String(", "))));
        }
    }

    bool add(const QVariantList &row)
    {
        if (!m_arrays) {
            for (const QVariant &value : row)
                m_query.addBindValue(value);
            return exec(m_query);
        }
        for (qsizetype i = 0; i < row.size(); ++i) {
            QByteArray &literal = m_literals[i];
            if (m_rows > 0)
                literal += ',';
            if (row[i].isNull()) {
                literal += "NULL";
            } else if (m_isText[i]) {
                literal += '"';
                for (const char c : row[i].toString().toUtf8()) {
                    if (c == '"' || c == '\\')
                        literal += '\\';
                    literal += c;
                }
                literal += '"';
            } else {
                literal += QByteArray::number(row[i].toLongLong());
            }
        }
        return ++m_rows < 5000 || flush();
    }

    bool flush()
    {
        if (!m_arrays || m_rows == 0)
            return true;
        if (m_after && !m_after->flush())
            return false;
        for (QByteArray &literal : m_literals) {
            m_query.addBindValue(QString::fromUtf8('{' + literal + '}'));
            literal.clear();
        }
        m_rows = 0;
        return exec(m_query);
    }

private:
    TableRows *m_after;
    QSqlQuery m_query;
    bool m_arrays;
    std::vector<bool> m_isText;
    std::vector<QByteArray> m_literals;
    int m_rows = 0;
};

} // namespace

// The account, its methods and packages through the service; the lines and
// their year of history straight into the store, in one transaction.
bool buildFleet(Service &service, const QString &storePath, Instant now, int lineCount, qint64 cardCents, int lastTopUpDaysAgo)
{
    const QString connection = QStringLiteral("bench_fleet_fill");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(storePath);
        ok = db.open() && buildFleetOn(service, db, now, lineCount, cardCents, lastTopUpDaysAgo, 0);
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

bool buildFleetOn(Service &service, QSqlDatabase &db, Instant now, int lineCount, qint64 cardCents, int lastTopUpDaysAgo, int hourlyDays)
{
    if (!service.startClockAt(now) || !service.signUp(SignUpForm{QStringLiteral("fleet@example.com"), QStringLiteral("Fleet-Bench-2028"),
                                                                   QStringLiteral("EUR"), QLatin1String(zoneName), std::nullopt}))
        return false;
    const Expected<MethodRecord> card = service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Fleet Owner"),
                                                                 QStringLiteral("4111 1111 1111 1111"), QStringLiteral("09/31"),
                                                                 QStringLiteral("123"), Money::fromCents(cardCents)});
    const Expected<MethodRecord> wallet = service.addWallet(WalletForm{QStringLiteral("fleet@example.com"), Money::fromCents(1000)});
    const Expected<std::vector<PackageRecord>> packages = service.packages();
    if (!card || !wallet || !packages)
        return false;
    const qint64 accountId = service.account()->id;
    const ZonedCalendar calendar{QTimeZone(zoneName)};
    Xoshiro256 random(2028);

    if (!db.transaction())
        return false;
    const QString bigint = QStringLiteral("BIGINT");
    const QString text = QStringLiteral("TEXT");
    TableRows line(db, "lines",
                   {QStringLiteral("id"), QStringLiteral("account_id"), QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("region"),
                    QStringLiteral("profile"), QStringLiteral("seed"), QStringLiteral("data_bytes"), QStringLiteral("voice_seconds"),
                    QStringLiteral("policy_json"), QStringLiteral("pays_method"), QStringLiteral("pays_fallback"), QStringLiteral("pays_cents"),
                    QStringLiteral("threshold_chains")},
                   {bigint, bigint, text, text, text, text, bigint, bigint, bigint, text, bigint, bigint, bigint, bigint});
    TableRows attempt(db, "attempts",
                      {QStringLiteral("account_id"), QStringLiteral("line_id"), QStringLiteral("at_ms"), QStringLiteral("month"),
                       QStringLiteral("trigger"), QStringLiteral("chain_key"), QStringLiteral("attempt"), QStringLiteral("method_id"),
                       QStringLiteral("method_token"), QStringLiteral("package_id"), QStringLiteral("amount_cents"), QStringLiteral("status"),
                       QStringLiteral("reason")},
                      {bigint, bigint, bigint, text, text, text, bigint, bigint, text, bigint, bigint, text, text}, &line);
    TableRows usage(db, "usage_daily", {QStringLiteral("line_id"), QStringLiteral("day"), QStringLiteral("data_bytes"), QStringLiteral("voice_seconds")},
                    {bigint, text, bigint, bigint}, &line);
    const QVariant noInteger(QMetaType::fromType<qint64>());
    const QVariant noText(QMetaType::fromType<QString>());
    const char *profiles[] = {"light", "regular", "heavy", "traveller"};
    constexpr int historyChains = 46;
    const QDate today = QDateTime::fromMSecsSinceEpoch(now.msecs(), calendar.zone()).date();
    bool ok = true;
    for (int i = 0; i < lineCount && ok; ++i) {
        const qint64 id = 1000 + i;
        Policy policy;
        if (i % 10 != 9) {
            policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageId(*packages, i % 4 == 2 ? "20 GB data" : "5 GB data")};
            if (i % 3 == 1)
                policy.monthly = MonthlyTrigger{1 + i % 31, 9 * 60, packageId(*packages, "100 minutes")};
        } else {
            policy.monthly = MonthlyTrigger{1 + i % 28, 8 * 60, packageId(*packages, "10 GB + 300 minutes")};
        }
        // A fleet caps its lines; a few pay with a small wallet as well.
        policy.monthlyCap = Money::fromCents(i % 5 == 4 ? 4000 : 9000);
        if (i % 7 == 3)
            policy.maxPerMonth = 3;
        policy.method = card->engineId();
        if (i % 50 == 0)
            policy.fallback = wallet->engineId();
        const qint64 seed = qint64(random.next() >> 12);
        const qint64 dataBytes = qint64(500 + random.below(5500)) * 1000 * 1000;
        const qint64 voiceSeconds = qint64(random.below(300)) * 60;
        ok = line.add({id, accountId, QStringLiteral("L%1").arg(id), QStringLiteral("Line %1").arg(i + 1), QStringLiteral("Fleet"),
                       QLatin1String(profiles[i % 4]), seed, dataBytes, voiceSeconds,
                       QString::fromUtf8(QJsonDocument(PolicyJson::write(policy)).toJson(QJsonDocument::Compact)), card->id,
                       policy.fallback.isEmpty() ? noInteger : QVariant(wallet->id), dearestCents(*packages, policy), qint64(historyChains)});
        // 46 top-ups a week apart, a few of them failed or blocked: the
        // line's threshold chains 1 to 46, so its next chain is the 47th
        // (until session 31 the lines said 0 chains made, and the engine's
        // first 46 chains met these attempts and took them for charges
        // already made: a day charged about a sixth of what it decided).
        for (int n = 1; n <= historyChains && ok; ++n) {
            const Instant at = now.plusMsecs(-qint64(lastTopUpDaysAgo + (historyChains - n) * 7) * dayMs - qint64(random.below(86400)) * 1000);
            const int kind = int(random.below(20));
            const bool blocked = kind == 0;
            ok = attempt.add({accountId, id, at.msecs(), calendar.monthOf(at).toString(), QStringLiteral("threshold"),
                              QStringLiteral("L%1/threshold/%2").arg(id).arg(n), 1, blocked ? noInteger : QVariant(card->id),
                              blocked ? noText : QVariant(card->token),
                              policy.threshold ? policy.threshold->package.mid(1).toLongLong() : policy.monthly->package.mid(1).toLongLong(),
                              qint64(1500),
                              blocked ? QStringLiteral("blocked") : kind == 1 ? QStringLiteral("failed") : QStringLiteral("succeeded"),
                              blocked ? QVariant(QStringLiteral("budget_cap")) : kind == 1 ? QVariant(QStringLiteral("declined")) : noText});
        }
        for (int d = 365; d >= 1 && ok; --d) {
            const qint64 data = qint64(random.below(3000)) * 1000 * 1000;
            const qint64 voice = qint64(random.below(3600));
            ok = usage.add({id, today.addDays(-d).toString(Qt::ISODate), data, voice});
        }
    }
    ok = ok && line.flush() && attempt.flush() && usage.flush();
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit() && (hourlyDays == 0 || writeHourly(db, now, lineCount, hourlyDays));
}

bool writeHourly(QSqlDatabase &db, Instant now, int lineCount, int hourlyDays)
{
    // Every line's hours of the `hourlyDays` days before now's hour, a row
    // a line's UTC day (usage_hours: "hour,data,voice;…", see HoursRow), in
    // the order of the key (line, day), made by the engine itself: no row
    // crosses Qt's SQL layer. Whole numbers only, the same on both engines.
    // A statement and a transaction for every 200 lines (73 000 rows for a
    // year), so neither engine's log holds the whole year at once.
    const bool postgresql = db.driverName() == QLatin1String("QPSQL");
    const qint64 last = SamplesRow::hourOf(now.msecs()) - 1;
    const qint64 first = last - qint64(hourlyDays) * 24 + 1;
    // An hour's text: its hour of the day, then its figures (parenthesized:
    // SQLite binds || before arithmetic).
    const QString hour = QStringLiteral("(d.n * 24 + h.k)");
    const QString hourText = QStringLiteral("h.k || ',' || ((l.id * 7919 + %1 * 104729) % 250000 * 1000) || ',' || ((l.id + %1) % 240)").arg(hour);
    QString sql;
    if (postgresql) {
        // The days joined laterally to each line, lines first: rows come
        // out in the key's order without a sort. The foreign key's check is
        // the lines just written (the bench's own superuser session skips
        // its trigger, as a restore does).
        sql = QStringLiteral("INSERT INTO usage_hours (line_id, day, hours) SELECT l.id, d.n,"
                             " (SELECT string_agg(%3, ';' ORDER BY h.k) FROM generate_series(0, 23) AS h(k) WHERE %4 BETWEEN %5 AND %6)"
                             " FROM lines l CROSS JOIN LATERAL generate_series(CAST(%1 AS BIGINT) + 0 * l.id, CAST(%2 AS BIGINT)) AS d(n)"
                             " WHERE l.id BETWEEN ? AND ?")
                  .arg(HoursRow::dayOf(first))
                  .arg(HoursRow::dayOf(last))
                  .arg(hourText, hour)
                  .arg(first)
                  .arg(last);
    } else {
        // CROSS JOIN keeps the lines as the outer loop (by rowid: their id);
        // a recursive table yields its rows in the order it makes them.
        sql = QStringLiteral("WITH RECURSIVE d(n) AS (SELECT CAST(%1 AS BIGINT) UNION ALL SELECT n + 1 FROM d WHERE n < %2),"
                             " h(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM h WHERE k < 23)"
                             " INSERT INTO usage_hours (line_id, day, hours) SELECT l.id, d.n,"
                             " (SELECT group_concat(%3, ';') FROM h WHERE %4 BETWEEN %5 AND %6)"
                             " FROM lines l CROSS JOIN d WHERE l.id BETWEEN ? AND ?")
                  .arg(HoursRow::dayOf(first))
                  .arg(HoursRow::dayOf(last))
                  .arg(hourText, hour)
                  .arg(first)
                  .arg(last);
    }
    QSqlQuery setting(db);
    if (postgresql ? !setting.exec(QStringLiteral("SET session_replication_role = replica"))
                   : !setting.exec(QStringLiteral("PRAGMA cache_size = -200000"))) {
        std::fprintf(stderr, "%s\n", qPrintable(setting.lastError().text()));
        return false;
    }
    constexpr int linesAStatement = 200;
    for (int from = 0; from < lineCount; from += linesAStatement) {
        if (!db.transaction())
            return false;
        QSqlQuery hourly(db);
        hourly.prepare(sql);
        hourly.addBindValue(qint64(1000 + from));
        hourly.addBindValue(qint64(1000 + std::min(lineCount, from + linesAStatement) - 1));
        if (!hourly.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(hourly.lastError().text()));
            db.rollback();
            return false;
        }
        if (!db.commit())
            return false;
    }
    if (postgresql && !setting.exec(QStringLiteral("SET session_replication_role = DEFAULT")))
        return false;
    return true;
}

Fleet::Fleet() = default;
Fleet::~Fleet() = default;

std::unique_ptr<Fleet> openFleet(const char *program, Instant now, int lineCount, qint64 cardCents, int lastTopUpDaysAgo)
{
    auto fleet = std::make_unique<Fleet>();
    Service::Options options;
    options.location = WorldLocation::folder(fleet->dir.path());
    options.fixedNow = now;
    options.passwordIterations = 1000;
    Expected<std::unique_ptr<Service>> opened = Service::open(options);
    if (!opened) {
        std::fprintf(stderr, "%s: %s\n", program, qPrintable(opened.error()));
        return nullptr;
    }
    fleet->service = opened.take();
    QElapsedTimer timer;
    timer.start();
    if (!buildFleet(*fleet->service, fleet->storePath(), now, lineCount, cardCents, lastTopUpDaysAgo)) {
        std::fprintf(stderr, "%s: could not build the fleet\n", program);
        return nullptr;
    }
    std::printf("built %d lines with a year of history in %.2f s\n", lineCount, double(timer.nsecsElapsed()) / 1e9);
    return fleet;
}

QString Fleet::storePath() const
{
    return dir.filePath(QStringLiteral("topup.sqlite"));
}

Instant historyNow()
{
    return *Instant::parse(u"2028-03-15T10:00:00Z");
}

std::unique_ptr<Fleet> openHistoryFleet(const char *program, int lineCount)
{
    return openFleet(program, historyNow(), lineCount, 90000000);
}

void preferOffscreen()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

qint64 countArgument(int argc, char **argv, int index, qint64 fallback)
{
    return argc > index ? std::max<qint64>(1, QByteArray(argv[index]).toLongLong()) : fallback;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace topup::bench
