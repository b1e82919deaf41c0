#include "scenarioreader.h"

#include "domain/currency.h"
#include "domain/timezonename.h"
#include "duplicatekeys.h"
#include "jsonfields.h"
#include "jsonscan.h"
#include "policyjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QTimeZone>

namespace topup {
namespace {

using Need = JsonFields::Need;

// Line:column of a byte offset, for messages about malformed JSON.
QString lineAndColumn(const QByteArray &json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return ScenarioReader::tr("line %1, column %2").arg(line).arg(column);
}

const std::function<Expected<Instant>(QStringView)> parseInstant = &Instant::parse;

Expected<YearMonth> parseYearMonth(QStringView text)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return Expected<YearMonth>::failure(ScenarioReader::tr("must be a month YYYY-MM (got \"%1\")").arg(text.left(32)));
    const int year = match.capturedView(1).toInt();
    const int month = match.capturedView(2).toInt();
    if (year < 1 || month < 1 || month > 12)
        return Expected<YearMonth>::failure(ScenarioReader::tr("no such month \"%1\"").arg(text));
    return YearMonth{year, month};
}

// Ids end up in chain keys such as `phone/threshold/3`, so no '/' and no
// blanks or control characters.
std::optional<QString> idProblem(const QString &id)
{
    if (id.isEmpty())
        return ScenarioReader::tr("must not be empty");
    if (id.size() > 64)
        return ScenarioReader::tr("must be at most 64 characters long");
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id[i];
        if (c.isHighSurrogate() && i + 1 < id.size() && id[i + 1].isLowSurrogate()) {
            ++i; // a character outside the BMP, written as a pair
            continue;
        }
        // JSON's \uD800 escapes can carry half a pair, which no UTF-8 text can
        // hold: printed, two different ids would look the same.
        if (c.isSurrogate())
            return ScenarioReader::tr("must not contain a lone UTF-16 surrogate (\\u%1 at character %2), which is not a character")
                .arg(QString::number(c.unicode(), 16).toUpper())
                .arg(i + 1);
        if (c == QLatin1Char('/') || c.isSpace() || c.category() == QChar::Other_Control)
            return ScenarioReader::tr("must not contain '/', spaces or control characters (got \"%1\")").arg(id);
        // Invisible characters (zero-width spaces and joiners, direction
        // marks and overrides): printed, "L\u200b1" looks like "L1".
        if (c.category() == QChar::Other_Format)
            return ScenarioReader::tr("must not contain an invisible formatting character (U+%1 at character %2): printed, the id would"
                                      " look like another")
                .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')))
                .arg(i + 1);
    }
    // "é" as one character or as e + U+0301 looks the same: one form only.
    if (id.normalized(QString::NormalizationForm_C) != id)
        return ScenarioReader::tr("must be in Unicode normal form C (NFC): written another way, it would look like an id that differs");
    return std::nullopt;
}

// The optional "data" and "voice" amounts of a package, a line or a use;
// an absent one is none.
struct DataAndVoice final
{
    DataAmount data;
    VoiceAmount voice;
};

DataAndVoice readDataAndVoice(JsonFields &fields)
{
    return DataAndVoice{fields.parsed(QStringLiteral("data"), Need::Optional, JsonFields::parseData).value_or(DataAmount()),
                        fields.parsed(QStringLiteral("voice"), Need::Optional, JsonFields::parseVoice).value_or(VoiceAmount())};
}

} // namespace

ScenarioReader::Result ScenarioReader::read(const QByteArray &json)
{
    ScenarioReader reader;
    // The fast way: plain text, checked in one pass, whose events are read
    // straight from their bytes while the rest (a few lines, packages and
    // methods) goes through Qt's parser with the events left out.
    const JsonScan::Result scan = JsonScan::scan(json);
    if (scan.plain) {
        const QByteArray rest = json.left(scan.eventsBegin) + "[]" + json.mid(scan.eventsEnd);
        const QJsonDocument document = QJsonDocument::fromJson(rest);
        if (document.isObject()) { // it always is: the scan accepts only what Qt does
            reader.m_plainEvents = &scan.events;
            reader.readRoot(document.object());
            Result result;
            result.problems = std::move(reader.m_problems);
            if (result.problems.empty())
                result.world = std::move(reader.m_world);
            return result;
        }
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        reader.m_problems.push_back(Problem{
            QString(), ScenarioReader::tr("malformed JSON at %1: %2").arg(lineAndColumn(json, error.offset), error.errorString())});
    } else if (!document.isObject()) {
        reader.m_problems.push_back(Problem{QString(), ScenarioReader::tr("must be a JSON object")});
    } else {
        reader.m_problems = findDuplicateKeys(json);
        reader.readRoot(document.object());
    }
    Result result;
    result.problems = std::move(reader.m_problems);
    if (result.problems.empty())
        result.world = std::move(reader.m_world);
    return result;
}

std::optional<QJsonObject> ScenarioReader::element(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        m_problems.push_back(Problem{path, ScenarioReader::tr("must be an object, not %1").arg(jsonTypeName(value))});
        return std::nullopt;
    }
    return value.toObject();
}

void ScenarioReader::readRoot(const QJsonObject &object)
{
    JsonFields root(object, QString(), m_problems);
    if (const auto format = root.string(QStringLiteral("format"), Need::Required);
        format && *format != QLatin1String("topup-scenario/1"))
        root.add(QStringLiteral("format"), ScenarioReader::tr("must be \"topup-scenario/1\" (got \"%1\")").arg(format->left(64)));
    if (const auto zone = root.parsed<QTimeZone>(QStringLiteral("timezone"), Need::Required, &TimeZoneName::parse))
        m_world.zone = *zone;
    if (const auto currency = root.parsed<QString>(QStringLiteral("currency"), Need::Required, &parseCurrency))
        m_world.currency = *currency;
    const auto start = root.parsed(QStringLiteral("start"), Need::Required, parseInstant);
    const auto end = root.parsed(QStringLiteral("end"), Need::Required, parseInstant);
    if (start && end && *end < *start)
        root.add(QStringLiteral("end"), ScenarioReader::tr("must not be before start (%1)").arg(start->toString()));
    if (start)
        m_world.start = *start;
    if (end)
        m_world.end = *end;

    if (const auto account = root.object(QStringLiteral("account"), Need::Optional)) {
        JsonFields fields(*account, QStringLiteral("account"), m_problems);
        m_world.accountCap = fields.parsed(QStringLiteral("monthly_cap"), Need::Optional, JsonFields::parseMoney);
        if (m_world.accountCap && m_world.accountCap->isZero())
            fields.add(fields.pathOf(QStringLiteral("monthly_cap")), ScenarioReader::tr("must be more than zero"));
        fields.rejectUnknownKeys();
    }
    readPackages(root);
    readMethods(root);
    readLines(root);
    readEvents(root, start && end && !(*end < *start));
    readGenerate(root, start && end && !(*end < *start));
    root.rejectUnknownKeys();
}

bool ScenarioReader::withinLimit(qsizetype size, const QString &path, qsizetype limit, KnownIds *ids)
{
    if (size <= limit)
        return true;
    m_problems.push_back(Problem{path, ScenarioReader::tr("%1 entries, more than the limit of %2").arg(size).arg(limit)});
    if (ids)
        ids->complete = false; // not read: references to them are not reported as unknown
    return false;
}

std::optional<QString> ScenarioReader::readId(JsonFields &fields, KnownIds &seen)
{
    const std::optional<QString> id = fields.string(QStringLiteral("id"), Need::Required);
    if (!id) {
        seen.complete = false;
        return std::nullopt;
    }
    const QString path = fields.pathOf(QStringLiteral("id"));
    if (const auto problem = idProblem(*id)) {
        fields.add(path, *problem);
        seen.complete = false;
        return std::nullopt;
    }
    const auto first = seen.paths.constFind(*id);
    if (first != seen.paths.constEnd()) {
        fields.add(path, ScenarioReader::tr("\"%1\" is used twice (first at %2)").arg(*id, *first));
        return std::nullopt;
    }
    seen.paths.insert(*id, fields.path());
    return id;
}

void ScenarioReader::readList(JsonFields &root, const QString &key, KnownIds &ids, const std::function<void(JsonFields &)> &readOne)
{
    const auto list = root.array(key, Need::Required);
    if (!list || !withinLimit(list->size(), key, maxListEntries, &ids)) {
        ids.complete = false;
        return;
    }
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QString path = JsonFields::indexed(key, i);
        const auto object = element(list->at(i), path);
        if (!object) {
            ids.complete = false;
            continue;
        }
        JsonFields fields(*object, path, m_problems);
        readOne(fields);
    }
}

void ScenarioReader::readPackages(JsonFields &root)
{
    readList(root, QStringLiteral("packages"), m_packageIds, [this](JsonFields &fields) {
        Package package;
        const auto id = readId(fields, m_packageIds);
        const DataAndVoice amounts = readDataAndVoice(fields);
        package.data = amounts.data;
        package.voice = amounts.voice;
        const auto price = fields.parsed(QStringLiteral("price"), Need::Required, JsonFields::parseMoney);
        fields.rejectUnknownKeys();
        if (id && price) {
            package.id = *id;
            package.price = *price;
            m_world.packages.push_back(package);
        }
    });
}

void ScenarioReader::readMethods(JsonFields &root)
{
    readList(root, QStringLiteral("methods"), m_methodIds, [this](JsonFields &fields) {
        PaymentMethod method;
        const auto id = readId(fields, m_methodIds);
        const auto kind = fields.string(QStringLiteral("kind"), Need::Required);
        const std::optional<MethodKind> knownKind = kind ? parseMethodKind(*kind) : std::nullopt;
        const bool kindKnown = knownKind.has_value();
        if (knownKind) {
            method.kind = *knownKind;
        } else {
            if (kind)
                fields.add(fields.pathOf(QStringLiteral("kind")),
                           ScenarioReader::tr("unknown kind \"%1\" (expected credit_card, debit_card or paypal)").arg(kind->left(32)));
        }
        const auto funds = fields.parsed(QStringLiteral("funds"), Need::Required, JsonFields::parseMoney);
        const Need expiresNeed = kindKnown && method.isCard() ? Need::Required : Need::Optional;
        const auto expires = fields.parsed<YearMonth>(QStringLiteral("expires"), expiresNeed, &parseYearMonth);
        if (kindKnown && !method.isCard() && fields.has(QStringLiteral("expires")))
            fields.add(fields.pathOf(QStringLiteral("expires")), ScenarioReader::tr("a paypal wallet has no expiry"));
        fields.rejectUnknownKeys();
        if (id && funds) {
            method.id = *id;
            method.funds = *funds;
            if (method.isCard())
                method.expires = expires;
            m_world.methods.push_back(method);
        }
    });
}

void ScenarioReader::readLines(JsonFields &root)
{
    readList(root, QStringLiteral("lines"), m_lineIds, [this](JsonFields &fields) {
        Line line;
        const auto id = readId(fields, m_lineIds);
        const DataAndVoice amounts = readDataAndVoice(fields);
        line.data = amounts.data;
        line.voice = amounts.voice;
        if (const auto policy = fields.object(QStringLiteral("policy"), Need::Optional))
            line.policy = PolicyJson::read(*policy, fields.pathOf(QStringLiteral("policy")), PolicyCatalog{m_methodIds, m_packageIds, m_world.packages}, m_problems);
        fields.rejectUnknownKeys();
        if (id) {
            line.id = *id;
            m_world.lines.push_back(line);
        }
    });
}

void ScenarioReader::readEvents(JsonFields &root, bool rangeKnown)
{
    const auto events = root.array(QStringLiteral("events"), Need::Optional);
    if (events && m_plainEvents) {
        readPlainEvents(*m_plainEvents, rangeKnown);
        return;
    }
    if (!events || !withinLimit(events->size(), QStringLiteral("events"), maxEvents, nullptr))
        return;
    m_world.events.reserve(std::size_t(events->size()));
    for (qsizetype i = 0; i < events->size(); ++i) {
        const QJsonValue value = events->at(i);
        if (value.isObject())
            readEvent(value.toObject(), i, rangeKnown); // its path is built only if it has a problem
        else
            m_problems.push_back(Problem{JsonFields::indexed(QStringLiteral("events"), i),
                                         ScenarioReader::tr("must be an object, not %1").arg(jsonTypeName(value))});
    }
}

void ScenarioReader::readEvent(const QJsonObject &object, qsizetype index, bool rangeKnown)
{
    // The first three act on a line, the last two on a method.
    static const QString actionKeys[] = {QStringLiteral("use"), QStringLiteral("topup"), QStringLiteral("policy"),
                                         QStringLiteral("deposit"), QStringLiteral("fail_next")};
    constexpr int lineActionCount = 3;
    JsonFields fields(object, QStringLiteral("events"), index, m_problems);
    WorldEvent event;
    const std::size_t problemsBefore = m_problems.size();
    const auto at = fields.parsed(QStringLiteral("at"), Need::Required, parseInstant);
    if (at && rangeKnown && (*at < m_world.start || *at > m_world.end))
        fields.add(fields.pathOf(QStringLiteral("at")),
                   ScenarioReader::tr("outside start..end (%1 .. %2)").arg(m_world.start.toString(), m_world.end.toString()));
    if (at)
        event.at = *at;

    int first = -1; // the index in actionKeys of the event's first action
    for (int i = 0; i < int(std::size(actionKeys)); ++i) {
        if (!fields.has(actionKeys[i]))
            continue;
        if (first < 0)
            first = i;
        else
            fields.add(fields.pathOf(actionKeys[i]),
                       ScenarioReader::tr("an event has exactly one action (this one already has %1)").arg(actionKeys[first]));
    }
    const QString action = first < 0 ? QString() : actionKeys[first];
    const bool onLine = first >= 0 && first < lineActionCount;
    const bool onMethod = first >= lineActionCount;
    if (first < 0)
        fields.add(fields.path(), ScenarioReader::tr("an event needs one action: use, topup, policy, deposit or fail_next"));

    if (onMethod && fields.has(QStringLiteral("line")))
        fields.add(fields.pathOf(QStringLiteral("line")), ScenarioReader::tr("not allowed with %1").arg(action));
    const auto line = fields.reference(QStringLiteral("line"), onLine ? Need::Required : Need::Optional, m_lineIds, m_lineWord);
    if (onLine && fields.has(QStringLiteral("method")))
        fields.add(fields.pathOf(QStringLiteral("method")), ScenarioReader::tr("not allowed with %1 (a top-up names its method inside)").arg(action));
    const auto method = fields.reference(QStringLiteral("method"), onMethod ? Need::Required : Need::Optional, m_methodIds, m_methodWord);
    event.line = line.value_or(QString());
    event.method = method.value_or(QString());

    if (const auto use = fields.object(QStringLiteral("use"), Need::Optional)) {
        event.kind = WorldEvent::Kind::Use;
        JsonFields useFields(*use, fields, QStringLiteral("use"), m_problems);
        const DataAndVoice amounts = readDataAndVoice(useFields);
        event.data = amounts.data;
        event.voice = amounts.voice;
        if (!useFields.has(QStringLiteral("data")) && !useFields.has(QStringLiteral("voice")))
            useFields.add(useFields.path(), ScenarioReader::tr("needs an amount of data or voice"));
        useFields.rejectUnknownKeys();
    }
    if (const auto topUp = fields.object(QStringLiteral("topup"), Need::Optional)) {
        event.kind = WorldEvent::Kind::TopUp;
        JsonFields topUpFields(*topUp, fields, QStringLiteral("topup"), m_problems);
        event.package =
            topUpFields.reference(QStringLiteral("package"), Need::Required, m_packageIds, m_packageWord).value_or(QString());
        event.method =
            topUpFields.reference(QStringLiteral("method"), Need::Required, m_methodIds, m_methodWord).value_or(QString());
        topUpFields.rejectUnknownKeys();
    }
    if (const auto policy = fields.object(QStringLiteral("policy"), Need::Optional)) {
        event.kind = WorldEvent::Kind::SetPolicy;
        event.policy = std::make_shared<const Policy>(PolicyJson::read(*policy, fields.pathOf(QStringLiteral("policy")), PolicyCatalog{m_methodIds, m_packageIds, m_world.packages}, m_problems));
    }
    if (const auto deposit = fields.parsed(QStringLiteral("deposit"), Need::Optional, JsonFields::parseMoney)) {
        event.kind = WorldEvent::Kind::Deposit;
        event.deposit = *deposit;
        if (deposit->isZero())
            fields.add(fields.pathOf(QStringLiteral("deposit")), ScenarioReader::tr("must be more than zero"));
    }
    if (const auto reasons = fields.array(QStringLiteral("fail_next"), Need::Optional)) {
        event.kind = WorldEvent::Kind::FailNext;
        const QString reasonsPath = fields.pathOf(QStringLiteral("fail_next"));
        if (reasons->isEmpty())
            fields.add(reasonsPath, ScenarioReader::tr("must name at least one reason"));
        for (qsizetype i = 0; i < reasons->size(); ++i) {
            const QJsonValue value = reasons->at(i);
            const auto reason = value.isString() ? parseInjectableReason(value.toString()) : std::nullopt;
            if (reason)
                event.faults.push_back(*reason);
            else if (value.isString())
                fields.add(JsonFields::indexed(reasonsPath, i),
                           ScenarioReader::tr("unknown reason \"%1\" (expected declined, gateway_error or insufficient_funds)")
                               .arg(value.toString().left(32)));
            else
                fields.add(JsonFields::indexed(reasonsPath, i), ScenarioReader::tr("must be a string, not %1").arg(jsonTypeName(value)));
        }
    }
    fields.rejectUnknownKeys();
    if (m_problems.size() == problemsBefore)
        m_world.events.push_back(std::move(event));
}

void ScenarioReader::readGenerate(JsonFields &root, bool rangeKnown)
{
    const auto streams = root.array(QStringLiteral("generate"), Need::Optional);
    if (!streams || !withinLimit(streams->size(), QStringLiteral("generate"), maxListEntries, nullptr))
        return;
    qint64 total = 0;
    for (qsizetype i = 0; i < streams->size(); ++i) {
        const QString path = JsonFields::indexed(QStringLiteral("generate"), i);
        const auto object = element(streams->at(i), path);
        if (!object)
            continue;
        JsonFields fields(*object, path, m_problems);
        UsageStream stream;
        const auto line = fields.reference(QStringLiteral("line"), Need::Required, m_lineIds, m_lineWord);
        const auto profileName = fields.string(QStringLiteral("profile"), Need::Required);
        const auto profile = profileName ? parseUsageProfile(*profileName) : std::nullopt;
        if (profileName && !profile)
            fields.add(fields.pathOf(QStringLiteral("profile")),
                       ScenarioReader::tr("unknown profile \"%1\" (expected light, regular, heavy or traveller)").arg(profileName->left(32)));
        const auto seed = fields.integer(QStringLiteral("seed"), Need::Required, 0, qint64(1) << 53);
        const auto every = fields.parsed(QStringLiteral("every"), Need::Required, JsonFields::parseVoice);
        constexpr qint64 maxEvery = qint64(3660) * 24 * 3600; // ten years
        const QString everyPath = fields.pathOf(QStringLiteral("every"));
        bool everyOk = every && every->seconds() > 0 && every->seconds() <= maxEvery;
        if (every && every->seconds() == 0) {
            const QString text = object->value(QStringLiteral("every")).toString();
            static const QRegularExpression nonZeroDigit(QStringLiteral("[1-9]"));
            if (text.contains(nonZeroDigit))
                fields.add(everyPath, ScenarioReader::tr("\"%1\" rounds to 0 s (durations are whole seconds, half-up): "
                                                         "must be at least 0.5 s")
                                          .arg(text.left(32)));
            else
                fields.add(everyPath, ScenarioReader::tr("must be more than zero"));
        } else if (every && every->seconds() > maxEvery) {
            fields.add(everyPath, ScenarioReader::tr("must be at most ten years"));
        }
        if (everyOk && rangeKnown) {
            // One at start, then every `every` up to and including end.
            const qint64 count = (m_world.end.msecs() - m_world.start.msecs()) / (every->seconds() * 1000) + 1;
            if (count > maxGeneratedPerEntry) {
                fields.add(everyPath, ScenarioReader::tr("makes %1 usage events from start to end, more than the limit of %2 "
                                                         "for one generate entry (make every longer or start..end shorter)")
                                          .arg(count)
                                          .arg(maxGeneratedPerEntry));
                everyOk = false;
            } else {
                total += count;
            }
        }
        fields.rejectUnknownKeys();
        if (line && profile && seed && everyOk) {
            stream.line = *line;
            stream.profile = *profile;
            stream.seed = quint64(*seed);
            stream.everySeconds = every->seconds();
            m_world.streams.push_back(stream);
        }
    }
    if (total > maxGeneratedTotal)
        root.add(root.pathOf(QStringLiteral("generate")),
                 ScenarioReader::tr("the generate entries make %1 usage events in all, more than the limit of %2")
                     .arg(total)
                     .arg(maxGeneratedTotal));
}

} // namespace topup
