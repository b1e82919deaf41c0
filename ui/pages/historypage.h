#pragma once

#include "domain/expected.h"

#include "app/appsettings.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace topup {

class AttemptFilterModel;
class AttemptModel;
class ErrorLabel;
class Service;
class UsageHistoryChart;

// What happened: usage as a chart, and every top-up attempt in a sortable
// table filtered by line, status and local date range, with the failed and
// blocked ones marked; exported as CSV (RFC 4180).
class HistoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    // `pageSize`: how many attempts are fetched at a time as the table scrolls.
    explicit HistoryPage(Service &service, QWidget *parent = nullptr, int pageSize = 500);

    // Writes the rows the filters let through, every page of them, to
    // `path`, newest first, streamed from the store; how many it wrote.
    [[nodiscard]] Expected<int> exportCsv(const QString &path);

    AttemptModel *attempts() const { return m_model; }
    AttemptFilterModel *filtered() const { return m_filter; }
    QTableView *table() const { return m_table; }
    UsageHistoryChart *chart() const { return m_chart; }
    // GB or GiB, as the user chose in Settings.
    void setDataUnits(DataUnits units);

protected:
    void changeEvent(QEvent *event) override;
    // Hidden, the page's rows only go stale; shown, they are read again once if so.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslateUi();
    void fillLines();
    void applyFilters();
    void updateCount();
    void resetDates();
    void chooseExportFile();

    Service &m_service;
    qint64 m_chartLine = 0;
    AttemptModel *m_model;
    AttemptFilterModel *m_filter;
    QLabel *m_title;
    QLabel *m_lineLabel;
    QComboBox *m_line;
    QLabel *m_statusLabel;
    QComboBox *m_status;
    QLabel *m_fromLabel;
    QDateEdit *m_from;
    QLabel *m_toLabel;
    QDateEdit *m_to;
    QPushButton *m_export;
    UsageHistoryChart *m_chart;
    QLabel *m_attemptsTitle;
    QLabel *m_count;
    QTableView *m_table;
    ErrorLabel *m_error;
};

} // namespace topup
