#include "seededworld.h"

#include "checked.h"
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

Instant drawStartIn2027(Draws &draw)
{
    return Instant::fromMsecs(test::at("2027-01-01T00:00:00Z").msecs() + qint64(draw.below(364)) * day
                              + qint64(draw.below(24 * 60)) * minute);
}

std::unique_ptr<Service> openNarrowed(const QString &folder, Instant now, bool Service::Options::*narrowing, bool narrow)
{
    Service::Options options;
    options.location = WorldLocation::folder(folder);
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
