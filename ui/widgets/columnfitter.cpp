#include "columnfitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace topup {
namespace {

constexpr int elasticMinimum = 48;
constexpr int rowPadding = 14; // PaddedDelegate's 10 and the style's margins

} // namespace

ColumnFitter::ColumnFitter(QTableView *view) : QObject(view), m_view(view), m_viewport(view->viewport())
{
    m_fitLater.setSingleShot(true);
    m_fitLater.setInterval(0);
    connect(&m_fitLater, &QTimer::timeout, this, &ColumnFitter::fit);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // The last column takes what is left; the header's own stretch keeps
    // it at least as wide as it was when set, which can push it off screen.
    view->horizontalHeader()->setStretchLastSection(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
    const auto watchModel = [this] {
        QAbstractItemModel *model = m_view->model();
        if (!model)
            return;
        connect(model, &QAbstractItemModel::modelReset, &m_fitLater, qOverload<>(&QTimer::start), Qt::UniqueConnection);
        connect(model, &QAbstractItemModel::layoutChanged, &m_fitLater, qOverload<>(&QTimer::start), Qt::UniqueConnection);
        connect(model, &QAbstractItemModel::rowsInserted, &m_fitLater, qOverload<>(&QTimer::start), Qt::UniqueConnection);
        connect(model, &QAbstractItemModel::dataChanged, &m_fitLater, qOverload<>(&QTimer::start), Qt::UniqueConnection);
        connect(model, &QAbstractItemModel::headerDataChanged, &m_fitLater, qOverload<>(&QTimer::start), Qt::UniqueConnection);
    };
    watchModel();
    // A view set up before its model gets it later.
    connect(view->horizontalHeader(), &QHeaderView::sectionCountChanged, this, [this, watchModel] {
        watchModel();
        m_fitLater.start();
    });
    m_fitLater.start();
}

void ColumnFitter::setElasticColumns(const QList<int> &columns)
{
    m_elastic = columns;
    m_fitLater.start();
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if ((watched == m_viewport && type == QEvent::Resize)
        || (watched == m_view && (type == QEvent::FontChange || type == QEvent::StyleChange || type == QEvent::Show)))
        m_fitLater.start();
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::giveUpWidth(std::vector<int> &widths, int excess) const
{
    // The widest elastic columns give up width first, down to the next
    // widest, so a short name is not cut while a long one keeps room to
    // spare; no column goes below the minimum (or its own width if less).
    std::vector<int> elastic;
    for (const int column : m_elastic) {
        if (column >= 0 && std::size_t(column) < widths.size() && !m_view->isColumnHidden(column))
            elastic.push_back(column);
    }
    while (excess > 0) {
        int widest = 0;
        int next = 0;
        for (const int column : elastic) {
            const int width = widths[std::size_t(column)];
            if (width > widest) {
                next = widest;
                widest = width;
            } else if (width < widest && width > next) {
                next = width;
            }
        }
        const int level = std::max(next, elasticMinimum);
        if (widest <= level)
            return; // every elastic column is at its floor
        std::vector<int> atTop;
        for (const int column : elastic) {
            if (widths[std::size_t(column)] == widest)
                atTop.push_back(column);
        }
        const int count = int(atTop.size());
        const int step = std::min(widest - level, (excess + count - 1) / count);
        for (const int column : atTop) {
            const int give = std::min(step, excess);
            widths[std::size_t(column)] -= give;
            excess -= give;
        }
    }
}

void ColumnFitter::fit()
{
    const QAbstractItemModel *model = m_view->model();
    QHeaderView *header = m_view->horizontalHeader();
    m_view->verticalHeader()->setDefaultSectionSize(std::max(m_view->fontMetrics().height(), m_view->iconSize().height()) + rowPadding);
    if (!model || model->columnCount() == 0)
        return;
    const auto *view = static_cast<const QAbstractItemView *>(m_view);
    const int columns = model->columnCount();
    std::vector<int> wanted(std::size_t(columns), 0);
    int total = 0;
    for (int column = 0; column < columns; ++column) {
        if (m_view->isColumnHidden(column))
            continue;
        // sizeHintForColumn reads only the rows in view.
        wanted[std::size_t(column)] = std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        total += wanted[std::size_t(column)];
    }
    const int excess = total - m_view->viewport()->width();
    if (excess > 0)
        giveUpWidth(wanted, excess);
    int others = 0;
    int last = -1;
    for (int column = 0; column < columns; ++column) {
        if (m_view->isColumnHidden(column))
            continue;
        if (last >= 0)
            others += wanted[std::size_t(last)];
        last = column;
    }
    // A table that sizes its columns its own way (a stretched message) keeps it.
    bool ownWay = false;
    for (int column = 0; column < columns; ++column)
        ownWay = ownWay || header->sectionResizeMode(column) != QHeaderView::Interactive;
    if (last >= 0 && !ownWay)
        wanted[std::size_t(last)] = std::max(wanted[std::size_t(last)], m_view->viewport()->width() - others);
    for (int column = 0; column < columns; ++column) {
        if (!m_view->isColumnHidden(column) && header->sectionResizeMode(column) == QHeaderView::Interactive
            && header->sectionSize(column) != wanted[std::size_t(column)])
            header->resizeSection(column, wanted[std::size_t(column)]);
    }
}

} // namespace topup
