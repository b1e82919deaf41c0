#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <vector>

class QTableView;

namespace topup {

// Fits a table's columns to what the rows in view need — not every row,
// as ResizeToContents does — and keeps the last column (a result, a
// reason) whole and on screen: when the columns are wider than the view,
// the elastic ones give up width first (their text elided), down to a
// minimum, the widest first. Rows have one fixed height from the font. Refits when the
// model, the font or the view's width changes.
class ColumnFitter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnFitter)

public:
    explicit ColumnFitter(QTableView *view);

    void setElasticColumns(const QList<int> &columns);
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Takes `excess` pixels off the elastic columns of `widths`.
    void giveUpWidth(std::vector<int> &widths, int excess) const;

    QTableView *m_view;
    // Compared with, never asked: events still reach the filter while the
    // view is being destroyed, when it is no longer a QAbstractScrollArea.
    QPointer<QWidget> m_viewport;
    QList<int> m_elastic;
    QTimer m_fitLater;
};

} // namespace topup
