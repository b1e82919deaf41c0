#include "policyjson.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace topup {
namespace {

using Need = JsonFields::Need;

const std::function<Expected<Money>(QStringView)> parseMoney = &Money::parse;
const std::function<Expected<DataAmount>(QStringView)> parseData = &DataAmount::parse;
const std::function<Expected<VoiceAmount>(QStringView)> parseVoice = &VoiceAmount::parse;

Expected<int> parseLocalTime(QStringView text)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d{2}):(\\d{2})$"));
    const QRegularExpressionMatch match = shape.match(text);
    const int hour = match.hasMatch() ? match.capturedView(1).toInt() : -1;
    const int minute = match.hasMatch() ? match.capturedView(2).toInt() : -1;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
        return Expected<int>::failure(PolicyJson::tr("must be a local time HH:MM, 00:00 to 23:59 (got \"%1\")").arg(text.left(32)));
    return hour * 60 + minute;
}

void readThreshold(JsonFields &policyFields, Policy &policy, const PolicyCatalog &catalog, Problems &problems)
{
    const auto object = policyFields.object(QStringLiteral("threshold"), Need::Optional);
    if (!object)
        return;
    JsonFields fields(*object, policyFields.pathOf(QStringLiteral("threshold")), problems);
    ThresholdTrigger trigger;
    const auto resource = fields.string(QStringLiteral("resource"), Need::Required);
    std::optional<qint64> below;
    if (resource == QLatin1String("data")) {
        trigger.resource = Resource::Data;
        if (const auto amount = fields.parsed(QStringLiteral("below"), Need::Required, parseData))
            below = amount->bytes();
    } else if (resource == QLatin1String("voice")) {
        trigger.resource = Resource::Voice;
        if (const auto amount = fields.parsed(QStringLiteral("below"), Need::Required, parseVoice))
            below = amount->seconds();
    } else {
        if (resource)
            fields.add(fields.pathOf(QStringLiteral("resource")),
                       PolicyJson::tr("must be \"data\" or \"voice\" (got \"%1\")").arg(resource->left(32)));
        fields.string(QStringLiteral("below"), Need::Required); // type-checked; its unit depends on the resource
    }
    if (below && *below == 0)
        fields.add(fields.pathOf(QStringLiteral("below")), PolicyJson::tr("must be more than zero"));
    const auto package = fields.reference(QStringLiteral("package"), Need::Required, catalog.packages, PolicyJson::tr("package"));
    // SPEC §2 refuses a threshold package that "adds no more of the resource
    // than below"; its own example 03 tops up 500 MB under a 1 GB threshold,
    // so the rule we can follow to the letter of both is: the package must
    // add some of the resource the trigger watches, or the top-up could never
    // lift the balance at all.
    const bool resourceKnown = resource == QLatin1String("data") || resource == QLatin1String("voice");
    if (package) {
        for (const Package &each : catalog.packageList) {
            const qint64 adds = trigger.resource == Resource::Data ? each.data.bytes() : each.voice.seconds();
            if (each.id == *package && adds == 0 && resourceKnown)
                fields.add(fields.pathOf(QStringLiteral("package")),
                           trigger.resource == Resource::Data
                               ? PolicyJson::tr("package \"%1\" adds no data, so it can never lift a data threshold").arg(*package)
                               : PolicyJson::tr("package \"%1\" adds no voice, so it can never lift a voice threshold").arg(*package));
        }
    }
    fields.rejectUnknownKeys();
    if (below && package) {
        trigger.below = *below;
        trigger.package = *package;
        policy.threshold = trigger;
    }
}

void readMonthly(JsonFields &policyFields, Policy &policy, const PolicyCatalog &catalog, Problems &problems)
{
    const auto object = policyFields.object(QStringLiteral("monthly"), Need::Optional);
    if (!object)
        return;
    JsonFields fields(*object, policyFields.pathOf(QStringLiteral("monthly")), problems);
    MonthlyTrigger trigger;
    const auto day = fields.integer(QStringLiteral("day"), Need::Required, 1, 31);
    const auto time = fields.parsed<int>(QStringLiteral("time"), Need::Optional, &parseLocalTime);
    const auto package = fields.reference(QStringLiteral("package"), Need::Required, catalog.packages, PolicyJson::tr("package"));
    fields.rejectUnknownKeys();
    if (day && package && (time || !fields.has(QStringLiteral("time")))) {
        trigger.day = int(*day);
        trigger.minuteOfDay = time.value_or(9 * 60);
        trigger.package = *package;
        policy.monthly = trigger;
    }
}

} // namespace

Policy PolicyJson::read(const QJsonObject &object, const QString &path, const PolicyCatalog &catalog, Problems &problems)
{
    JsonFields fields(object, path, problems);
    Policy policy;
    policy.enabled = fields.boolean(QStringLiteral("enabled"), Need::Optional).value_or(true);
    readThreshold(fields, policy, catalog, problems);
    readMonthly(fields, policy, catalog, problems);
    policy.monthlyCap = fields.parsed(QStringLiteral("monthly_cap"), Need::Optional, parseMoney);
    if (policy.monthlyCap && policy.monthlyCap->isZero())
        fields.add(fields.pathOf(QStringLiteral("monthly_cap")), PolicyJson::tr("must be more than zero"));
    if (const auto max = fields.integer(QStringLiteral("max_per_month"), Need::Optional, 1, qint64(1) << 53))
        policy.maxPerMonth = *max;
    const bool hasMethod = fields.has(QStringLiteral("method"));
    policy.method = fields.reference(QStringLiteral("method"), Need::Optional, catalog.methods, PolicyJson::tr("method")).value_or(QString());
    policy.fallback =
        fields.reference(QStringLiteral("fallback"), Need::Optional, catalog.methods, PolicyJson::tr("method")).value_or(QString());
    if (policy.enabled && !hasMethod)
        fields.add(fields.pathOf(QStringLiteral("method")), PolicyJson::tr("missing (required when the policy is enabled)"));
    if (!policy.fallback.isEmpty() && policy.fallback == policy.method)
        fields.add(fields.pathOf(QStringLiteral("fallback")), PolicyJson::tr("must differ from method"));
    if (policy.enabled && !fields.has(QStringLiteral("threshold")) && !fields.has(QStringLiteral("monthly")))
        fields.add(path, PolicyJson::tr("an enabled policy needs a threshold or a monthly trigger"));
    fields.rejectUnknownKeys();
    return policy;
}

QJsonObject PolicyJson::write(const Policy &policy)
{
    QJsonObject object{{QStringLiteral("enabled"), policy.enabled}};
    if (policy.threshold) {
        const ThresholdTrigger &trigger = *policy.threshold;
        const bool data = trigger.resource == Resource::Data;
        object.insert(QStringLiteral("threshold"),
                      QJsonObject{{QStringLiteral("resource"), data ? QStringLiteral("data") : QStringLiteral("voice")},
                                  {QStringLiteral("below"), data ? QStringLiteral("%1B").arg(trigger.below)
                                                                 : QStringLiteral("%1s").arg(trigger.below)},
                                  {QStringLiteral("package"), trigger.package}});
    }
    if (policy.monthly) {
        const MonthlyTrigger &trigger = *policy.monthly;
        object.insert(QStringLiteral("monthly"),
                      QJsonObject{{QStringLiteral("day"), trigger.day},
                                  {QStringLiteral("time"), QStringLiteral("%1:%2")
                                                               .arg(trigger.minuteOfDay / 60, 2, 10, QLatin1Char('0'))
                                                               .arg(trigger.minuteOfDay % 60, 2, 10, QLatin1Char('0'))},
                                  {QStringLiteral("package"), trigger.package}});
    }
    if (policy.monthlyCap)
        object.insert(QStringLiteral("monthly_cap"), policy.monthlyCap->toString());
    if (policy.maxPerMonth)
        object.insert(QStringLiteral("max_per_month"), *policy.maxPerMonth);
    if (!policy.method.isEmpty())
        object.insert(QStringLiteral("method"), policy.method);
    if (!policy.fallback.isEmpty())
        object.insert(QStringLiteral("fallback"), policy.fallback);
    return object;
}

} // namespace topup
