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

ColumnFitter::ColumnFitter(QTableView *view) : QObject(view), m_view(view)
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
    if ((watched == m_view->viewport() && type == QEvent::Resize)
        || (watched == m_view && (type == QEvent::FontChange || type == QEvent::StyleChange || type == QEvent::Show)))
        m_fitLater.start();
    return QObject::eventFilter(watched, event);
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
    int excess = total - m_view->viewport()->width();
    if (excess > 0) {
        // The elastic columns give up width, the widest first, to their minimum.
        std::vector<int> order(m_elastic.cbegin(), m_elastic.cend());
        std::sort(order.begin(), order.end(), [&](int a, int b) { return wanted[std::size_t(a)] > wanted[std::size_t(b)]; });
        bool gave = true;
        while (excess > 0 && gave) {
            gave = false;
            for (const int column : order) {
                if (column < 0 || column >= columns || excess <= 0)
                    continue;
                int &width = wanted[std::size_t(column)];
                const int floor = std::min(width, elasticMinimum);
                const int give = std::min({excess, width - floor, std::max(1, excess / int(order.size()))});
                if (give > 0) {
                    width -= give;
                    excess -= give;
                    gave = true;
                }
            }
        }
    }
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
