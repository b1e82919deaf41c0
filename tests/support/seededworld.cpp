#include "seededworld.h"

#include "checked.h"
#include "storeengine.h"
#include "storefixture.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

namespace topup::test {
namespace {

constexpr qint64 minute = 60 * 1000;
constexpr qint64 megabyte = 1000 * 1000;

} // namespace

QString worldFolderTemplate(const QString &name)
{
    const QString base = QFileInfo(QStringLiteral("/dev/shm")).isWritable() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    return base + QLatin1Char('/') + name + QStringLiteral("-XXXXXX");
}

int seededWorldCount(int seeds)
{
    if (qEnvironmentVariableIsSet("TOPUP_TEST_WORLDS"))
        return qMax(1, qEnvironmentVariableIntValue("TOPUP_TEST_WORLDS"));
    const StoreEngine *engine = StoreEngine::current();
    if (!engine || !engine->server())
        return seeds;
    return qMin(seeds, qMax(4, seeds / 4));
}

Instant drawStartIn2027(Draws &draw)
{
    return Instant::fromMsecs(test::at("2027-01-01T00:00:00Z").msecs() + qint64(draw.below(364)) * day
                              + qint64(draw.below(24 * 60)) * minute);
}

std::unique_ptr<Service> openNarrowed(const QString &folder, Instant now, bool Service::Options::*narrowing, bool narrow)
{
    const Expected<WorldLocation> location = worldLocationFor(folder);
    if (!location) {
        QTest::qFail(qPrintable(location.error()), __FILE__, __LINE__);
        return nullptr;
    }
    Service::Options options;
    options.location = *location;
    options.fixedNow = now;
    options.passwordIterations = fastPasswordRounds;
    options.*narrowing = narrow;
    Expected<std::unique_ptr<Service>> opened = Service::open(options);
    if (!opened) {
        QTest::qFail(qPrintable(opened.error()), __FILE__, __LINE__);
        return nullptr;
    }
    return opened.take();
}

NarrowedPair copyAndOpenBoth(WorldFolders &folders, Instant now, bool Service::Options::*narrowing, qint64 accountId)
{
    if (const Expected<void> copied = copyTestWorld(folders.narrow.path(), folders.whole.path()); !copied) {
        QTest::qFail(qPrintable(copied.error()), __FILE__, __LINE__);
        return {};
    }
    NarrowedPair pair{openNarrowed(folders.narrow.path(), now, narrowing, true), openNarrowed(folders.whole.path(), now, narrowing, false)};
    for (const std::unique_ptr<Service> *service : {&pair.narrow, &pair.whole}) {
        if (!*service)
            return {};
        if (const Expected<void> acting = (*service)->actAs(accountId); !acting) {
            QTest::qFail(qPrintable(acting.error()), __FILE__, __LINE__);
            return {};
        }
    }
    return pair;
}

qint64 signUpAccount(Service &service, const QString &login, const QString &zone, std::optional<Money> cap)
{
    const Expected<Account> account = service.signUp(SignUpForm{login, testPassword(), QStringLiteral("EUR"), zone, cap});
    if (!account) {
        QTest::qFail(qPrintable(account.error()), __FILE__, __LINE__);
        return 0;
    }
    if (const Expected<CatchUpSummary> caught = service.catchUpToNow(); !caught) {
        QTest::qFail(qPrintable(caught.error()), __FILE__, __LINE__);
        return 0;
    }
    return account->id;
}

Expected<MethodRecord> addNumberedMethod(Service &service, int index, Money funds)
{
    if (index == 0)
        return service.addWallet(WalletForm{QStringLiteral("w@example.com"), funds});
    return service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Pat Doe"), QStringLiteral("4111 1111 1111 1111"),
                                    index == 1 ? QStringLiteral("09/31") : QStringLiteral("12/27"), QStringLiteral("123"), funds});
}

PackageIds packageIds(const std::vector<PackageRecord> &packages)
{
    PackageIds ids;
    for (const PackageRecord &record : packages) {
        (record.package.data.bytes() > 0 ? ids.data : ids.voice).push_back(record.package.id);
        ids.all.push_back(record.package.id);
    }
    return ids;
}

Expected<void> maybeAdvanceDays(Service &service, Draws &draw)
{
    if (!draw.chance(70))
        return {};
    const qint64 days = 1 + draw.below(25);
    const Expected<CatchUpSummary> moved = service.advanceBy(days * day + qint64(draw.below(24 * 60)) * minute);
    return moved ? Expected<void>() : Expected<void>::failure(moved);
}

QString describe(const PreviewItem &item)
{
    return QStringLiteral("%1 %2 %3#%4 %5 %6 %7c %8 %9")
        .arg(item.at.toString(), triggerKindName(item.trigger), item.key)
        .arg(item.attempt)
        .arg(item.package, item.method)
        .arg(item.amount.cents())
        .arg(attemptStatusName(item.status), item.reason ? reasonName(*item.reason) : QString());
}

LineForm drawLine(Draws &draw, int index, quint32 dataMegabytes, quint32 voiceMinutes)
{
    const auto profile = std::vector<UsageProfile>{UsageProfile::Light, UsageProfile::Regular, UsageProfile::Heavy,
                                                   UsageProfile::Traveller}[draw.below(4)];
    const quint64 seed = draw.below(1u << 30);
    const DataAmount data(qint64(draw.below(dataMegabytes)) * megabyte);
    const VoiceAmount voice(qint64(draw.below(voiceMinutes)) * 60);
    return LineForm{QStringLiteral("Line %1").arg(index), {}, profile, seed, data, voice};
}

Policy drawRules(Draws &draw, const RuleOdds &odds, const std::vector<QString> &dataPackages, const std::vector<QString> &voicePackages,
                 const std::vector<QString> &allPackages)
{
    Policy policy;
    policy.enabled = !draw.chance(odds.disabled);
    if (draw.chance(odds.threshold)) {
        const bool onData = draw.chance(75) || voicePackages.empty();
        const qint64 level = onData ? (100 + qint64(draw.below(odds.thresholdMegabytes))) * megabyte : (5 + qint64(draw.below(60))) * 60;
        policy.threshold = ThresholdTrigger{onData ? Resource::Data : Resource::Voice, level, draw.pick(onData ? dataPackages : voicePackages)};
    }
    if (!policy.threshold || draw.chance(50)) {
        const int dayOfMonth = 1 + int(draw.below(31));
        const int minuteOfDay = int(draw.below(24 * 60));
        policy.monthly = MonthlyTrigger{dayOfMonth, minuteOfDay, draw.pick(allPackages)};
    }
    if (draw.chance(40))
        policy.monthlyCap = Money::fromCents(500 + 500 * qint64(draw.below(odds.capSteps)));
    if (draw.chance(30))
        policy.maxPerMonth = 1 + qint64(draw.below(4));
    return policy;
}

} // namespace topup::test
