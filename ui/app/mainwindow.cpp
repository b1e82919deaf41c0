#include "mainwindow.h"

#include "appsettings.h"
#include "awaysummaries.h"
#include "demoaccess.h"
#include "dialogs/addlinedialog.h"
#include "pages/alertspage.h"
#include "pages/dashboardpage.h"
#include "pages/historypage.h"
#include "pages/linepage.h"
#include "pages/paymentspage.h"
#include "pages/settingspage.h"
#include "pages/signinpage.h"
#include "service/service.h"
#include "traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace topup {

MainWindow::MainWindow(Service &service, AppSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_root = new QStackedWidget(this);
    m_signIn = new SignInPage(service, &settings, m_root);
    m_root->addWidget(m_signIn);
    m_shell = buildShell();
    m_root->addWidget(m_shell);
    setCentralWidget(m_root);
    setMinimumSize(960, 640);
    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(1280, 800);

    connect(m_signIn, &SignInPage::demoRequested, this, &MainWindow::openDemo);
    connect(&m_service, &Service::accountChanged, this, &MainWindow::onAccountChanged);
    // A write waiting for another desktop's move blocks this thread: the
    // wait is shown before it starts (the busy cursor, the service's
    // sentence in the status bar, drawn at once) and taken away after.
    statusBar()->hide();
    connect(&m_service, &Service::waitingForWorld, this, [this](const QString &sentence) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        statusBar()->show();
        statusBar()->showMessage(sentence);
        statusBar()->repaint();
    });
    connect(&m_service, &Service::worldWaitEnded, this, [this] {
        QApplication::restoreOverrideCursor();
        statusBar()->clearMessage();
        statusBar()->hide();
    });
    connect(m_dashboard, &DashboardPage::lineActivated, this, [this](qint64 lineId) {
        m_line->showLine(lineId);
        showPage(Page::Line);
    });
    connect(m_dashboard, &DashboardPage::addLineRequested, this, &MainWindow::openAddLineDialog);
    connect(m_line, &LinePage::addLineRequested, this, &MainWindow::openAddLineDialog);
    connect(m_line, &LinePage::lineChanged, this, &MainWindow::updateLineActions);
    buildMenus();
    connect(m_alerts, &AlertsPage::unreadCountChanged, this, [this](int count) {
        m_unread = count;
        retranslateUi();
    });
    // After the pages: Alerts starts afresh for each account before it is told.
    m_away = new AwaySummaries(m_service, this);
    connect(m_away, &AwaySummaries::summaryForAlerts, m_alerts, &AlertsPage::addAwaySummary);
    m_tray = new TrayNotifier(m_service, this);
    connect(m_tray, &TrayNotifier::alertsClicked, this, [this] { showPage(Page::Alerts); });
    retranslateUi();
    onAccountChanged();
}

void MainWindow::refreshUnread()
{
    // The Alerts page's own count, so the two always agree.
    m_unread = m_service.account() ? m_alerts->unreadCount() : 0;
    retranslateUi();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::buildShell()
{
    auto *shell = new QWidget(m_root);
    auto *side = new QWidget(shell);
    side->setObjectName(QStringLiteral("sideBar"));
    side->setFixedWidth(210);
    side->setAutoFillBackground(true);
    side->setBackgroundRole(QPalette::Base);
    m_navigation = new QListWidget(side);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_navigation->setFont(navFont);
    for (int i = 0; i < pageCount; ++i)
        m_navigation->addItem(new QListWidgetItem(m_navigation));
    m_accountLabel = new QLabel(side);
    m_accountLabel->setObjectName(QStringLiteral("accountLabel"));
    m_accountLabel->setWordWrap(true);
    m_signOut = new QPushButton(side);
    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 12, 8, 12);
    sideLayout->addWidget(m_navigation, 1);
    sideLayout->addWidget(m_accountLabel);
    sideLayout->addWidget(m_signOut);

    m_pages = new QStackedWidget(shell);
    m_dashboard = new DashboardPage(m_service, m_settings, m_pages);
    m_line = new LinePage(m_service, m_pages);
    m_payments = new PaymentsPage(m_service, m_pages);
    m_history = new HistoryPage(m_service, m_pages);
    m_alerts = new AlertsPage(m_service, m_pages);
    m_settingsPage = new SettingsPage(m_service, m_settings, m_pages);
    for (QWidget *page : {static_cast<QWidget *>(m_dashboard), static_cast<QWidget *>(m_line),
                          static_cast<QWidget *>(m_payments), static_cast<QWidget *>(m_history),
                          static_cast<QWidget *>(m_alerts), static_cast<QWidget *>(m_settingsPage)})
        m_pages->addWidget(page);

    // The pages that show data amounts follow the unit chosen in Settings.
    const auto applyUnits = [this] {
        m_line->setDataUnits(m_settings.dataUnits());
        m_history->setDataUnits(m_settings.dataUnits());
    };
    applyUnits();
    connect(&m_settings, &AppSettings::changed, this, [applyUnits](AppSettings::Key key) {
        if (key == AppSettings::Key::DataUnits)
            applyUnits();
    });

    auto *layout = new QHBoxLayout(shell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(side);
    layout->addWidget(m_pages, 1);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row == m_pages->currentIndex())
            return;
        // Leaving unsaved rules asks first; staying puts the side bar back.
        if (!m_line->confirmLeave()) {
            const QSignalBlocker quiet(m_navigation);
            m_navigation->setCurrentRow(m_pages->currentIndex());
            return;
        }
        m_pages->setCurrentIndex(row);
        m_settings.setLastPage(row);
    });
    connect(m_signOut, &QPushButton::clicked, this, &MainWindow::signOut);
    for (int i = 0; i < pageCount; ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        shortcut->setObjectName(QStringLiteral("pageShortcut%1").arg(i + 1));
        connect(shortcut, &QShortcut::activated, this, [this, i] {
            if (isSignedInView())
                showPage(Page(i));
        });
    }
    return shell;
}

bool MainWindow::showPage(Page page)
{
    if (int(page) != m_pages->currentIndex() && !m_line->confirmLeave())
        return false;
    {
        const QSignalBlocker quiet(m_navigation);
        m_navigation->setCurrentRow(int(page));
    }
    m_pages->setCurrentIndex(int(page));
    m_settings.setLastPage(int(page));
    return true;
}

void MainWindow::setAwaySummary(const CatchUpSummary &summary)
{
    m_away->setCaughtUp(summary);
}

bool MainWindow::signOut()
{
    if (!m_line->confirmLeave())
        return false;
    m_service.signOut();
    return true;
}

void MainWindow::buildMenus()
{
    m_accountMenu = menuBar()->addMenu(QString());
    m_signOutAction = m_accountMenu->addAction(QString(), this, &MainWindow::signOut);
    m_accountMenu->addSeparator();
    m_quitAction = m_accountMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_linesMenu = menuBar()->addMenu(QString());
    m_addLineAction = m_linesMenu->addAction(QString(), this, &MainWindow::openAddLineDialog);
    m_addLineAction->setObjectName(QStringLiteral("addLineAction"));
    m_addLineAction->setShortcut(QKeySequence::New);
    m_renameLineAction = m_linesMenu->addAction(QString(), this, [this] {
        if (showPage(Page::Line))
            m_line->renameLine();
    });
    m_renameLineAction->setShortcut(Qt::Key_F2);
    m_removeLineAction = m_linesMenu->addAction(QString(), this, [this] {
        if (showPage(Page::Line))
            m_line->removeLine();
    });
    // The shortcuts work wherever the focus is in the window.
    for (QAction *action : {m_quitAction, m_addLineAction, m_renameLineAction})
        addAction(action);
    updateLineActions();
}

void MainWindow::updateLineActions()
{
    const bool signedIn = m_service.account().has_value();
    m_addLineAction->setEnabled(signedIn);
    m_renameLineAction->setEnabled(signedIn && m_line->lineId() != 0);
    m_removeLineAction->setEnabled(signedIn && m_line->lineId() != 0);
    m_signOutAction->setEnabled(signedIn);
}

AddLineDialog *MainWindow::openAddLineDialog()
{
    if (!m_service.account())
        return nullptr;
    auto *dialog = new AddLineDialog(m_service, m_settings.dataUnits(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddLineDialog::lineBought, this, [this](qint64 lineId) {
        // The next step of the journey: the new line's rules.
        if (!showPage(Page::Line))
            return;
        m_line->showLine(lineId);
        m_line->showRulesTab();
    });
    dialog->open();
    return dialog;
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

bool MainWindow::isSignedInView() const
{
    return m_root->currentWidget() == m_shell;
}

void MainWindow::onAccountChanged()
{
    const bool signedIn = m_service.account().has_value();
    m_root->setCurrentWidget(signedIn ? m_shell : static_cast<QWidget *>(m_signIn));
    menuBar()->setVisible(signedIn);
    if (signedIn) {
        const int last = m_settings.lastPage();
        showPage(last >= 0 && last < pageCount ? Page(last) : Page::Dashboard);
        m_navigation->setFocus();
    } else {
        m_signIn->setSignUpMode(false); // whoever comes next signs in
    }
    updateLineActions();
    refreshUnread();
}

void MainWindow::openDemo()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Expected<void> opened = DemoAccess::open(m_service);
    QApplication::restoreOverrideCursor();
    if (!opened)
        m_signIn->showMessage(opened.sentences());
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isSignedInView() && !m_line->confirmLeave()) {
        event->ignore();
        return;
    }
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("TopUp Dashboard"));
    const QStringList names{tr("Dashboard"), tr("Line && auto top-up"), tr("Payment methods"), tr("History"),
                            m_unread > 0 ? tr("Alerts (%1)").arg(m_unread) : tr("Alerts"), tr("Settings")};
    for (int i = 0; i < pageCount && i < names.size(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        QString text = names.at(i);
        text.replace(QLatin1String("&&"), QLatin1String("&"));
        item->setText(text);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(text).arg(i + 1));
        item->setData(Qt::AccessibleTextRole, text);
    }
    m_navigation->setAccessibleName(tr("Pages"));
    m_signOut->setText(tr("Sign out"));
    m_accountMenu->setTitle(tr("&Account"));
    m_signOutAction->setText(tr("Sign &out"));
    m_quitAction->setText(tr("&Quit"));
    m_linesMenu->setTitle(tr("&Lines"));
    m_addLineAction->setText(tr("&Add eSIM line…"));
    m_renameLineAction->setText(tr("&Rename line…"));
    m_removeLineAction->setText(tr("Re&move line…"));
    m_signOut->setAccessibleName(tr("Sign out"));
    m_accountLabel->setText(m_service.account() ? tr("Signed in as\n%1").arg(m_service.account()->login) : QString());
}

} // namespace topup
