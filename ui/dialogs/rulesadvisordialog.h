#pragma once

#include "app/appsettings.h"
#include "domain/policy.h"

#include <QDialog>
#include <QHash>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace topup {

class AdviceModel;
class AdviceTask;
class ErrorLabel;
class Service;
struct RulesAdvice;

// "Suggest rules…": replays the line's last 30, 60 or 90 days of stored
// usage under every candidate policy (Service::adviseRules) on a thread of
// its own, with progress and a way to stop, and shows the best few beside
// the saved rules. "Use these rules" hands the chosen one to the form,
// which the user still saves. Not modal: the form stays usable meanwhile.
class RulesAdvisorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesAdvisorDialog)

public:
    static constexpr int defaultDays = 90;

    RulesAdvisorDialog(Service &service, qint64 lineId, QHash<QString, QString> packageNames, DataUnits units,
                       QWidget *parent = nullptr);
    ~RulesAdvisorDialog() override;

    // Runs the advisor again over the period chosen.
    void run();
    // From the start of a run until its advice, error or stop is shown.
    bool isRunning() const;
    AdviceModel *model() const { return m_model; }
    // The run in progress, if any (its answer may still be on its way).
    AdviceTask *task() const { return m_task.get(); }

signals:
    // The user chose these rules for the form.
    void rulesChosen(const topup::Policy &policy);
    // A run ended: with advice shown, an error, or stopped.
    void runEnded();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslateUi();
    void showAdvice(const RulesAdvice &advice);
    void showStopped(const QString &text);
    void stopOrRunAgain();
    void selectionChanged();
    void useSelected();
    void setRunning(bool running);
    QString summary(const RulesAdvice &advice) const;

    Service &m_service;
    qint64 m_lineId;
    QHash<QString, QString> m_packageNames;
    DataUnits m_units;
    std::unique_ptr<AdviceTask> m_task;
    std::unique_ptr<RulesAdvice> m_advice; // the last one shown, for retranslating
    QString m_stoppedText;
    int m_runs = 0; // tells a run's answers from an earlier one's

    QLabel *m_intro;
    QLabel *m_periodLabel;
    QComboBox *m_period;
    QProgressBar *m_progress;
    QPushButton *m_stop;
    QLabel *m_status;
    ErrorLabel *m_error;
    AdviceModel *m_model;
    QTableView *m_table;
    QLabel *m_note;
    QPushButton *m_use;
    QPushButton *m_close;
};

} // namespace topup
