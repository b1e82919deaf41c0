#pragma once

#include "appsettings.h"
#include "store/accountstore.h"
#include "store/linestore.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace topup {

class Service;

// One line on the dashboard: name and region, data and minutes left with
// bars coloured against the threshold, the auto top-up state in words, the
// next monthly top-up, the run-out forecast and daily allowance, and this
// month's spend against the line's caps. Clicking it opens the line.
class LineCard final : public QFrame
{
    Q_OBJECT

public:
    LineCard(Service &service, AppSettings &settings, QWidget *parent = nullptr);

    void setLine(const LineRecord &line, const Account &account);
    qint64 lineId() const noexcept { return m_line.id; }

signals:
    void activated(qint64 lineId);

protected:
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void refresh();
    void setBar(QProgressBar *bar, qint64 value, qint64 threshold, qint64 scale);
    QString stateText() const;

    Service &m_service;
    AppSettings &m_settings;
    LineRecord m_line;
    Account m_account;
    QString m_blockedReason; // of the latest blocked attempt, when blocked
    QLabel *m_name = nullptr;
    QLabel *m_region = nullptr;
    QLabel *m_dataLabel = nullptr;
    QProgressBar *m_dataBar = nullptr;
    QLabel *m_voiceLabel = nullptr;
    QProgressBar *m_voiceBar = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_monthly = nullptr;
    QLabel *m_forecast = nullptr;
    QLabel *m_allowance = nullptr;
    QLabel *m_spend = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace topup
