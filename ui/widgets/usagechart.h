#pragma once

#include "app/appsettings.h"
#include "models/usagemodel.h"

#include <QChartView>
#include <QStringList>

#include <vector>

class QCategoryAxis;
class QLineSeries;
class QValueAxis;

namespace topup {

// Data and voice used per hour, day, week or month as two lines (data on
// the left axis in GB or GiB, voice on the right in minutes), the one usage
// chart of the dashboard and History. Round ticks with their unit, one
// label per period at most and never the same twice; an empty chart says
// so. Colours from the theme's state colours; no animation, no OpenGL;
// each redraw replaces whole series.
class UsageChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageChart)

public:
    using Step = UsageModel::Step;
    using Bucket = UsageModel::Bucket;

    explicit UsageChart(QWidget *parent = nullptr);

    // Oldest first.
    void setBuckets(const std::vector<Bucket> &buckets, Step step);
    void setDataUnits(DataUnits units);
    int pointCount() const;
    bool isEmpty() const { return m_buckets.empty(); }

    // What the axes show, for tests: the time labels left to right, and
    // each value axis's ticks as its labels read.
    QStringList timeLabels() const;
    QStringList dataTicks() const;
    QStringList voiceTicks() const;
    QString dataUnit() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    void rebuild();
    void labelTime();

    QLineSeries *m_data = nullptr;
    QLineSeries *m_voice = nullptr;
    QCategoryAxis *m_time = nullptr;
    QValueAxis *m_dataAxis = nullptr;
    QValueAxis *m_voiceAxis = nullptr;
    std::vector<Bucket> m_buckets;
    Step m_step = Step::Day;
    DataUnits m_units = DataUnits::Decimal;
};

} // namespace topup
