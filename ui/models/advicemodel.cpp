#include "advicemodel.h"

#include "text/wording.h"
#include "text/formatter.h"
#include "text/amountunits.h"

#include <QDate>
#include <QLocale>
#include <QTime>

namespace topup {

AdviceModel::AdviceModel(QObject *parent) : QAbstractTableModel(parent) {}

void AdviceModel::setAdvice(const RulesAdvice &advice, QHash<QString, QString> packageNames, const QString &currency,
                            DataUnits units)
{
    beginResetModel();
    m_rows.clear();
    m_rows.push_back(advice.current);
    m_rows.insert(m_rows.end(), advice.best.begin(), advice.best.end());
    m_packageNames = std::move(packageNames);
    m_currency = currency;
    m_units = units;
    endResetModel();
}

void AdviceModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const CandidateResult *AdviceModel::result(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[std::size_t(row)] : nullptr;
}

QString AdviceModel::describe(const Policy &policy, const QHash<QString, QString> &packageNames, DataUnits units)
{
    if (!policy.enabled || (!policy.threshold && !policy.monthly))
        return tr("No automatic top-ups");
    QStringList lines;
    if (policy.threshold) {
        const ThresholdTrigger &threshold = *policy.threshold;
        const QString package = packageNames.value(threshold.package, threshold.package);
        const QString below = AmountUnits::text(threshold.resource, threshold.below, units);
        lines << (threshold.resource == Resource::Data
                      ? tr("When data falls below %1, buy %2").arg(below, package)
                      : tr("When minutes fall below %1, buy %2").arg(below, package));
    }
    if (policy.monthly) {
        const MonthlyTrigger &monthly = *policy.monthly;
        const QString package = packageNames.value(monthly.package, monthly.package);
        const QString time = QTime(monthly.minuteOfDay / 60, monthly.minuteOfDay % 60).toString(QStringLiteral("HH:mm"));
        lines << (monthly.day >= 31 ? tr("On the last day of every month at %1, buy %2").arg(time, package)
                                    : tr("On day %1 of every month at %2, buy %3").arg(monthly.day).arg(time, package));
    }
    return lines.join(QLatin1Char('\n'));
}

QString AdviceModel::blockedNote(const CandidateResult &result) const
{
    QStringList caps;
    for (const Reason reason : result.blockedBy)
        caps << Wording::reason(reason);
    //: How often a limit stopped these rules, and which limits, e.g. "Blocked 2×: line's monthly budget reached"
    return tr("Blocked %1×: %2").arg(QLocale().toString(result.blockedAttempts), Formatter::list(caps));
}

QString AdviceModel::display(const CandidateResult &result, int column) const
{
    switch (column) {
    case Rules: {
        QString text = describe(result.policy, m_packageNames, m_units);
        if (result.blocked())
            text += QLatin1Char('\n') + blockedNote(result);
        return text;
    }
    case Cost:
        return Formatter::money(result.cost, m_currency);
    case TopUps:
        return QLocale().toString(result.topUps);
    case HoursShort:
        if (result.hoursWithoutService == 0)
            return tr("None");
        //: Hours, e.g. "12 h"
        return tr("%1 h").arg(QLocale().toString(result.hoursWithoutService));
    case LargestMonth: {
        if (result.largestMonthSpend.isZero())
            return tr("—");
        const QString month = QLocale().toString(QDate(result.largestMonth.year, result.largestMonth.month, 1),
                                                 tr("MMM yyyy", "month and year format"));
        //: The largest month's spend and that month, e.g. "15.00 EUR in Jan 2027"
        return tr("%1 in %2").arg(Formatter::money(result.largestMonthSpend, m_currency), month);
    }
    default:
        return {};
    }
}

int AdviceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AdviceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdviceModel::data(const QModelIndex &index, int role) const
{
    const CandidateResult *row = index.isValid() ? result(index.row()) : nullptr;
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(*row, index.column());
    case Qt::DecorationRole:
        if (index.column() == Rules && row->blocked())
            return stateIcon(StateColor::Warning);
        if (index.column() == HoursShort && !row->keepsServed())
            return stateIcon(StateColor::Error);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == HoursShort && !row->keepsServed())
            return tr("Without data: %1 h; without minutes: %2 h")
                .arg(QLocale().toString(row->hoursWithoutData), QLocale().toString(row->hoursWithoutVoice));
        if (index.column() == TopUps && row->failedCharges > 0)
            return tr("Charges the payment method refused: %1").arg(QLocale().toString(row->failedCharges));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Rules ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant AdviceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section == 0 ? tr("Saved") : QLocale().toString(section);
    switch (section) {
    case Rules:
        return tr("Rules");
    case Cost:
        return tr("Cost");
    case TopUps:
        return tr("Top-ups");
    case HoursShort:
        return tr("Without data or minutes");
    case LargestMonth:
        return tr("Largest month");
    default:
        return {};
    }
}

} // namespace topup
