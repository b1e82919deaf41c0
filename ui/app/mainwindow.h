#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace topup {

class AddLineDialog;
class AlertsPage;
class AwaySummaries;
struct CatchUpSummary;
class AppSettings;
class DashboardPage;
class HistoryPage;
class LinePage;
class PaymentsPage;
class Service;
class SettingsPage;
class SignInPage;
class TrayNotifier;

// The window: the sign-in page until someone signs in, then a side bar
// (keyboard reachable, Ctrl+1…6) and the pages in a stack.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page { Dashboard, Line, Payments, History, Alerts, Settings };
    static constexpr int pageCount = 6;

    MainWindow(Service &service, AppSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows a page; leaving unsaved rules asks first (false: the user stayed).
    bool showPage(Page page);
    Page currentPage() const;
    bool isSignedInView() const;

    QListWidget *navigation() const noexcept { return m_navigation; }
    SignInPage *signInPage() const noexcept { return m_signIn; }
    DashboardPage *dashboardPage() const noexcept { return m_dashboard; }
    LinePage *linePage() const noexcept { return m_line; }
    PaymentsPage *paymentsPage() const noexcept { return m_payments; }
    HistoryPage *historyPage() const noexcept { return m_history; }
    AlertsPage *alertsPage() const noexcept { return m_alerts; }
    SettingsPage *settingsPage() const noexcept { return m_settingsPage; }
    TrayNotifier *trayNotifier() const noexcept { return m_tray; }
    QAction *addLineAction() const noexcept { return m_addLineAction; }

    // Opens the "Add an eSIM line" dialog (window-modal, deleted on close);
    // a line bought there is shown on the line page.
    AddLineDialog *openAddLineDialog();
    // Signs out, after unsaved rules were saved or discarded; false: the user stayed.
    bool signOut();
    // The catch-up made when the app opened: each account's part of it is
    // told when that account signs in ("While you were away").
    void setAwaySummary(const CatchUpSummary &summary);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslateUi();
    void onAccountChanged();
    void refreshUnread();
    void openDemo();
    QWidget *buildShell();
    void buildMenus();
    void updateLineActions();

    Service &m_service;
    AppSettings &m_settings;
    QStackedWidget *m_root = nullptr;
    SignInPage *m_signIn = nullptr;
    QWidget *m_shell = nullptr;
    QListWidget *m_navigation = nullptr;
    QLabel *m_accountLabel = nullptr;
    QPushButton *m_signOut = nullptr;
    QStackedWidget *m_pages = nullptr;
    DashboardPage *m_dashboard = nullptr;
    LinePage *m_line = nullptr;
    PaymentsPage *m_payments = nullptr;
    HistoryPage *m_history = nullptr;
    AlertsPage *m_alerts = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    TrayNotifier *m_tray = nullptr;
    AwaySummaries *m_away = nullptr;
    QMenu *m_accountMenu = nullptr;
    QMenu *m_linesMenu = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_addLineAction = nullptr;
    QAction *m_renameLineAction = nullptr;
    QAction *m_removeLineAction = nullptr;
    int m_unread = 0;
};

} // namespace topup
