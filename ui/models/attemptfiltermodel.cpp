#include "attemptfiltermodel.h"

#include "attemptmodel.h"

namespace topup {

AttemptFilterModel::AttemptFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AttemptModel::RawRole);
}

void AttemptFilterModel::setLineId(qint64 lineId)
{
    m_lineId = lineId;
    invalidateRowsFilter();
}

void AttemptFilterModel::setStatus(std::optional<AttemptStatus> status)
{
    m_status = status;
    invalidateRowsFilter();
}

void AttemptFilterModel::setDateRange(QDate from, QDate to, const QTimeZone &zone)
{
    m_fromMs = from.isValid() ? from.startOfDay(zone).toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    m_toMs = to.isValid() ? to.addDays(1).startOfDay(zone).toMSecsSinceEpoch() - 1 : std::numeric_limits<qint64>::max();
    invalidateRowsFilter();
}

bool AttemptFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const auto raw = [&](int column) { return source->index(sourceRow, column, sourceParent).data(AttemptModel::RawRole); };
    if (m_lineId != 0 && raw(AttemptModel::Line).toLongLong() != m_lineId)
        return false;
    if (m_status && raw(AttemptModel::Status).toString() != attemptStatusName(*m_status))
        return false;
    const qint64 at = raw(AttemptModel::Time).toLongLong();
    return at >= m_fromMs && at <= m_toMs;
}

} // namespace topup
