#pragma once

#include "appsettings.h"

#include <QChartView>
#include <QStringList>

#include <vector>

class QCategoryAxis;
class QLineSeries;
class QValueAxis;

namespace topup {

struct UsagePoint;

// Daily data and voice of the last days as two lines (data on the left
// axis, voice minutes on the right), coloured from the theme's state
// colours; no animation, no OpenGL; each redraw replaces whole series.
class UsageChart final : public QChartView
{
    Q_OBJECT

public:
    explicit UsageChart(AppSettings &settings, QWidget *parent = nullptr);

    // One point per day, oldest first; labels are ISO dates.
    void setDays(const std::vector<UsagePoint> &days);
    int pointCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyTheme();
    void rebuild();

    AppSettings &m_settings;
    QLineSeries *m_data = nullptr;
    QLineSeries *m_voice = nullptr;
    QCategoryAxis *m_axisX = nullptr;
    QValueAxis *m_axisData = nullptr;
    QValueAxis *m_axisVoice = nullptr;
    std::vector<UsagePoint> m_days;
};

} // namespace topup
