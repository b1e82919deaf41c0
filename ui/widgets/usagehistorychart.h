#pragma once

#include <QTimer>
#include <QWidget>

#include <vector>

#include "app/appsettings.h"

class QComboBox;
class QLabel;
class QTableView;

namespace topup {

class Service;
class UsageChart;
class UsageModel;
struct UsagePoint;

// Data and voice used per hour, day, week or month (Qt Charts), for one
// line or all of them, read from the service's roll-ups; the whole series
// is handed over with replace(), and the colours follow the theme.
class UsageHistoryChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageHistoryChart)

public:
    enum class Granularity { Hour, Day, Week, Month };

    explicit UsageHistoryChart(Service &service, QWidget *parent = nullptr);

    void setLineId(qint64 lineId); // 0: every line
    void setGranularity(Granularity granularity);
    void setDataUnits(DataUnits units);
    int pointCount() const;
    UsageChart *chart() const { return m_chart; }
    UsageModel *table() const { return m_table; }

public slots:
    void reload();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    // Reloads after the burst of signals, or when next shown if hidden.
    void reloadSoon();
    void fitTableWidth();
    // Per bucket start (local wall time as ms): data bytes and voice seconds.
    std::vector<std::pair<qint64, std::pair<qint64, qint64>>> buckets() const;

    Service &m_service;
    qint64 m_lineId = 0;
    Granularity m_granularity = Granularity::Day;
    QLabel *m_title;
    QComboBox *m_step;
    UsageChart *m_chart;
    UsageModel *m_table;
    QTableView *m_tableView;
    QTimer m_reloadLater;
    bool m_stale = false; // something it shows changed while it was hidden
};

} // namespace topup
