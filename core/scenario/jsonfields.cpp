#include "jsonfields.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace topup {
namespace {

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(std::size_t(b.size()) + 1);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[std::size_t(j)];
            row[std::size_t(j)] = std::min({above + 1, row[std::size_t(j - 1)] + 1,
                                            diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row.back();
}

} // namespace

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return JsonFields::tr("a boolean");
    case QJsonValue::Double:
        return JsonFields::tr("a number");
    case QJsonValue::String:
        return JsonFields::tr("a string");
    case QJsonValue::Array:
        return JsonFields::tr("an array");
    case QJsonValue::Object:
        return JsonFields::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return JsonFields::tr("nothing");
}

JsonFields::JsonFields(const QJsonObject &object, QString path, Problems &problems)
    : m_object(object), m_path(std::move(path)), m_problems(problems)
{
}

JsonFields::JsonFields(const QJsonObject &object, const JsonFields &parent, const QString &key, Problems &problems)
    : m_object(object), m_pathBuilt(false), m_parent(&parent), m_key(key), m_problems(problems)
{
}

JsonFields::JsonFields(const QJsonObject &object, const QString &arrayPath, qsizetype index, Problems &problems)
    : m_object(object), m_pathBuilt(false), m_key(arrayPath), m_index(index), m_problems(problems)
{
}

const QString &JsonFields::path() const
{
    if (!m_pathBuilt) {
        m_path = m_parent ? m_parent->pathOf(m_key) : QStringLiteral("%1[%2]").arg(m_key).arg(m_index);
        m_pathBuilt = true;
    }
    return m_path;
}

QString JsonFields::pathOf(const QString &key) const
{
    const QString &base = path();
    return base.isEmpty() ? key : base + QLatin1Char('.') + key;
}

void JsonFields::add(const QString &where, const QString &message) const
{
    m_problems.push_back(Problem{where, message});
}

QJsonValue JsonFields::take(const QString &key, Need need)
{
    m_known.append(key);
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        if (need == Need::Required)
            add(pathOf(key), JsonFields::tr("missing (required)"));
        return QJsonValue(QJsonValue::Undefined);
    }
    return it.value();
}

std::optional<QString> JsonFields::string(const QString &key, Need need)
{
    const QJsonValue value = take(key, need);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isString()) {
        add(pathOf(key), JsonFields::tr("must be a string, not %1").arg(jsonTypeName(value)));
        return std::nullopt;
    }
    return value.toString();
}

std::optional<bool> JsonFields::boolean(const QString &key, Need need)
{
    const QJsonValue value = take(key, need);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isBool()) {
        add(pathOf(key), JsonFields::tr("must be true or false, not %1").arg(jsonTypeName(value)));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<qint64> JsonFields::integer(const QString &key, Need need, qint64 min, qint64 max)
{
    const QJsonValue value = take(key, need);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isDouble()) {
        add(pathOf(key), JsonFields::tr("must be a whole number, not %1").arg(jsonTypeName(value)));
        return std::nullopt;
    }
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::floor(number) != number) {
        add(pathOf(key), JsonFields::tr("must be a whole number (got %1)").arg(number));
        return std::nullopt;
    }
    if (number < double(min) && max >= (qint64(1) << 53)) {
        add(pathOf(key), JsonFields::tr("must be at least %1 (got %2)").arg(min).arg(number, 0, 'g', 17));
        return std::nullopt;
    }
    if (number < double(min) || number > double(max)) {
        add(pathOf(key), JsonFields::tr("must be between %1 and %2 (got %3)").arg(min).arg(max).arg(number, 0, 'g', 17));
        return std::nullopt;
    }
    return value.toInteger();
}

std::optional<QJsonArray> JsonFields::array(const QString &key, Need need)
{
    const QJsonValue value = take(key, need);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isArray()) {
        add(pathOf(key), JsonFields::tr("must be an array, not %1").arg(jsonTypeName(value)));
        return std::nullopt;
    }
    return value.toArray();
}

std::optional<QJsonObject> JsonFields::object(const QString &key, Need need)
{
    const QJsonValue value = take(key, need);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isObject()) {
        add(pathOf(key), JsonFields::tr("must be an object, not %1").arg(jsonTypeName(value)));
        return std::nullopt;
    }
    return value.toObject();
}

std::optional<QString> JsonFields::reference(const QString &key, Need need, const KnownIds &known, const QString &what)
{
    const std::optional<QString> id = string(key, need);
    if (!id || !known.complete)
        return id;
    const auto found = known.paths.constFind(*id);
    if (found == known.paths.constEnd()) {
        add(pathOf(key), JsonFields::tr("unknown %1 \"%2\"").arg(what, id->left(64)));
        return std::nullopt;
    }
    return found.key(); // the id's one copy, shared by every reference to it
}

void JsonFields::rejectUnknownKeys()
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        const QString key = it.key();
        if (m_known.contains(key))
            continue;
        QString closest;
        int best = 3;
        for (const QString &known : std::as_const(m_known)) {
            const int distance = editDistance(key, known);
            if (distance < best) {
                best = distance;
                closest = known;
            }
        }
        if (closest.isEmpty())
            add(pathOf(key), JsonFields::tr("unknown key"));
        else
            add(pathOf(key), JsonFields::tr("unknown key (did you mean \"%1\"?)").arg(closest));
    }
}

QString JsonFields::indexed(const QString &path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

} // namespace topup
