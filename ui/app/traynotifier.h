#pragma once

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace topup {

class Service;

// A system tray icon, when the desktop has a tray, that shows new alerts
// as notifications and brings the window back when clicked. Without a
// tray (e.g. the offscreen platform) it does nothing.
class TrayNotifier final : public QObject
{
    Q_OBJECT

public:
    TrayNotifier(Service &service, QWidget *window);

    bool isActive() const noexcept { return m_tray != nullptr; }
    // The alerts newer than the last one seen, in words; marks them seen.
    QStringList takeNewAlerts();

signals:
    void alertsClicked();

private:
    void notify();

    Service &m_service;
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_lastSeenId = -1;
};

} // namespace topup
