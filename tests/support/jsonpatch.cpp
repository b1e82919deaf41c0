#include "jsonpatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

namespace topup::test {
namespace {

QJsonValue setIn(const QJsonValue &node, const QStringList &steps, int at, const QJsonValue &value)
{
    static const QRegularExpression indexed(QStringLiteral("^(.*)\\[(\\d+)\\]$"));
    QString step = steps[at];
    const QRegularExpressionMatch match = indexed.match(step);
    const bool last = at == steps.size() - 1;
    QJsonObject object = node.toObject();
    if (!match.hasMatch()) {
        if (last) {
            if (value.isUndefined())
                object.remove(step);
            else
                object.insert(step, value);
        } else {
            object.insert(step, setIn(object.value(step), steps, at + 1, value));
        }
        return object;
    }
    const QString key = match.captured(1);
    const int index = match.captured(2).toInt();
    QJsonArray array = object.value(key).toArray();
    while (array.size() <= index)
        array.append(QJsonObject());
    if (last)
        array[index] = value;
    else
        array[index] = setIn(array[index], steps, at + 1, value);
    object.insert(key, array);
    return object;
}

} // namespace

QJsonObject withValue(const QJsonObject &root, const QString &path, const QJsonValue &value)
{
    return setIn(root, path.split(QLatin1Char('.')), 0, value).toObject();
}

QJsonObject baseScenario()
{
    const char *text = R"({
      "format": "topup-scenario/1", "timezone": "Europe/Paris", "currency": "EUR",
      "start": "2027-04-01T00:00:00Z", "end": "2027-04-30T00:00:00Z",
      "packages": [ { "id": "2GB", "data": "2GB", "voice": "0s", "price": "8.00" },
                    { "id": "500MB", "data": "500MB", "price": "2.50" } ],
      "methods": [ { "id": "mc", "kind": "credit_card", "funds": "200.00", "expires": "2031-06" },
                   { "id": "pp", "kind": "paypal", "funds": "30.00" } ],
      "lines": [ { "id": "phone", "data": "3GB",
                   "policy": { "enabled": true,
                               "threshold": { "resource": "data", "below": "1GB", "package": "2GB" },
                               "method": "mc" } } ],
      "events": []
    })";
    return QJsonDocument::fromJson(text).object();
}

QJsonObject withEvents(QJsonObject scenario, const QJsonArray &events)
{
    scenario.insert(QStringLiteral("events"), events);
    return scenario;
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject object(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    const bool isObject = error.error == QJsonParseError::NoError && document.isObject();
    const QString why = error.error != QJsonParseError::NoError
                            ? QStringLiteral("%1 at offset %2 of %3").arg(error.errorString()).arg(error.offset).arg(QString::fromUtf8(json))
                            : QStringLiteral("not an object: %1").arg(QString::fromUtf8(json));
    if (!QTest::qVerify(isObject, "object(json)", qPrintable(why), __FILE__, __LINE__))
        return {};
    return document.object();
}

} // namespace topup::test
