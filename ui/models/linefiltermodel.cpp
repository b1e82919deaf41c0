#include "linefiltermodel.h"

namespace topup {

LineFilterModel::LineFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(LineTableModel::RawRole);
    setDynamicSortFilter(true);
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setCollationLocale(QLocale());
}

void LineFilterModel::setCollationLocale(const QLocale &locale)
{
    // The C locale's collation compares code points and ignores the numeric mode.
    const QLocale collation = locale.language() == QLocale::C ? QLocale(QLocale::English) : locale;
    if (collation == m_collator.locale())
        return;
    m_collator.setLocale(collation);
    invalidate();
}

void LineFilterModel::setNameFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_name)
        return;
    m_name = trimmed;
    invalidateFilter();
}

void LineFilterModel::setStateFilter(std::optional<LineTableModel::StateKind> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

bool LineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex name = sourceModel()->index(sourceRow, LineTableModel::Name, sourceParent);
    if (m_state && name.data(LineTableModel::StateRole).toInt() != int(*m_state))
        return false;
    return m_name.isEmpty() || name.data(LineTableModel::RawRole).toString().contains(m_name, Qt::CaseInsensitive);
}

bool LineFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(LineTableModel::RawRole);
    const QVariant b = right.data(LineTableModel::RawRole);
    if (a.typeId() == QMetaType::QString) {
        const int order = m_collator.compare(a.toString(), b.toString());
        if (order != 0)
            return order < 0;
    } else if (a.toLongLong() != b.toLongLong()) {
        return a.toLongLong() < b.toLongLong();
    }
    return left.row() < right.row();
}

} // namespace topup
