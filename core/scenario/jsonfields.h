#pragma once

#include "domain/dataamount.h"
#include "domain/expected.h"
#include "domain/money.h"
#include "domain/voiceamount.h"
#include "problem.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QVarLengthArray>

#include <functional>
#include <optional>

namespace topup {

// The ids a reference may name (id → the path that defined it). When the
// list had an unreadable entry it is not complete: an id missing from it
// may be that entry's, so references are not reported as unknown.
struct KnownIds final
{
    QHash<QString, QString> paths;
    bool complete = true;
};

// Reads the fields of one JSON object, recording a Problem (with its path)
// for every missing required field, wrong type and bad value, and, at the
// end, for every key nobody asked for.
class JsonFields final
{
    Q_DECLARE_TR_FUNCTIONS(JsonFields)

public:
    enum class Need { Optional, Required };

    // The parsers of the amounts the scenario and policy readers pass to parsed().
    static inline const std::function<Expected<Money>(QStringView)> parseMoney = &Money::parse;
    static inline const std::function<Expected<DataAmount>(QStringView)> parseData = &DataAmount::parse;
    static inline const std::function<Expected<VoiceAmount>(QStringView)> parseVoice = &VoiceAmount::parse;
    // "events[3]": the path of an array's entry.
    static QString indexed(const QString &path, qsizetype index);

    JsonFields(const QJsonObject &object, QString path, Problems &problems);
    // The paths of these two are built only when asked for (a problem is
    // recorded): most objects read have none. `parent` must outlive this.
    JsonFields(const QJsonObject &object, const JsonFields &parent, const QString &key, Problems &problems);
    JsonFields(const QJsonObject &object, const QString &arrayPath, qsizetype index, Problems &problems);
    ~JsonFields() = default;
    Q_DISABLE_COPY_MOVE(JsonFields)

    QString pathOf(const QString &key) const;
    const QString &path() const;
    bool has(const QString &key) const { return m_object.contains(key); }
    void add(const QString &where, const QString &message) const;

    std::optional<QString> string(const QString &key, Need need);
    std::optional<bool> boolean(const QString &key, Need need);
    std::optional<qint64> integer(const QString &key, Need need, qint64 min, qint64 max);
    std::optional<QJsonArray> array(const QString &key, Need need);
    std::optional<QJsonObject> object(const QString &key, Need need);

    // A string field turned into T by `parse`; its error becomes the problem.
    template<typename T>
    std::optional<T> parsed(const QString &key, Need need, const std::function<Expected<T>(QStringView)> &parse)
    {
        const std::optional<QString> text = string(key, need);
        if (!text)
            return std::nullopt;
        const Expected<T> value = parse(*text);
        if (!value) {
            add(pathOf(key), value.error());
            return std::nullopt;
        }
        return *value;
    }

    // A string naming one of `known` (`what` says what kind: "package").
    std::optional<QString> reference(const QString &key, Need need, const KnownIds &known, const QString &what);

    // Reports the keys no accessor asked for; call once, after the others.
    void rejectUnknownKeys();

private:
    QJsonValue take(const QString &key, Need need);

    QJsonObject m_object;
    mutable QString m_path;      // built from the three below on first use, unless given
    mutable bool m_pathBuilt = true;
    const JsonFields *m_parent = nullptr;
    QString m_key;               // in m_parent, or an array's path when m_index >= 0
    qsizetype m_index = -1;
    Problems &m_problems;
    QVarLengthArray<QString, 12> m_known; // most objects are read with no allocation here
};

QString jsonTypeName(const QJsonValue &value);

} // namespace topup
