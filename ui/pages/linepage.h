#pragma once

#include "app/appsettings.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace topup {

class LineTestPanel;
class PolicyEditor;
class Service;

// One line in detail: a line picker at the top (with rename, remove and
// add), its auto top-up rules with a preview ("Rules"), and the place to
// try them out on the simulated world ("Test auto top-up"). Arriving with
// no line chosen picks the first; with no lines at all, it offers to add one.
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

    // Renames or removes the shown line, asking first (dialogs).
    void renameLine();
    void removeLine();

    // GB or GiB, as the user chose in Settings.
    void setDataUnits(DataUnits units);

    PolicyEditor *rules() const { return m_rules; }
    LineTestPanel *test() const { return m_test; }

signals:
    void addLineRequested();
    // The line shown changed (0: none); rename and remove follow it.
    void lineChanged(qint64 lineId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void refreshLines();
    void switchTo(qint64 lineId);

    Service &m_service;
    qint64 m_lineId = 0;
    QLabel *m_pickerLabel;
    QComboBox *m_picker;
    QPushButton *m_rename;
    QPushButton *m_remove;
    QPushButton *m_add;
    QLabel *m_subtitle;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    PolicyEditor *m_rules;
    LineTestPanel *m_test;
    QWidget *m_empty;
    QLabel *m_emptyText;
    QPushButton *m_emptyAdd;
};

} // namespace topup
