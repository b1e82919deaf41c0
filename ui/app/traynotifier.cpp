#include "traynotifier.h"

#include "text/wording.h"
#include "service/service.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

#include <algorithm>

namespace topup {

TrayNotifier::TrayNotifier(Service &service, QWidget *window)
    : QObject(window)
    , m_service(service)
    , m_window(window)
{
    (void)takeNewAlerts(); // what exists at start is not news
    connect(&m_service, &Service::accountChanged, this, [this] {
        m_lastSeenId = -1;
        (void)takeNewAlerts();
    });
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(QApplication::applicationDisplayName());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::alertsClicked);
    connect(&m_service, &Service::worldAdvanced, this, &TrayNotifier::notify);
    connect(&m_service, &Service::alertsAdded, this, &TrayNotifier::notify);
    m_tray->show();
}

QStringList TrayNotifier::takeNewAlerts()
{
    QStringList fresh;
    if (!m_service.account())
        return fresh;
    const Expected<std::vector<AlertRow>> alerts = m_service.alerts(true);
    if (!alerts)
        return fresh;
    const AlertContext context = AlertContext::of(m_service);
    qint64 newest = m_lastSeenId;
    for (const AlertRow &alert : *alerts) {
        if (m_lastSeenId >= 0 && alert.id > m_lastSeenId)
            fresh << Wording::headline(alert, context);
        newest = std::max(newest, alert.id);
    }
    m_lastSeenId = std::max<qint64>(newest, 0);
    return fresh;
}

void TrayNotifier::notify()
{
    const QStringList fresh = takeNewAlerts();
    if (fresh.isEmpty() || !m_tray)
        return;
    m_tray->showMessage(fresh.size() == 1 ? tr("New alert") : tr("%n new alert(s)", nullptr, int(fresh.size())),
                        fresh.mid(0, 3).join(QLatin1Char('\n')), QSystemTrayIcon::Warning);
}

} // namespace topup
