#include "usagemodel.h"

#include "text/formatter.h"

#include <QDateTime>
#include <QLocale>

namespace topup {

void UsageModel::setBuckets(const std::vector<Bucket> &buckets, Step step)
{
    beginResetModel();
    m_buckets.assign(buckets.rbegin(), buckets.rend());
    m_step = step;
    endResetModel();
}

int UsageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_buckets.size());
}

int UsageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UsageModel::period(qint64 wallMs) const
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC);
    const QLocale locale;
    switch (m_step) {
    case Step::Hour:
        //: QDateTime format of an hour of usage, e.g. 20 Jun 14:00
        return locale.toString(start, tr("d MMM HH:mm"));
    case Step::Day:
        return Formatter::date(start.date());
    case Step::Week:
        //: A week of usage by its first day
        return tr("Week of %1").arg(locale.toString(start.date(), tr("d MMM yyyy")));
    case Step::Month:
        //: QDate format of a month and its year, e.g. June 2027
        return locale.toString(start.date(), tr("MMMM yyyy"));
    }
    return {};
}

QVariant UsageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_buckets.size()))
        return {};
    const Bucket &bucket = m_buckets[std::size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Period:
            return period(bucket.wallMs);
        case Data:
            return Formatter::data(bucket.dataBytes, m_units);
        case Voice:
            return Formatter::voice(bucket.voiceSeconds);
        default:
            return {};
        }
    }
    if (role == RawRole)
        return index.column() == Period ? bucket.wallMs : index.column() == Data ? bucket.dataBytes : bucket.voiceSeconds;
    if (role == Qt::TextAlignmentRole && index.column() != Period)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant UsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Period:
        return tr("Period");
    case Data:
        return tr("Data");
    case Voice:
        return tr("Voice");
    default:
        return {};
    }
}

void UsageModel::setDataUnits(DataUnits units)
{
    if (units == m_units)
        return;
    m_units = units;
    if (!m_buckets.empty())
        emit dataChanged(index(0, Data), index(int(m_buckets.size()) - 1, Data));
}

} // namespace topup
