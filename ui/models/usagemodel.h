#pragma once

#include "app/appsettings.h"

#include <QAbstractTableModel>

#include <vector>

namespace topup {

// Usage per period as a table beside the chart: the period, data and voice,
// newest first; the raw bytes and seconds in RawRole for sorting.
class UsageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageModel)

public:
    enum Column { Period, Data, Voice, ColumnCount };
    enum class Step { Hour, Day, Week, Month };
    static constexpr int RawRole = Qt::UserRole + 1;

    struct Bucket
    {
        qint64 wallMs = 0; // the period's start as the account's wall time, written as if it were UTC
        qint64 dataBytes = 0;
        qint64 voiceSeconds = 0;
    };

    explicit UsageModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    // Oldest first, as the chart has them.
    void setBuckets(const std::vector<Bucket> &buckets, Step step);
    // GB or GiB, as the user chose in Settings.
    void setDataUnits(DataUnits units);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString period(qint64 wallMs) const;

    std::vector<Bucket> m_buckets; // newest first
    Step m_step = Step::Day;
    DataUnits m_units = DataUnits::Decimal;
};

} // namespace topup
