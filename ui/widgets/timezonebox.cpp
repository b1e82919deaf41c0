#include "timezonebox.h"

#include <QCompleter>
#include <QTimeZone>

namespace topup {

TimeZoneBox::TimeZoneBox(QWidget *parent) : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        addItem(QString::fromUtf8(id));
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
