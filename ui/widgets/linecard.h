#pragma once

#include "app/appsettings.h"
#include "domain/lineoutlook.h"

#include <QFrame>
#include <QHash>
#include <QTimeZone>

class QLabel;
class QProgressBar;
class QPushButton;

namespace topup {

// One line on the dashboard, in words: name and region, data and minutes
// left with bars coloured against the threshold, the auto top-up state, the
// next monthly top-up and what the threshold trigger will do (as the engine
// will do them: Service::outlook), the run-out forecast and daily
// allowance, this month's spend against the line's caps, low funds.
// It computes no date, count or rule. Clicking it opens the line.
class LineCard final : public QFrame
{
    Q_OBJECT

public:
    // What the words need besides the outlook: the account's zone and
    // currency, and the methods' labels by id.
    struct Context final
    {
        QString timezone;
        QString currency;
        QHash<qint64, QString> methodLabels;
    };

    explicit LineCard(AppSettings &settings, QWidget *parent = nullptr);

    void setOutlook(const LineOutlook &outlook, const Context &context);
    qint64 lineId() const noexcept { return m_outlook.line.id; }

signals:
    void activated(qint64 lineId);

protected:
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void refresh();
    void setBar(QProgressBar *bar, qint64 value, qint64 threshold, qint64 scale);
    QString stateText() const;
    QString monthlyText() const;
    QString forecastText() const;
    QString spendText() const;
    QString lowFundsText() const;

    AppSettings &m_settings;
    LineOutlook m_outlook;
    Context m_context;
    QTimeZone m_zone;
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
    QLabel *m_lowFunds = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace topup
