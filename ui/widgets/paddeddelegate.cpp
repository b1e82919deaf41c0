#include "paddeddelegate.h"

#include "columnfitter.h"

#include <QHeaderView>
#include <QTableView>

namespace topup {

QSize PaddedDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return QStyledItemDelegate::sizeHint(option, index) + QSize(16, 10);
}

ColumnFitter *PaddedDelegate::setUp(QTableView *view)
{
    view->setItemDelegate(new PaddedDelegate(view));
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Not ResizeToContents: it measures every row of the model (History holds a million).
    return new ColumnFitter(view);
}

} // namespace topup
