#include "advicewriter.h"

#include "jsonout.h"
#include "policyjson.h"

#include "domain/saturating.h"

#include <QJsonDocument>

#include <algorithm>

namespace topup {
namespace {

void writeCandidate(JsonOut &json, const CandidateResult &result)
{
    json.rawField("policy", QJsonDocument(PolicyJson::write(result.policy)).toJson(QJsonDocument::Compact));
    json.field("cost", result.cost.toString());
    json.field("top_ups", qint64(result.topUps));
    json.field("failed_charges", qint64(result.failedCharges));
    json.field("blocked_attempts", qint64(result.blockedAttempts));
    json.beginArray("blocked_by");
    for (const Reason reason : result.blockedBy)
        json.element(reasonName(reason));
    json.endArray();
    json.field("hours_without_service", qint64(result.hoursWithoutService));
    json.field("hours_without_data", qint64(result.hoursWithoutData));
    json.field("hours_without_voice", qint64(result.hoursWithoutVoice));
    json.field("unserved_data_bytes", result.unservedDataBytes);
    json.field("unserved_voice_seconds", result.unservedVoiceSeconds);
    json.field("largest_month", result.largestMonth.toString());
    json.field("largest_month_spend", result.largestMonthSpend.toString());
    json.field("data_left_bytes", result.dataLeftBytes);
    json.field("voice_left_seconds", result.voiceLeftSeconds);
}

} // namespace

QByteArray writeAdvice(const AdvisorInput &input, const Advice &advice, int days, int top)
{
    qint64 data = 0;
    qint64 voice = 0;
    for (const UsageHour &hour : input.usage) {
        data = saturatingAdd(data, hour.dataBytes);
        voice = saturatingAdd(voice, hour.voiceSeconds);
    }
    const std::size_t shown = std::min(advice.ranking.size(), std::size_t(std::max(top, 0)));

    QByteArray out;
    out.reserve(2048 + qsizetype(shown) * 900);
    JsonOut json(out);
    json.beginObject();
    json.field("format", QStringLiteral("topup-advice/1"));
    json.field("line", input.lineId);
    json.field("days", qint64(days));
    json.field("from", input.from.toString());
    json.field("to", input.to.toString());
    json.beginObject("usage");
    json.field("hours_with_usage", qint64(input.usage.size()));
    json.field("data_bytes", data);
    json.field("voice_seconds", voice);
    json.endObject();
    json.beginObject("start");
    json.field("data_bytes", input.startDataBytes);
    json.field("voice_seconds", input.startVoiceSeconds);
    json.endObject();
    json.field("candidates", qint64(advice.ranking.size()));
    json.boolField("keeps_line_served", advice.anyKeepsServed());
    json.beginObject("current");
    writeCandidate(json, advice.current);
    json.endObject();
    json.beginArray("ranking");
    for (std::size_t i = 0; i < shown; ++i) {
        json.beginObject();
        json.field("rank", qint64(i + 1));
        writeCandidate(json, advice.ranking[i]);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    out += '\n';
    return out;
}

} // namespace topup
