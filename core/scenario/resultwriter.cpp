#include "resultwriter.h"

#include "jsonout.h"

#include <QString>

namespace topup {

QByteArray writeResult(const World &world, const Outcome &outcome)
{
    QByteArray out;
    out.reserve(4096 + qsizetype(outcome.attempts.size()) * 300);
    JsonOut json(out);
    json.beginObject();
    json.field("format", QStringLiteral("topup-result/1"));

    json.beginArray("attempts");
    for (const AttemptRecord &attempt : outcome.attempts) {
        json.beginObject();
        json.field("at", attempt.at.toString());
        json.field("line", world.lines[std::size_t(attempt.line)].id);
        json.field("trigger", triggerKindName(attempt.trigger));
        json.field("key", attempt.key);
        json.field("attempt", attempt.attempt);
        if (attempt.method >= 0)
            json.field("method", world.methods[std::size_t(attempt.method)].id);
        else
            json.nullField("method");
        json.field("package", world.packages[std::size_t(attempt.package)].id);
        json.field("amount", attempt.amount.toString());
        json.field("status", attemptStatusName(attempt.status));
        if (attempt.reason)
            json.field("reason", reasonName(*attempt.reason));
        else
            json.nullField("reason");
        json.endObject();
    }
    json.endArray();

    json.beginArray("lines");
    for (std::size_t i = 0; i < outcome.lines.size(); ++i) {
        const LineOutcome &line = outcome.lines[i];
        json.beginObject();
        json.field("id", world.lines[i].id);
        json.field("data_bytes", line.dataBytes);
        json.field("voice_seconds", line.voiceSeconds);
        json.field("unserved_data_bytes", line.unservedDataBytes);
        json.field("unserved_voice_seconds", line.unservedVoiceSeconds);
        if (line.thresholdState)
            json.field("threshold_state", thresholdStateName(*line.thresholdState));
        else
            json.nullField("threshold_state");
        json.endObject();
    }
    json.endArray();

    json.beginArray("methods");
    for (std::size_t i = 0; i < outcome.methodFunds.size(); ++i) {
        json.beginObject();
        json.field("id", world.methods[i].id);
        json.field("funds", outcome.methodFunds[i].toString());
        json.endObject();
    }
    json.endArray();

    json.beginArray("spend");
    for (const SpendRow &row : outcome.spend) {
        json.beginObject();
        json.field("line", world.lines[std::size_t(row.line)].id);
        json.field("month", row.month.toString());
        json.field("auto", row.autoSpend.toString());
        json.field("manual", row.manualSpend.toString());
        json.endObject();
    }
    json.endArray();
    json.endObject();
    out += '\n';
    return out;
}

} // namespace topup
