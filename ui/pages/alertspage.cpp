#include "alertspage.h"

#include "models/alertmodel.h"
#include "widgets/paddeddelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace topup {

AlertsPage::AlertsPage(Service &service, QWidget *parent)
    : QWidget(parent), m_model(new AlertModel(service, 200, this)), m_title(new QLabel(this)), m_summary(new QLabel(this)),
      m_view(new QTableView(this)), m_markRead(new QPushButton(this)), m_markAll(new QPushButton(this))
{
    m_model->setLive(false); // until shown: a page never shown reads its rows on no change, only the count
    m_view->setObjectName(QStringLiteral("alerts"));
    m_markRead->setObjectName(QStringLiteral("markRead"));
    m_markAll->setObjectName(QStringLiteral("markAllRead"));
    m_summary->setObjectName(QStringLiteral("unreadSummary"));
    m_view->setModel(m_model);
    PaddedDelegate::setUp(m_view);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // wrapped rows, as tall as they need
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(AlertModel::Time, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AlertModel::Message, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(AlertModel::State, QHeaderView::ResizeToContents);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_markRead);
    buttons->addWidget(m_markAll);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_markRead, &QPushButton::clicked, this, &AlertsPage::markSelectedRead);
    connect(m_markAll, &QPushButton::clicked, m_model, &AlertModel::markAllRead);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { m_model->markRead(index.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertsPage::retranslateUi);
    connect(m_model, &AlertModel::unreadCountChanged, this, &AlertsPage::unreadCountChanged);
    connect(m_model, &AlertModel::unreadCountChanged, this, &AlertsPage::retranslateUi);
    setTabOrder(m_markRead, m_markAll);
    setTabOrder(m_markAll, m_view);
    retranslateUi();
}

int AlertsPage::unreadCount() const
{
    return m_model->unreadCount();
}

void AlertsPage::addAwaySummary(const CatchUpSummary &summary)
{
    m_model->addAwaySummary(summary);
}

void AlertsPage::retranslateUi()
{
    m_title->setText(tr("Alerts"));
    const int unread = m_model->unreadCount();
    m_summary->setText(m_model->rowCount() == 0 ? tr("Nothing needs your attention.")
                       : unread == 0            ? tr("All alerts read.")
                                                : tr("Unread: %1").arg(unread));
    m_markRead->setText(tr("Mark as &read"));
    m_markAll->setText(tr("Mark &all as read"));
    m_markRead->setAccessibleName(tr("Mark the selected alerts as read"));
    m_markAll->setAccessibleName(tr("Mark every alert as read"));
    m_view->setAccessibleName(tr("Alerts"));
    updateButtons();
}

void AlertsPage::showEvent(QShowEvent *event)
{
    m_model->setLive(true);
    QWidget::showEvent(event);
}

void AlertsPage::hideEvent(QHideEvent *event)
{
    m_model->setLive(false);
    QWidget::hideEvent(event);
}

void AlertsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_model->reload();
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void AlertsPage::updateButtons()
{
    const bool selected = m_view->selectionModel() && m_view->selectionModel()->hasSelection();
    m_markRead->setEnabled(selected);
    m_markAll->setEnabled(m_model->unreadCount() > 0);
}

void AlertsPage::markSelectedRead()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : rows)
        m_model->markRead(row);
}

} // namespace topup
