#pragma once

#include "app/appsettings.h"
#include "domain/expected.h"
#include "domain/instant.h"

#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;

namespace topup {

class AttemptModel;
class ErrorLabel;
class Service;

// The "Test auto top-up" tab of a line: drain it, make the next charge of
// a method fail, top up by hand, and run the simulated clock (play/pause at
// a speed, or jump to the next top-up), watching the balance and the
// latest attempts change as the service reports them. Both moves run off
// the window's thread; while a jump runs the clock and the actions wait.
class LineTestPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineTestPanel)

public:
    explicit LineTestPanel(Service &service, QWidget *parent = nullptr);

    void setLine(qint64 lineId);
    // GB or GiB, as the user chose in Settings.
    void setDataUnits(DataUnits units);
    AttemptModel *attempts() const { return m_attemptModel; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    DataUnits m_units = DataUnits::Decimal;
    void fillChoices();
    void refreshLine();
    void refreshClock();
    void report(const QString &message, const QString &error = {});
    void drain();
    void inject();
    void manualTopUp();
    void togglePlay();
    void nextEvent();
    // The jump's end (Service::jumpFinished), when this panel started it.
    void jumped(const Expected<std::optional<Instant>> &next);
    // While a jump runs, the clock and the actions wait, saying so.
    void showJumping(bool jumping);

    Service &m_service;
    qint64 m_lineId = 0;
    bool m_jumping = false; // a jump this panel started runs
    std::vector<std::pair<qint64, QString>> m_methodChoices; // as filled: refilled when the methods change
    QLabel *m_balanceTitle;
    QLabel *m_data;
    QLabel *m_voice;
    QLabel *m_state;
    QGroupBox *m_clockGroup;
    QLabel *m_clock;
    QPushButton *m_play;
    QLabel *m_speedLabel;
    QComboBox *m_speed;
    QPushButton *m_next;
    QGroupBox *m_actionsGroup;
    QPushButton *m_drain;
    QLabel *m_faultLabel;
    QComboBox *m_faultMethod;
    QComboBox *m_faultReason;
    QPushButton *m_inject;
    QLabel *m_manualLabel;
    QComboBox *m_manualPackage;
    QComboBox *m_manualMethod;
    QPushButton *m_manual;
    QLabel *m_status;
    ErrorLabel *m_error;
    QLabel *m_attemptsTitle;
    QTableView *m_attempts;
    AttemptModel *m_attemptModel;
};

} // namespace topup
