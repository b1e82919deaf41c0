#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace topup::test {

// Returns `root` with the value at `path` (e.g. `lines[0].policy.monthly.day`)
// set to `value`, creating objects on the way; an undefined value removes the key.
QJsonObject withValue(const QJsonObject &root, const QString &path, const QJsonValue &value);

// A small valid scenario most tests start from: Europe/Paris, EUR, one card
// `mc`, one wallet `pp`, packages `2GB` (8.00) and `500MB` (2.50), a line
// `phone` (3GB) with a data threshold below 1GB buying 2GB through `mc`.
QJsonObject baseScenario();

// `scenario` with its `events` replaced by `events`.
QJsonObject withEvents(QJsonObject scenario, const QJsonArray &events);

QByteArray toJson(const QJsonObject &object);

// The object written in `json`; malformed text (a typo in a test) fails the
// running test with the parser's message and gives an empty object.
QJsonObject object(const char *json);

} // namespace topup::test
