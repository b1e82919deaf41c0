#include "timezonename.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace topup {
namespace {

// The names of the system's tz database: tzdata.zi lists every zone ("Z
// name …") and link ("L target name"). Where it is missing, Qt's list of
// zone.tab names, without the fixed offsets Qt adds to it.
QSet<QByteArray> loadNames()
{
    QSet<QByteArray> names;
    QByteArrayList folders;
    if (const QByteArray dir = qgetenv("TZDIR"); !dir.isEmpty())
        folders << dir;
    folders << QByteArrayLiteral("/usr/share/zoneinfo") << QByteArrayLiteral("/usr/lib/zoneinfo");
    for (const QByteArray &folder : std::as_const(folders)) {
        QFile file(QString::fromLocal8Bit(folder + "/tzdata.zi"));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        while (!file.atEnd()) {
            const QList<QByteArray> fields = file.readLine().simplified().split(' ');
            if (fields.size() >= 2 && fields[0] == "Z")
                names.insert(fields[1]);
            else if (fields.size() >= 3 && fields[0] == "L")
                names.insert(fields[2]);
        }
        if (!names.isEmpty())
            return names;
    }
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        if (!id.startsWith("UTC+") && !id.startsWith("UTC-"))
            names.insert(id);
    }
    names.insert(QByteArrayLiteral("UTC"));
    return names;
}

} // namespace

bool TimeZoneName::isKnown(const QByteArray &name)
{
    static const QSet<QByteArray> names = loadNames();
    return names.contains(name) && QTimeZone(name).isValid();
}

Expected<QTimeZone> TimeZoneName::parse(QStringView name)
{
    const QByteArray id = name.toUtf8();
    if (isKnown(id))
        return QTimeZone(id);
    static const QRegularExpression offset(QStringLiteral("^(UTC|GMT)?\\s*[+\\-]\\d"));
    if (offset.match(name).hasMatch())
        return Expected<QTimeZone>::failure(
            TimeZoneName::tr("\"%1\" is a UTC offset, not a time zone: use the IANA name of a place, such as Asia/Karachi")
                .arg(name.left(64)),
            TimeZoneName::tr("\"%1\" is a UTC offset, not a time zone: use the IANA name of a place, such as Asia/Karachi.")
                .arg(name.left(64)));
    return Expected<QTimeZone>::failure(
        TimeZoneName::tr("unknown time zone \"%1\" (expected an IANA name such as Europe/Paris)").arg(name.left(64)),
        TimeZoneName::tr("Unknown time zone \"%1\" (expected an IANA name such as Europe/Paris).").arg(name.left(64)));
}

} // namespace topup
