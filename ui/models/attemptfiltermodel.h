#pragma once

#include <QDate>
#include <QSortFilterProxyModel>
#include <QTimeZone>

#include "domain/attemptstatus.h"

#include <limits>
#include <optional>

namespace topup {

// Attempts narrowed to a line, a status and a range of local days, sorted
// by the raw values behind the cells (AttemptModel::RawRole).
class AttemptFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttemptFilterModel)

public:
    explicit AttemptFilterModel(QObject *parent = nullptr);

    void setLineId(qint64 lineId);        // 0: every line
    void setStatus(std::optional<AttemptStatus> status); // none: every status
    // Local days in `zone`, both included; an invalid date leaves that end open.
    void setDateRange(QDate from, QDate to, const QTimeZone &zone);
    // The first and the last instant the date range lets through.
    qint64 fromMs() const noexcept { return m_fromMs; }
    qint64 toMs() const noexcept { return m_toMs; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    qint64 m_lineId = 0;
    std::optional<AttemptStatus> m_status;
    qint64 m_fromMs = std::numeric_limits<qint64>::min();
    qint64 m_toMs = std::numeric_limits<qint64>::max();
};

} // namespace topup
