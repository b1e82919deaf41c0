#pragma once

#include "app/appsettings.h"

#include <QDate>
#include <QWidget>

#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QPushButton;

namespace topup {

class LineCard;
class Service;
class UsageChart;

// The overview: a card per line, this month's spend against the account
// cap, the usage of the last 30 days, and the latest alerts.
class DashboardPage final : public QWidget
{
    Q_OBJECT

public:
    DashboardPage(Service &service, AppSettings &settings, QWidget *parent = nullptr);

    int cardCount() const { return int(m_cards.size()); }
    UsageChart *chart() const noexcept { return m_chart; }

signals:
    void lineActivated(qint64 lineId);
    // The empty state's "Add eSIM line…".
    void addLineRequested();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void refreshChart();
    void refreshAlerts();
    void scheduleRefresh();

    Service &m_service;
    AppSettings &m_settings;
    bool m_dirty = true;
    QDate m_today; // the world's local date at the last refresh
    QLabel *m_title = nullptr;
    QLabel *m_clock = nullptr;
    QGridLayout *m_cardGrid = nullptr;
    std::vector<LineCard *> m_cards;
    QWidget *m_noLines = nullptr;
    QLabel *m_noLinesText = nullptr;
    QPushButton *m_addLine = nullptr;
    QLabel *m_spendTitle = nullptr;
    QLabel *m_spend = nullptr;
    QLabel *m_chartTitle = nullptr;
    QComboBox *m_chartLine = nullptr;
    UsageChart *m_chart = nullptr;
    QLabel *m_alertsTitle = nullptr;
    QListWidget *m_alerts = nullptr;
};

} // namespace topup
