#include "startupprofile.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QWidget>

#include <unistd.h>

namespace topup {

StartupProfile::StartupProfile(QWidget *widget)
    : m_widget(widget)
{
    // Paint events go to the visible descendants, not to a covered parent.
    QCoreApplication::instance()->installEventFilter(this);
}

bool StartupProfile::eventFilter(QObject *watched, QEvent *event)
{
    auto *painted = qobject_cast<QWidget *>(watched);
    if (event->type() == QEvent::Paint && !m_painted && painted && (painted == m_widget || m_widget->isAncestorOf(painted))) {
        m_painted = true;
        m_paintMs = msSinceProcessStart();
        m_resident = residentBytes();
    }
    return QObject::eventFilter(watched, event);
}

qint64 StartupProfile::msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    // Field 22 (start time in clock ticks after boot) follows the command
    // name in parentheses, which may itself hold spaces.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startSeconds = fields.at(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    const double upSeconds = uptime.readAll().split(' ').value(0).toDouble();
    return qint64((upSeconds - startSeconds) * 1000.0);
}

qint64 StartupProfile::residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return -1;
    return fields.at(1).toLongLong() * qint64(sysconf(_SC_PAGESIZE));
}

QString StartupProfile::report() const
{
    return QStringLiteral("first paint %1 ms, %2 MB resident").arg(m_paintMs).arg(m_resident / (1024 * 1024));
}

} // namespace topup
