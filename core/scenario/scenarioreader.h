#pragma once

#include "engine/world.h"
#include "jsonfields.h"
#include "idindex.h"
#include "jsonscan.h"
#include "problem.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QHash>
#include <QJsonObject>

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

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

    // Bounds on what one scenario may ask for (README, "Limits"); beyond
    // them the file is refused, naming the limit, rather than run for hours
    // or out of memory.
    static constexpr qsizetype maxListEntries = 10'000; // packages, methods and lines, each
    static constexpr qsizetype maxEvents = 200'000;
    static constexpr qint64 maxGeneratedPerEntry = 10'000'000; // usage events one `generate` entry makes
    static constexpr qint64 maxGeneratedTotal = 50'000'000;    // … and all of them together

private:
    ScenarioReader() = default;

    void readRoot(const QJsonObject &root);
    void readPackages(JsonFields &root);
    void readMethods(JsonFields &root);
    void readLines(JsonFields &root);
    void readEvents(JsonFields &root, bool rangeKnown);
    void readEvent(const QJsonObject &object, qsizetype index, bool rangeKnown);
    void readPlainEvents(const std::vector<JsonScan::Event> &events, bool rangeKnown);
    [[nodiscard]] bool readPlainUse(const JsonScan::Event &use, bool rangeKnown);
    void readGenerate(JsonFields &root, bool rangeKnown);
    bool withinLimit(qsizetype size, const QString &path, qsizetype limit, KnownIds *ids);
    // Each object of the required list `key`, read by `readOne` with its
    // fields; a list missing or too long, or an element not an object, is a
    // problem at its path and leaves `ids` incomplete.
    void readList(JsonFields &root, const QString &key, KnownIds &ids, const std::function<void(JsonFields &)> &readOne);
    std::optional<QString> readId(JsonFields &fields, KnownIds &seen);
    std::optional<QJsonObject> element(const QJsonValue &value, const QString &path);

    World m_world;
    Problems m_problems;
    KnownIds m_packageIds;
    KnownIds m_methodIds;
    KnownIds m_lineIds;
    // The fast way (JsonScan): the events' texts, and the line ids by their bytes.
    const std::vector<JsonScan::Event> *m_plainEvents = nullptr;
    IdIndex m_linesByUtf8;
    // What a reference names, in messages; translated once, not per event.
    const QString m_lineWord = ScenarioReader::tr("line");
    const QString m_methodWord = ScenarioReader::tr("method");
    const QString m_packageWord = ScenarioReader::tr("package");
};

} // namespace topup
