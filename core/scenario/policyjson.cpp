#include "policyjson.h"

#include "rules/policyrules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace topup {
namespace {

using Need = JsonFields::Need;

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
        if (const auto amount = fields.parsed(QStringLiteral("below"), Need::Required, JsonFields::parseData))
            below = amount->bytes();
    } else if (resource == QLatin1String("voice")) {
        trigger.resource = Resource::Voice;
        if (const auto amount = fields.parsed(QStringLiteral("below"), Need::Required, JsonFields::parseVoice))
            below = amount->seconds();
    } else {
        if (resource)
            fields.add(fields.pathOf(QStringLiteral("resource")),
                       PolicyJson::tr("must be \"data\" or \"voice\" (got \"%1\")").arg(resource->left(32)));
        fields.string(QStringLiteral("below"), Need::Required); // type-checked; its unit depends on the resource
    }
    if (below) {
        if (const auto problem = PolicyRules::belowProblem(*below))
            fields.add(fields.pathOf(QStringLiteral("below")), problem->text);
    }
    const auto package = fields.reference(QStringLiteral("package"), Need::Required, catalog.packages, PolicyJson::tr("package"));
    const bool resourceKnown = resource == QLatin1String("data") || resource == QLatin1String("voice");
    if (package && resourceKnown) {
        for (const Package &each : catalog.packageList) {
            if (each.id != *package)
                continue;
            if (const auto problem = PolicyRules::packageProblem(trigger.resource, each))
                fields.add(fields.pathOf(QStringLiteral("package")), problem->text);
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
    policy.monthlyCap = fields.parsed(QStringLiteral("monthly_cap"), Need::Optional, JsonFields::parseMoney);
    if (policy.monthlyCap) {
        if (const auto problem = PolicyRules::capProblem(*policy.monthlyCap))
            fields.add(fields.pathOf(QStringLiteral("monthly_cap")), problem->text);
    }
    if (const auto max = fields.integer(QStringLiteral("max_per_month"), Need::Optional, 1, PolicyRules::largestMaxPerMonth))
        policy.maxPerMonth = *max;
    const bool hasMethod = fields.has(QStringLiteral("method"));
    policy.method = fields.reference(QStringLiteral("method"), Need::Optional, catalog.methods, PolicyJson::tr("method")).value_or(QString());
    policy.fallback =
        fields.reference(QStringLiteral("fallback"), Need::Optional, catalog.methods, PolicyJson::tr("method")).value_or(QString());
    if (const auto problem = PolicyRules::methodProblem(policy.enabled, hasMethod))
        fields.add(fields.pathOf(QStringLiteral("method")), problem->text);
    if (const auto problem = PolicyRules::fallbackProblem(policy.method, policy.fallback))
        fields.add(fields.pathOf(QStringLiteral("fallback")), problem->text);
    const bool hasTrigger = fields.has(QStringLiteral("threshold")) || fields.has(QStringLiteral("monthly"));
    if (const auto problem = PolicyRules::triggerProblem(policy.enabled, hasTrigger))
        fields.add(path, problem->text);
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
