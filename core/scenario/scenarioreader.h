#pragma once

#include "engine/world.h"
#include "jsonfields.h"
#include "problem.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QHash>
#include <QJsonObject>

#include <optional>

namespace topup {

class JsonFields;

// Reads a `topup-scenario/1` file (SPEC §8) into a World, collecting every
// problem with its JSON path instead of stopping at the first.
class ScenarioReader final
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioReader)

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
    std::optional<QString> readId(JsonFields &fields, KnownIds &seen);
    std::optional<QJsonObject> element(const QJsonValue &value, const QString &path);

    World m_world;
    Problems m_problems;
    KnownIds m_packageIds;
    KnownIds m_methodIds;
    KnownIds m_lineIds;
};

} // namespace topup
