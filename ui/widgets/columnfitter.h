#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

class QTableView;

namespace topup {

// Fits a table's columns to what the rows in view need — not every row,
// as ResizeToContents does — and keeps the last column (a result, a
// reason) whole and on screen: when the columns are wider than the view,
// the elastic ones give up width first (their text elided), down to a
// minimum. Rows have one fixed height from the font. Refits when the
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
    QTableView *m_view;
    QList<int> m_elastic;
    QTimer m_fitLater;
};

} // namespace topup
