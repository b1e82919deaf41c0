#pragma once

#include "linecard.h"
#include "models/linetablemodel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace topup {

class LineFilterModel;

// The lines of a fleet on the dashboard: a table of every line (what the
// outlook says about it, LineTableModel), sortable by each column, with a
// filter by name and by state that says how many lines it shows; and the
// selected line's card (or a sentence when none is), which the page lays
// out where it has room. Enter or a double click on a row opens the line.
class LineTablePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit LineTablePanel(AppSettings &settings, QWidget *parent = nullptr);

    // Every line of `outlook`; the selected line stays selected (its card
    // follows), the first row is selected when none was.
    void setOutlook(const Outlook &outlook, const LineTableModel::Context &tableContext, const LineCard::Context &cardContext);

    QTableView *table() const noexcept { return m_table; }
    LineTableModel *model() const noexcept { return m_model; }
    LineFilterModel *filterModel() const noexcept { return m_filter; }
    QLineEdit *nameFilter() const noexcept { return m_name; }
    QComboBox *stateFilter() const noexcept { return m_state; }
    QLabel *shownLabel() const noexcept { return m_shown; }
    LineCard *card() const noexcept { return m_card; }
    QLabel *noSelectionLabel() const noexcept { return m_noSelection; }
    // The line whose card is shown; 0 when none is selected.
    qint64 selectedLineId() const;

signals:
    void lineActivated(qint64 lineId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showSelected();
    void updateShown();
    void fillStates();

    AppSettings &m_settings;
    LineTableModel *m_model = nullptr;
    LineFilterModel *m_filter = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_state = nullptr;
    QLabel *m_shown = nullptr;
    QTableView *m_table = nullptr;
    LineCard *m_card = nullptr;
    QLabel *m_noSelection = nullptr;
    LineCard::Context m_cardContext;
};

} // namespace topup
