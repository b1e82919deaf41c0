#pragma once

#include "appsettings.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace topup {

class LineTestPanel;
class PolicyEditor;
class Service;

// One line in detail: its auto top-up rules with a preview ("Rules"), and
// the place to try them out on the simulated world ("Test auto top-up").
class LinePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinePage)

public:
    explicit LinePage(Service &service, QWidget *parent = nullptr);

    // Shows another line; unsaved rules of the current one are asked about first.
    void showLine(qint64 lineId);
    void showRulesTab();
    void showTestTab();
    qint64 lineId() const noexcept { return m_lineId; }

    // Before leaving the page: unsaved rules get Save / Discard / Cancel.
    // False when the user chose to stay.
    bool confirmLeave();

    // GB or GiB, as the user chose in Settings.
    void setDataUnits(DataUnits units);

    PolicyEditor *rules() const { return m_rules; }
    LineTestPanel *test() const { return m_test; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refreshHeader();

    Service &m_service;
    qint64 m_lineId = 0;
    QLabel *m_title;
    QLabel *m_subtitle;
    QTabWidget *m_tabs;
    PolicyEditor *m_rules;
    LineTestPanel *m_test;
};

} // namespace topup
