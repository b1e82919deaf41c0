#pragma once

#include "app/appsettings.h"
#include "service/service.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace topup {

// The rules advisor's answer as a table: the saved rules first, then the
// best suggestions, each with its rules in words, its cost over the period,
// its top-ups, the hours the line would have gone without data or minutes,
// and its largest month's spend; a candidate a limit blocks is marked.
class AdviceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdviceModel)

public:
    enum Column { Rules, Cost, TopUps, HoursShort, LargestMonth, ColumnCount };

    explicit AdviceModel(QObject *parent = nullptr);

    // Names for the engine's package ids ("P<row>").
    void setAdvice(const RulesAdvice &advice, QHash<QString, QString> packageNames, const QString &currency, DataUnits units);
    void clear();
    // The row's rules: row 0 the saved ones, then the suggestions.
    const CandidateResult *result(int row) const;
    bool isSuggestion(int row) const { return row >= 1 && row < rowCount(); }

    // A policy in words, one trigger a line.
    [[nodiscard]] static QString describe(const Policy &policy, const QHash<QString, QString> &packageNames, DataUnits units);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString display(const CandidateResult &result, int column) const;
    QString blockedNote(const CandidateResult &result) const;

    std::vector<CandidateResult> m_rows;
    QHash<QString, QString> m_packageNames;
    QString m_currency;
    DataUnits m_units = DataUnits::Decimal;
};

} // namespace topup
