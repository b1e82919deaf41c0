#include "linetablepanel.h"

#include "columnfitter.h"
#include "models/linefiltermodel.h"
#include "paddeddelegate.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace topup {

LineTablePanel::LineTablePanel(AppSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("lineTablePanel"));
    m_model = new LineTableModel(this);
    m_model->setDataUnits(settings.dataUnits());
    m_filter = new LineFilterModel(this);
    m_filter->setSourceModel(m_model);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("lineNameFilter"));
    m_name->setClearButtonEnabled(true);
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("lineStateFilter"));
    m_shown = new QLabel(this);
    m_shown->setObjectName(QStringLiteral("linesShown"));
    m_shown->setForegroundRole(QPalette::PlaceholderText);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_name, 2);
    filters->addWidget(m_state, 1);
    filters->addWidget(m_shown, 2);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("lineTable"));
    ColumnFitter *fitter = PaddedDelegate::setUp(m_table);
    fitter->setElasticColumns({LineTableModel::Name});
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->setModel(m_filter);
    m_table->sortByColumn(LineTableModel::Name, Qt::AscendingOrder);
    m_table->setMinimumHeight(320);

    // The selected line's card and the sentence in its place when none is
    // selected: the page lays them out (beside its chart), the panel fills them.
    m_card = new LineCard(settings, this);
    m_card->setObjectName(QStringLiteral("selectedLineCard"));
    m_card->hide();
    m_noSelection = new QLabel(this);
    m_noSelection->setObjectName(QStringLiteral("noLineSelected"));
    m_noSelection->setWordWrap(true);
    m_noSelection->setForegroundRole(QPalette::PlaceholderText);
    m_noSelection->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_name, &QLineEdit::textChanged, m_filter, &LineFilterModel::setNameFilter);
    connect(m_state, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        const QVariant kind = m_state->currentData();
        m_filter->setStateFilter(kind.isValid() ? std::optional(LineTableModel::StateKind(kind.toInt())) : std::nullopt);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &LineTablePanel::updateShown);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LineTablePanel::updateShown);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LineTablePanel::updateShown);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LineTablePanel::showSelected);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit lineActivated(index.data(LineTableModel::LineIdRole).toLongLong());
    });
    connect(m_card, &LineCard::activated, this, &LineTablePanel::lineActivated);
    connect(&m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
        if (key == AppSettings::Key::DataUnits)
            m_model->setDataUnits(m_settings.dataUnits());
    });
    retranslateUi();
}

void LineTablePanel::setOutlook(const Outlook &outlook, const LineTableModel::Context &tableContext,
                                const LineCard::Context &cardContext)
{
    const qint64 selected = selectedLineId();
    m_cardContext = cardContext;
    m_model->setOutlook(outlook, tableContext);
    const int row = selected ? m_model->rowOf(selected) : -1;
    if (row >= 0) {
        const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
        if (index.isValid() && m_table->currentIndex().row() != index.row())
            m_table->setCurrentIndex(index);
    } else if (m_filter->rowCount() > 0) {
        m_table->setCurrentIndex(m_filter->index(0, 0));
    }
    showSelected();
    updateShown();
}

qint64 LineTablePanel::selectedLineId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(LineTableModel::LineIdRole).toLongLong() : 0;
}

void LineTablePanel::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    const LineOutlook *line = current.isValid() ? m_model->line(m_filter->mapToSource(current).row()) : nullptr;
    if (line)
        m_card->setOutlook(*line, m_cardContext);
    m_card->setVisible(line != nullptr);
    m_noSelection->setVisible(line == nullptr);
}

void LineTablePanel::updateShown()
{
    //: How many lines the dashboard's filter shows, of how many
    m_shown->setText(tr("%1 of %n line(s) shown", nullptr, m_model->rowCount()).arg(m_filter->rowCount()));
}

void LineTablePanel::fillStates()
{
    const QVariant chosen = m_state->currentData();
    const QSignalBlocker block(m_state);
    m_state->clear();
    m_state->addItem(tr("Every state"));
    for (int kind = 0; kind < LineTableModel::StateKindCount; ++kind)
        m_state->addItem(LineTableModel::stateKindName(LineTableModel::StateKind(kind)), kind);
    const int index = chosen.isValid() ? m_state->findData(chosen) : 0;
    m_state->setCurrentIndex(index < 0 ? 0 : index);
}

void LineTablePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate();
        m_filter->setCollationLocale(QLocale()); // the language's order of names
    }
    QWidget::changeEvent(event);
}

void LineTablePanel::retranslateUi()
{
    m_name->setPlaceholderText(tr("Filter by name"));
    m_name->setAccessibleName(tr("Filter lines by name"));
    m_state->setAccessibleName(tr("Filter lines by state"));
    m_table->setAccessibleName(tr("Lines"));
    m_noSelection->setText(tr("Select a line to see its card."));
    fillStates();
    updateShown();
}

} // namespace topup
