#pragma once

#include "models/deferredreload.h"
#include "app/appsettings.h"
#include "domain/historyrows.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimeZone>

#include <vector>

namespace topup {

class Service;

// Top-up attempts, newest first, for the history page and a line's test
// tab. Fetches a page at a time as the view scrolls (the page after the
// last row it holds, by key), and reloads what it has when the service says
// something it shows changed: the world moved, new attempts or a new name
// of a line it lists, a method removed.
class AttemptModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttemptModel)

public:
    enum Column { Time, Line, Trigger, Attempt, Method, Package, Amount, Status, Reason, ColumnCount };
    // The raw value behind a cell (ms since epoch, line id, status name, cents...), for sorting and filtering.
    static constexpr int RawRole = Qt::UserRole + 1;

    // lineId 0: every line of the account.
    explicit AttemptModel(Service &service, qint64 lineId = 0, int pageSize = 500, QObject *parent = nullptr);

    void setLineId(qint64 lineId);
    // Lists only the attempts `filter` lets through (the store filters: a
    // page holds shown rows only); the first page again when it changed.
    void setFilter(const AttemptFilter &filter);
    const AttemptFilter &filter() const noexcept { return m_filter; }
    // Stops fetching more as the view scrolls (a short "latest" list).
    void setFetchesMore(bool enabled) { m_fetchesMore = enabled; }
    const std::vector<AttemptRow> &rows() const noexcept { return m_rows; }
    // A cell's text as the table shows it, for a row held or not (the CSV export streams rows past the model).
    QString text(const AttemptRow &row, int column) const { return display(row, column).toString(); }
    QString error() const { return m_error; }
    // GB or GiB in the packages' names.
    void setDataUnits(DataUnits units);
    // While not live (its page hidden), a change only marks the rows stale;
    // made live again, it reloads them once if so, instead of a query per
    // change (a playing clock changes the world five times a second).
    void setLive(bool live);
    bool isStale() const noexcept { return m_reload.isStale(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

public slots:
    void reload();

private:
    void loadMethodLabels();
    QVariant display(const AttemptRow &row, int column) const;
    QVariant raw(const AttemptRow &row, int column) const;

    Service &m_service;
    AttemptFilter m_filter;
    int m_pageSize;
    bool m_exhausted = false; // the last page came back short: nothing older
    bool m_fetchesMore = true;
    std::vector<AttemptRow> m_rows;
    QHash<qint64, QString> m_methodLabels;
    QTimeZone m_zone;
    QString m_currency;
    QString m_error;
    DeferredReload m_reload{[this] { reload(); }};
    DataUnits m_units = DataUnits::Decimal;
};

} // namespace topup
