#pragma once

#include "engine/world.h"
#include "problem.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <optional>

namespace topup {

class JsonFields;

// Reads a `topup-scenario/1` file (SPEC §8) into a World, collecting every
// problem with its JSON path instead of stopping at the first.
class ScenarioReader final
{
public:
    struct Result
    {
        std::optional<World> world; // set only when there are no problems
        Problems problems;
    };

    static Result read(const QByteArray &json);

private:
    ScenarioReader() = default;

    void readRoot(const QJsonObject &root);
    void readPackages(JsonFields &root);
    void readMethods(JsonFields &root);
    void readLines(JsonFields &root);
    void readEvents(JsonFields &root, bool rangeKnown);
    void readEvent(const QJsonObject &object, const QString &path, bool rangeKnown);
    void readGenerate(JsonFields &root);
    Policy readPolicy(const QJsonObject &object, const QString &path);
    void readThreshold(JsonFields &policyFields, Policy &policy);
    void readMonthly(JsonFields &policyFields, Policy &policy);
    std::optional<QString> readId(JsonFields &fields, QHash<QString, QString> &seen);
    std::optional<QString> readReference(JsonFields &fields, const QString &key, bool required,
                                         const QHash<QString, QString> &known, const char *what);
    std::optional<QJsonObject> element(const QJsonValue &value, const QString &path);

    World m_world;
    Problems m_problems;
    QHash<QString, QString> m_packageIds; // id → path of its first use
    QHash<QString, QString> m_methodIds;
    QHash<QString, QString> m_lineIds;
    QSet<const QHash<QString, QString> *> m_incompleteLists; // id lists with an unreadable entry
};

} // namespace topup
