#pragma once

#include <QStyledItemDelegate>

class QTableView;

namespace topup {

class ColumnFitter;

// Table cells with room to breathe: the size hint grows by a margin on each
// side, so columns fitted to their contents do not let texts touch.
class PaddedDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaddedDelegate)

public:
    explicit PaddedDelegate(QObject *parent = nullptr) : QStyledItemDelegate(parent) {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The house look of a read-only table: padded cells, whole rows
    // selected, no grid lines, rows of one height, columns fitted to the
    // rows in view (ColumnFitter, returned), the last one taking what is left.
    static ColumnFitter *setUp(QTableView *view);
};

} // namespace topup
