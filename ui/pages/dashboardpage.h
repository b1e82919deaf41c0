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
class LineTablePanel;
class Service;
class UsageChart;

// The overview: a card per line — or, past MostLinesAsCards lines, a table
// of the lines with the selected line's card (LineTablePanel) — this
// month's spend against the account cap, the usage of the last 30 days,
// and the latest alerts. All of it from one Service::outlook() a refresh.
class DashboardPage final : public QWidget
{
    Q_OBJECT

public:
    // Up to this many lines, a card each (three to a row: eight rows of
    // cards); past it, the table: a card per line does not scale to a fleet
    // (each holds a dozen widgets), and a table can be sorted and filtered.
    static constexpr int MostLinesAsCards = 24;

    DashboardPage(Service &service, AppSettings &settings, QWidget *parent = nullptr);

    int cardCount() const { return int(m_cards.size()); }
    UsageChart *chart() const noexcept { return m_chart; }
    LineTablePanel *lineTable() const noexcept { return m_lineTable; }
    bool showsTable() const;
    // Tests and the screenshot tour: the table past `lines` lines instead.
    void setMostLinesAsCards(int lines);

signals:
    void lineActivated(qint64 lineId);
    // The empty state's "Add eSIM line…".
    void addLineRequested();
    // The page has read the service again (what it shows changed, and it
    // is shown): tests wait for it, and count it.
    void refreshed();

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
    LineTablePanel *m_lineTable = nullptr;
    int m_mostLinesAsCards = MostLinesAsCards;
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
