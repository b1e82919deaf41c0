#include "resultwriter.h"

#include <QString>

namespace topup {
namespace {

// A streaming writer for the fixed shape of a result: objects are written
// field by field in our order (QJsonObject would sort the keys).
class JsonOut final
{
public:
    explicit JsonOut(QByteArray &out) : m_out(out) {}

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray(const char *key) { this->key(key); open('['); }
    void endArray() { close(']'); }

    void field(const char *name, const QString &text) { scalarKey(name); string(text); }
    void field(const char *name, qint64 number) { scalarKey(name); m_out += QByteArray::number(number); }
    void nullField(const char *name) { scalarKey(name); m_out += "null"; }

private:
    void open(char bracket)
    {
        separate();
        m_out += bracket;
        ++m_depth;
        m_first = true;
    }

    void close(char bracket)
    {
        --m_depth;
        if (!m_first)
            newline();
        m_out += bracket;
        m_first = false;
    }

    void key(const char *name)
    {
        separate();
        m_out += '"';
        m_out += name;
        m_out += "\": ";
        m_afterKey = true;
    }

    void scalarKey(const char *name)
    {
        key(name);
        m_afterKey = false;
    }

    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (m_depth == 0)
            return;
        if (!m_first)
            m_out += ',';
        newline();
        m_first = false;
    }

    void newline()
    {
        m_out += '\n';
        m_out += QByteArray(m_depth * 2, ' ');
    }

    void string(const QString &text)
    {
        m_out += '"';
        for (const char c : text.toUtf8()) {
            const auto u = static_cast<unsigned char>(c);
            if (u == '"' || u == '\\') {
                m_out += '\\';
                m_out += c;
            } else if (u < 0x20) {
                m_out += "\\u00";
                m_out += "0123456789abcdef"[u >> 4];
                m_out += "0123456789abcdef"[u & 15];
            } else {
                m_out += c;
            }
        }
        m_out += '"';
    }

    QByteArray &m_out;
    int m_depth = 0;
    bool m_first = true;
    bool m_afterKey = false;
};

} // namespace

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
