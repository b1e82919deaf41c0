#pragma once

#include "linetablemodel.h"

#include <QCollator>
#include <QSortFilterProxyModel>

#include <optional>

namespace topup {

// The lines of a LineTableModel narrowed to a part of the name (any case)
// and a state, sorted by the values behind the cells
// (LineTableModel::RawRole; names as people read them: "Line 2" before
// "Line 10"), ties in the outlook's order.
class LineFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineFilterModel)

public:
    explicit LineFilterModel(QObject *parent = nullptr);

    void setNameFilter(const QString &text); // empty: every name
    void setStateFilter(std::optional<LineTableModel::StateKind> state); // none: every state
    // Names sorted as people of `locale` read them (the language chosen
    // in Settings); the rows sorted again when that changes the order.
    void setCollationLocale(const QLocale &locale);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QCollator m_collator;
    QString m_name;
    std::optional<LineTableModel::StateKind> m_state;
};

} // namespace topup
