#include "attemptmodel.h"

#include "text/wording.h"
#include "widgets/statecolors.h"
#include "text/formatter.h"
#include "domain/packagerecord.h"
#include "service/service.h"


#include <algorithm>

namespace topup {

AttemptModel::AttemptModel(Service &service, qint64 lineId, int pageSize, QObject *parent)
    : QAbstractTableModel(parent), m_service(service), m_pageSize(pageSize)
{
    m_filter.lineId = lineId;
    // Signals come in bursts (a manual top-up names its line, method and
    // attempts): one reload for all of them, and only for the rows shown
    // (the attempts of the lines filtered, their names, the methods' labels).
    const auto later = [this] { m_reload.request(); };
    const auto ifShown = [this](const QList<qint64> &lineIds) {
        if (m_filter.lineId == 0 || lineIds.contains(m_filter.lineId))
            m_reload.request();
    };
    connect(&m_service, &Service::accountChanged, this, later);
    connect(&m_service, &Service::worldAdvanced, this, later);
    connect(&m_service, &Service::attemptsAdded, this, ifShown);
    connect(&m_service, &Service::linesChanged, this, ifShown); // a new name
    connect(&m_service, &Service::lineRemoved, this, [ifShown](qint64 lineId) { ifShown({lineId}); });
    connect(&m_service, &Service::methodRemoved, this, later);
    reload();
}

void AttemptModel::setLineId(qint64 lineId)
{
    AttemptFilter filter = m_filter;
    filter.lineId = lineId;
    setFilter(filter);
}

void AttemptModel::setFilter(const AttemptFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    beginResetModel();
    m_rows.clear();
    m_exhausted = false;
    endResetModel();
    m_reload.requestNow(); // the first page, or when shown
}

void AttemptModel::setLive(bool live)
{
    m_reload.setLive(live);
}

void AttemptModel::loadMethodLabels()
{
    m_methodLabels.clear();
    if (const Expected<std::vector<MethodRecord>> methods = m_service.methods()) {
        for (const MethodRecord &method : *methods)
            m_methodLabels.insert(method.id, method.label());
    }
}

void AttemptModel::reload()
{
    // As many rows as the view holds (in one query), so a reload keeps the
    // place scrolled to; all of them once it held all (new ones included).
    const int limit = m_exhausted && !m_rows.empty() ? -1 : std::max(m_pageSize, int(m_rows.size()));
    const Expected<std::vector<AttemptRow>> rows = m_service.attempts(m_filter, limit);
    std::vector<AttemptRow> fresh = rows ? *rows : std::vector<AttemptRow>();
    m_exhausted = limit < 0 || int(fresh.size()) < limit;
    const bool sameRows = !m_rows.empty() && fresh.size() == m_rows.size()
                          && std::equal(fresh.begin(), fresh.end(), m_rows.begin(),
                                        [](const AttemptRow &a, const AttemptRow &b) { return a.id == b.id; });
    // The same attempts (a clock step without a top-up): refresh the cells and keep the selection.
    if (!sameRows)
        beginResetModel();
    m_zone = Formatter::zoneOf(m_service);
    m_currency = Formatter::currencyOf(m_service);
    loadMethodLabels();
    m_rows = std::move(fresh);
    m_error = rows ? QString() : rows.error();
    if (!sameRows)
        endResetModel();
    else
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool AttemptModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_fetchesMore && !m_exhausted && !m_rows.empty();
}

void AttemptModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // The page after the last row held: an index range, whatever was loaded before it.
    const AttemptRow &last = m_rows.back();
    const Expected<std::vector<AttemptRow>> rows = m_service.attempts(m_filter, m_pageSize, HistoryKey{last.at, last.id});
    if (!rows) {
        m_error = rows.error();
        m_exhausted = true;
        return;
    }
    m_exhausted = int(rows->size()) < m_pageSize;
    if (rows->empty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows->size()) - 1);
    m_rows.insert(m_rows.end(), rows->begin(), rows->end());
    endInsertRows();
}

void AttemptModel::setDataUnits(DataUnits units)
{
    if (units == m_units)
        return;
    m_units = units;
    if (!m_rows.empty())
        emit dataChanged(index(0, Package), index(rowCount() - 1, Package), {Qt::DisplayRole, Qt::ToolTipRole});
}

int AttemptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttemptModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttemptModel::display(const AttemptRow &row, int column) const
{
    switch (column) {
    case Time:
        return Formatter::dateTime(row.at, m_zone);
    case Line:
        return Wording::lineName(row.lineName, row.lineState);
    case Trigger:
        return Wording::trigger(row.trigger);
    case Attempt:
        return QString::number(row.attempt);
    case Method:
        return row.methodId == 0 ? tr("—") : m_methodLabels.value(row.methodId, tr("removed method"));
    case Package:
        return Formatter::packageName(row.package, m_units);
    case Amount:
        return Formatter::money(row.amount, m_currency);
    case Status:
        return Wording::status(row.status);
    case Reason:
        return Wording::reason(row.reason);
    default:
        return {};
    }
}

QVariant AttemptModel::raw(const AttemptRow &row, int column) const
{
    switch (column) {
    case Time:
        return row.at.msecs();
    case Line:
        return row.lineId;
    case Trigger:
        return triggerKindName(row.trigger);
    case Attempt:
        return row.attempt;
    case Method:
        return row.methodId;
    case Amount:
        return row.amount.cents();
    case Status:
        return attemptStatusName(row.status);
    case Reason:
        return row.reason ? reasonName(*row.reason) : QString();
    default:
        return display(row, column);
    }
}

QVariant AttemptModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const AttemptRow &row = m_rows[std::size_t(index.row())];
    const StateColor state = Wording::statusState(row.status);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return display(row, index.column());
    case RawRole:
        return raw(row, index.column());
    case Qt::DecorationRole:
    case Qt::ForegroundRole:
        return outcomeRowData(state, role, index.column() == Status);
    case Qt::TextAlignmentRole:
        return (index.column() == Amount || index.column() == Attempt) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant AttemptModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Line:
        return tr("Line");
    case Trigger:
        return tr("Trigger");
    case Attempt:
        return tr("Attempt");
    case Method:
        return tr("Method");
    case Package:
        return tr("Package");
    case Amount:
        return tr("Amount");
    case Status:
        return tr("Status");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace topup
