#include "timezonebox.h"

#include "domain/timezonename.h"

#include <QCompleter>
#include <QTimeZone>

namespace topup {

TimeZoneBox::TimeZoneBox(QWidget *parent) : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        addItem(QString::fromUtf8(id));
    // Qt leaves some zones of the tz database out of its list (Etc/UTC, the
    // system's zone on many machines): the system's own is always offered.
    if (const QString system = systemZone(); findText(system) < 0 && TimeZoneName::isKnown(system.toUtf8()))
        addItem(system);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
}

QString TimeZoneBox::systemZone()
{
    const QByteArray zone = QTimeZone::systemTimeZoneId();
    return zone.isEmpty() ? QStringLiteral("UTC") : QString::fromUtf8(zone);
}

} // namespace topup
