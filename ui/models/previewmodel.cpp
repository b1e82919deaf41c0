#include "previewmodel.h"

#include "text/formatter.h"
#include "text/wording.h"
#include "widgets/statecolors.h"


namespace topup {

PreviewModel::PreviewModel(QObject *parent) : QAbstractTableModel(parent), m_zone(QTimeZone::utc()) {}

void PreviewModel::setItems(std::vector<PreviewItem> items, QHash<QString, QString> packageNames,
                            QHash<QString, QString> methodLabels, const QTimeZone &zone, const QString &currency)
{
    beginResetModel();
    m_items = std::move(items);
    m_packageNames = std::move(packageNames);
    m_methodLabels = std::move(methodLabels);
    m_zone = zone;
    m_currency = currency;
    endResetModel();
}

void PreviewModel::clear()
{
    beginResetModel();
    m_items.clear();
    endResetModel();
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PreviewModel::display(const PreviewItem &item, int column) const
{
    switch (column) {
    case Time:
        return Formatter::dateTime(item.at, m_zone);
    case Trigger:
        return Wording::trigger(item.trigger);
    case Package:
        return m_packageNames.value(item.package, item.package);
    case Method:
        return item.method.isEmpty() ? tr("—") : m_methodLabels.value(item.method, item.method);
    case Amount:
        return Formatter::money(item.amount, m_currency);
    case Status:
        if (!item.reason)
            return Wording::status(item.status);
        //: A status and its reason, e.g. "Blocked: line's monthly budget reached"
        return tr("%1: %2").arg(Wording::status(item.status), Wording::reason(item.reason));
    default:
        return {};
    }
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_items.size()))
        return {};
    const PreviewItem &item = m_items[std::size_t(index.row())];
    const StateColor state = Wording::statusState(item.status);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return display(item, index.column());
    case RawRole:
        switch (index.column()) {
        case Time:
            return item.at.msecs();
        case Amount:
            return item.amount.cents();
        case Status:
            return attemptStatusName(item.status);
        default:
            return display(item, index.column());
        }
    case Qt::DecorationRole:
    case Qt::ForegroundRole:
        return outcomeRowData(state, role, index.column() == Status);
    case Qt::TextAlignmentRole:
        return index.column() == Amount ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("When");
    case Trigger:
        return tr("Trigger");
    case Package:
        return tr("Package");
    case Method:
        return tr("Method");
    case Amount:
        return tr("Amount");
    case Status:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace topup
