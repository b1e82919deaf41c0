#include "policyformreader.h"

#include "domain/dataamount.h"
#include "domain/money.h"
#include "domain/voiceamount.h"
#include "text/formatter.h"

#include <QRegularExpression>

namespace topup {
namespace {

bool allDigits(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    return digits.match(text).hasMatch();
}

} // namespace

PolicyFormReading PolicyFormReader::read(const PolicyFormInput &input)
{
    PolicyFormReading reading;
    Policy &policy = reading.policy;
    policy.enabled = input.enabled;
    if (input.threshold) {
        ThresholdTrigger threshold;
        threshold.resource = input.resource;
        threshold.package = input.thresholdPackage;
        threshold.below = 1; // stands in while the text is not an amount
        const QString typed = input.below.trimmed();
        const QString amount = typed + QLatin1Char(' ') + input.unit;
        if (typed.isEmpty()) {
            reading.errors.insert(QStringLiteral("threshold.below"), tr("Enter the amount that starts a top-up."));
        } else if (input.resource == Resource::Data) {
            const Expected<DataAmount> below = DataAmount::parse(amount);
            // Zero is an amount: the service says why it is refused.
            below ? void(threshold.below = below->bytes()) : void(reading.errors.insert(QStringLiteral("threshold.below"), below.sentences()));
        } else {
            const Expected<VoiceAmount> below = VoiceAmount::parse(amount);
            below ? void(threshold.below = below->seconds()) : void(reading.errors.insert(QStringLiteral("threshold.below"), below.sentences()));
        }
        policy.threshold = threshold;
    }
    if (input.monthly) {
        MonthlyTrigger monthly;
        monthly.day = 1; // stands in while the text is not a day
        const QString typed = input.day.trimmed();
        bool number = allDigits(typed);
        const int day = number ? typed.toInt(&number) : 0;
        if (number)
            monthly.day = day; // 0 or 32 is a number: the service says why it is refused
        else
            reading.errors.insert(QStringLiteral("monthly.day"), tr("Enter a day from 1 to 31 (got \"%1\").").arg(typed.left(20)));
        monthly.minuteOfDay = input.minuteOfDay;
        monthly.package = input.monthlyPackage;
        policy.monthly = monthly;
    }
    policy.method = input.method;
    policy.fallback = input.fallback;
    if (const QString cap = input.cap.trimmed(); !cap.isEmpty()) {
        const Expected<Money> parsed = Money::parse(cap);
        parsed ? void(policy.monthlyCap = *parsed)
               : void(reading.errors.insert(QStringLiteral("monthly_cap"),
                                            tr("Enter an amount like 20.00, or nothing for no limit (got \"%1\").").arg(cap.left(20))));
    }
    if (const QString max = input.max.trimmed(); !max.isEmpty()) {
        bool number = false;
        const qint64 count = allDigits(max) ? max.toLongLong(&number) : 0;
        if (number)
            policy.maxPerMonth = count; // 0 or too many: the service says why it is refused
        else if (allDigits(max))
            reading.errors.insert(QStringLiteral("max_per_month"), tr("Far too many top-ups a month (got \"%1\").").arg(max.left(20)));
        else
            reading.errors.insert(QStringLiteral("max_per_month"),
                                  tr("Enter a whole number of top-ups, like 3, or nothing for no limit (got \"%1\").").arg(max.left(20)));
    }
    return reading;
}

QString PolicyFormReader::thresholdWarning(const ThresholdTrigger &threshold, const Package &package, const QString &packageName,
                                           DataUnits units)
{
    const bool data = threshold.resource == Resource::Data;
    const qint64 adds = data ? package.data.bytes() : package.voice.seconds();
    if (adds <= 0 || threshold.below < adds)
        return {}; // adding none is the service's error, not a warning
    return tr("This is at or above what %1 adds (%2): a top-up leaves the line still below it, so it tops up again and "
              "again; the preview shows the burst.")
        .arg(packageName, data ? Formatter::data(adds, units) : Formatter::voice(adds));
}

} // namespace topup
