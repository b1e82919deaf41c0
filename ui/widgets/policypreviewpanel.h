#pragma once

#include "domain/lineoutlook.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QLabel;
class QTableView;

namespace topup {

class PreviewModel;
class Service;

// Beside the rules form: what the rules being edited would do over the next
// days (a table of top-ups, blocked ones marked), a line that sums it up,
// and what it means for the month's limits.
class PolicyPreviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyPreviewPanel)

public:
    PolicyPreviewPanel(Service &service, int days, QWidget *parent = nullptr);

    // What the rules being edited would do (Service::previewPolicy): its
    // top-ups, named with these labels, and the months' limits.
    void showOutlook(const LineOutlook &outlook, const QHash<QString, QString> &packageNames,
                     const QHash<QString, QString> &methodLabels);
    // The form has errors: nothing to show until they are corrected.
    void showInvalid();

    PreviewModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Service &m_service;
    const int m_days;
    PreviewModel *m_model;
    QLabel *m_title;
    QLabel *m_status;
    QTableView *m_table;
    QLabel *m_capSummary;
};

} // namespace topup
