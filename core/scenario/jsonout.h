#pragma once

#include <QByteArray>
#include <QString>

namespace topup {

// A streaming JSON writer for documents of a fixed shape (topup-result/1,
// topup-advice/1): objects are written field by field in our order
// (QJsonObject would sort the keys), two spaces of indentation a level.
class JsonOut final
{
public:
    explicit JsonOut(QByteArray &out) : m_out(out) {}

    void beginObject() { open('{'); }
    void beginObject(const char *key) { this->key(key); open('{'); }
    void endObject() { close('}'); }
    void beginArray(const char *key) { this->key(key); open('['); }
    void endArray() { close(']'); }

    void field(const char *name, const QString &text) { scalarKey(name); string(text); }
    void field(const char *name, qint64 number) { scalarKey(name); m_out += QByteArray::number(number); }
    void boolField(const char *name, bool value) { scalarKey(name); m_out += value ? "true" : "false"; }
    void nullField(const char *name) { scalarKey(name); m_out += "null"; }
    // A value that is already JSON (compact, one line), written as it is.
    void rawField(const char *name, const QByteArray &json) { scalarKey(name); m_out += json; }
    // An element of an array of strings.
    void element(const QString &text) { separate(); string(text); }

private:
    void open(char bracket);
    void close(char bracket);
    void key(const char *name);
    void scalarKey(const char *name)
    {
        key(name);
        m_afterKey = false;
    }
    void separate();
    void newline();
    void string(const QString &text);

    QByteArray &m_out;
    int m_depth = 0;
    bool m_first = true;
    bool m_afterKey = false;
};

} // namespace topup
