// See fleetworld.h.
#include "fleetworld.h"

#include "rules/zonedcalendar.h"
#include "scenario/policyjson.h"
#include "service/service.h"
#include "sim/xoshiro256.h"

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

} // namespace

// The account, its methods and packages through the service; the lines and
// their year of history straight into the store, in one transaction.
bool buildFleet(Service &service, const QString &storePath, Instant now, int lineCount, qint64 cardCents, int lastTopUpDaysAgo)
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

    const QString connection = QStringLiteral("bench_fleet_fill");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(storePath);
        if (!db.open() || !db.transaction())
            return false;
        QSqlQuery line(db);
        line.prepare(QStringLiteral("INSERT INTO lines (id, account_id, code, name, region, profile, seed, data_bytes, voice_seconds,"
                                    " policy_json, pays_method, pays_fallback, pays_cents) VALUES (?, ?, ?, ?, 'Fleet', ?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery attempt(db);
        attempt.prepare(QStringLiteral("INSERT INTO attempts (account_id, line_id, at_ms, month, trigger, chain_key, attempt, method_id,"
                                       " method_token, package_id, amount_cents, status, reason) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery usage(db);
        usage.prepare(QStringLiteral("INSERT INTO usage_daily (line_id, day, data_bytes, voice_seconds) VALUES (?, ?, ?, ?)"));
        const char *profiles[] = {"light", "regular", "heavy", "traveller"};
        const QDate today = QDateTime::fromMSecsSinceEpoch(now.msecs(), calendar.zone()).date();
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
            line.addBindValue(id);
            line.addBindValue(accountId);
            line.addBindValue(QStringLiteral("L%1").arg(id));
            line.addBindValue(QStringLiteral("Line %1").arg(i + 1));
            line.addBindValue(QLatin1String(profiles[i % 4]));
            line.addBindValue(qint64(random.next() >> 12));
            line.addBindValue(qint64(500 + random.below(5500)) * 1000 * 1000);
            line.addBindValue(qint64(random.below(300)) * 60);
            line.addBindValue(QString::fromUtf8(QJsonDocument(PolicyJson::write(policy)).toJson(QJsonDocument::Compact)));
            line.addBindValue(card->id);
            line.addBindValue(policy.fallback.isEmpty() ? QVariant(QMetaType::fromType<qint64>()) : QVariant(wallet->id));
            line.addBindValue(dearestCents(*packages, policy));
            ok = exec(line);
            // 46 top-ups a week apart, a few of them failed or blocked.
            for (int n = 1; n <= 46 && ok; ++n) {
                const Instant at = now.plusMsecs(-qint64(lastTopUpDaysAgo + (46 - n) * 7) * dayMs - qint64(random.below(86400)) * 1000);
                const int kind = int(random.below(20));
                const bool blocked = kind == 0;
                attempt.addBindValue(accountId);
                attempt.addBindValue(id);
                attempt.addBindValue(at.msecs());
                attempt.addBindValue(calendar.monthOf(at).toString());
                attempt.addBindValue(QStringLiteral("threshold"));
                attempt.addBindValue(QStringLiteral("L%1/threshold/%2").arg(id).arg(n));
                attempt.addBindValue(blocked ? QVariant(QMetaType::fromType<qint64>()) : QVariant(card->id));
                attempt.addBindValue(blocked ? QVariant(QMetaType::fromType<QString>()) : QVariant(card->token));
                attempt.addBindValue(policy.threshold ? policy.threshold->package.mid(1).toLongLong()
                                                      : policy.monthly->package.mid(1).toLongLong());
                attempt.addBindValue(qint64(1500));
                attempt.addBindValue(blocked ? QStringLiteral("blocked") : kind == 1 ? QStringLiteral("failed") : QStringLiteral("succeeded"));
                attempt.addBindValue(blocked ? QVariant(QStringLiteral("budget_cap")) : kind == 1 ? QVariant(QStringLiteral("declined"))
                                                                                                 : QVariant(QMetaType::fromType<QString>()));
                ok = exec(attempt);
            }
            for (int d = 365; d >= 1 && ok; --d) {
                usage.addBindValue(id);
                usage.addBindValue(today.addDays(-d).toString(Qt::ISODate));
                usage.addBindValue(qint64(random.below(3000)) * 1000 * 1000);
                usage.addBindValue(qint64(random.below(3600)));
                ok = exec(usage);
            }
        }
        ok = ok && db.commit();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
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
