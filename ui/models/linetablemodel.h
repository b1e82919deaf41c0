#pragma once

#include "app/appsettings.h"
#include "domain/lineoutlook.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVariantList>
#include <QTimeZone>

#include <vector>

namespace topup {

// The lines of an account as rows, for the dashboard of a fleet: what
// Service::outlook() says about each (its state, data and minutes left,
// when data runs out at the recent pace, the next top-up the engine will
// make — when, which, blocked or failing and why — and this month's spend
// against the line's caps), worded and formatted, never worked out again:
// it computes no date, count or rule. Each cell keeps the value it shows
// in RawRole, for sorting; a row's state kind in StateRole, for filtering.
class LineTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineTableModel)

public:
    // The next top-up last: a table keeps its last column whole (ColumnFitter), and its reason matters most.
    enum Column { Name, State, DataLeft, VoiceLeft, RunsOut, Spend, NextTopUp, ColumnCount };
    // The auto top-up state of a line, as the filter offers it.
    enum class StateKind { On, Blocked, Retrying, Suspended, Stopped, Paused, Off };
    static constexpr int StateKindCount = 7;
    static constexpr int RawRole = Qt::UserRole + 1;     // the value behind the cell, for sorting
    static constexpr int LineIdRole = Qt::UserRole + 2;  // the row's line id
    static constexpr int StateRole = Qt::UserRole + 3;   // the row's StateKind, as an int

    // What the words need besides the outlook: the account's zone and
    // currency, and the packages' names by engine id ("P12").
    struct Context final
    {
        QString timezone;
        QString currency;
        QHash<QString, QString> packageNames;
    };

    explicit LineTableModel(QObject *parent = nullptr);

    // The rows of `outlook`, in its order. The same lines as before keep
    // their rows, and only those whose cells show something else say so
    // (dataChanged): a view keeps its selection and sort, and one line's
    // change is one row's. Lines gone are removed, new lines inserted; the
    // model resets only when the lines come in another order.
    void setOutlook(const Outlook &outlook, Context context);
    void setDataUnits(DataUnits units);
    // The language changed: every header and cell is worded again.
    void retranslate();
    const LineOutlook *line(int row) const;
    int rowOf(qint64 lineId) const;

    static StateKind stateKind(const LineOutlook &line);
    static QString stateKindName(StateKind kind); // as the filter lists it

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const LineOutlook &line, int column) const;
    QVariant raw(const LineOutlook &line, int column) const;
    QString stateText(const LineOutlook &line) const;
    QString runsOutText(const LineOutlook &line) const;
    QString nextTopUpText(const LineOutlook &line, bool withTrigger) const;
    QString spendText(const LineOutlook &line) const;
    QVariant foreground(const LineOutlook &line, int column) const;
    // Everything a row shows (setOutlook compares them).
    QVariantList shown(const LineOutlook &line) const;
    // The lines both `fresh` and the rows hold are in the same order.
    bool keepsOrder(const std::vector<LineOutlook> &fresh) const;

    std::vector<LineOutlook> m_lines;
    Context m_context;
    QTimeZone m_zone;
    DataUnits m_units = DataUnits::Decimal;
};

} // namespace topup
