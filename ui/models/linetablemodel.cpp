#include "linetablemodel.h"

#include "text/formatter.h"
#include "text/wording.h"
#include "widgets/statecolors.h"

#include <QApplication>

#include <limits>

namespace topup {
namespace {

constexpr qint64 first = std::numeric_limits<qint64>::min();
constexpr qint64 last = std::numeric_limits<qint64>::max();

const PreviewItem *nextTopUp(const LineOutlook &line)
{
    // The engine's top-ups in the order it makes them.
    return line.topUps.empty() ? nullptr : &line.topUps.front();
}

} // namespace

LineTableModel::LineTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LineTableModel::setOutlook(const Outlook &outlook, Context context)
{
    const bool sameContext = context.timezone == m_context.timezone && context.currency == m_context.currency
                             && context.packageNames == m_context.packageNames;
    m_context = std::move(context);
    m_zone = QTimeZone(m_context.timezone.toUtf8());
    const std::vector<LineOutlook> &fresh = outlook.lines;
    if (m_lines.empty() || !keepsOrder(fresh)) {
        beginResetModel();
        m_lines = fresh;
        endResetModel();
        return;
    }
    // Lines gone: their rows leave (from the last, so the rows before keep their numbers).
    QSet<qint64> freshIds;
    for (const LineOutlook &line : fresh)
        freshIds.insert(line.line.id);
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (freshIds.contains(m_lines[std::size_t(row)].line.id))
            continue;
        beginRemoveRows({}, row, row);
        m_lines.erase(m_lines.begin() + row);
        endRemoveRows();
    }
    // New lines: a row each where the outlook has them (the others keep their order).
    for (std::size_t row = 0; row < fresh.size(); ++row) {
        if (row < m_lines.size() && m_lines[row].line.id == fresh[row].line.id)
            continue;
        beginInsertRows({}, int(row), int(row));
        m_lines.insert(m_lines.begin() + std::ptrdiff_t(row), fresh[row]);
        endInsertRows();
    }
    // The same lines: only the rows that show something else change.
    for (std::size_t row = 0; row < fresh.size(); ++row) {
        if (sameContext && shown(m_lines[row]) == shown(fresh[row])) {
            m_lines[row] = fresh[row];
            continue;
        }
        m_lines[row] = fresh[row];
        emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
}

bool LineTableModel::keepsOrder(const std::vector<LineOutlook> &fresh) const
{
    // The lines both hold are in the same order in both.
    QHash<qint64, std::size_t> position;
    for (std::size_t i = 0; i < fresh.size(); ++i)
        position.insert(fresh[i].line.id, i);
    std::size_t previous = 0;
    bool any = false;
    for (const LineOutlook &line : m_lines) {
        const auto found = position.constFind(line.line.id);
        if (found == position.cend())
            continue;
        if (any && *found < previous)
            return false;
        previous = *found;
        any = true;
    }
    return true;
}

QVariantList LineTableModel::shown(const LineOutlook &line) const
{
    // What each cell shows, its tooltip and colour, and the value it sorts
    // by; for the run-out, the date it shows: its instant moves with the
    // clock, by the millisecond a write moves it too, every line's alike.
    QVariantList cells;
    cells.reserve(ColumnCount * 4 + 1);
    cells << int(stateKind(line));
    for (int column = 0; column < ColumnCount; ++column) {
        cells << text(line, column) << foreground(line, column)
              << (column == RunsOut ? QVariant() : raw(line, column));
        if (column == State)
            cells << stateText(line);
        else if (column == NextTopUp)
            cells << nextTopUpText(line, true);
    }
    return cells;
}

void LineTableModel::setDataUnits(DataUnits units)
{
    if (units == m_units)
        return;
    m_units = units;
    if (!m_lines.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void LineTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_lines.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const LineOutlook *LineTableModel::line(int row) const
{
    return row >= 0 && row < rowCount() ? &m_lines[std::size_t(row)] : nullptr;
}

int LineTableModel::rowOf(qint64 lineId) const
{
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].line.id == lineId)
            return int(i);
    }
    return -1;
}

LineTableModel::StateKind LineTableModel::stateKind(const LineOutlook &line)
{
    // The same order of questions as the line's card (LineCard::stateText).
    if (!line.line.policy)
        return StateKind::Off;
    if (!line.line.policy->enabled)
        return StateKind::Paused;
    if (line.methodRemoved)
        return StateKind::Stopped;
    if (!line.line.policy->threshold)
        return StateKind::On;
    switch (line.line.progress.state) {
    case ThresholdState::Armed:
        return StateKind::On;
    case ThresholdState::Retrying:
        return StateKind::Retrying;
    case ThresholdState::Suspended:
        return StateKind::Suspended;
    case ThresholdState::Blocked:
        return StateKind::Blocked;
    }
    return StateKind::On;
}

QString LineTableModel::stateKindName(StateKind kind)
{
    switch (kind) {
    case StateKind::On:
        //: A line's auto top-up state, as the dashboard's filter lists it
        return tr("On");
    case StateKind::Blocked:
        return tr("Blocked");
    case StateKind::Retrying:
        return tr("Retrying");
    case StateKind::Suspended:
        return tr("Suspended");
    case StateKind::Stopped:
        return tr("Stopped");
    case StateKind::Paused:
        return tr("Paused");
    case StateKind::Off:
        return tr("Off");
    }
    return {};
}

int LineTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LineTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LineTableModel::data(const QModelIndex &index, int role) const
{
    const LineOutlook *row = line(index.row());
    if (!row || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return text(*row, index.column());
    case Qt::ToolTipRole:
        // The whole text of a cell the column may elide; the state with its
        // reason; the next top-up with its trigger.
        if (index.column() == State)
            return stateText(*row);
        return index.column() == NextTopUp ? nextTopUpText(*row, true) : text(*row, index.column());
    case RawRole:
        return raw(*row, index.column());
    case LineIdRole:
        return row->line.id;
    case StateRole:
        return int(stateKind(*row));
    case Qt::TextAlignmentRole:
        if (index.column() == DataLeft || index.column() == VoiceLeft)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        return foreground(*row, index.column());
    default:
        return {};
    }
}

QVariant LineTableModel::foreground(const LineOutlook &line, int column) const
{
    const QPalette palette = QApplication::palette();
    if (column == State) {
        switch (stateKind(line)) {
        case StateKind::Blocked:
        case StateKind::Retrying:
            return stateColor(StateColor::Warning, palette);
        case StateKind::Suspended:
        case StateKind::Stopped:
            return stateColor(StateColor::Error, palette);
        default:
            return {};
        }
    }
    if (column == NextTopUp) {
        const PreviewItem *next = nextTopUp(line);
        if (next && next->blocked())
            return stateColor(StateColor::Warning, palette);
        if (next && !next->paid())
            return stateColor(StateColor::Error, palette);
    }
    if (column == DataLeft && line.line.dataBytes <= 0)
        return stateColor(StateColor::Error, palette);
    if (column == Spend && (line.thisMonth.lineCapReached() || line.thisMonth.countReached()))
        return stateColor(StateColor::Warning, palette);
    return {};
}

QVariant LineTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Line");
    case State:
        return tr("Auto top-up");
    case DataLeft:
        return tr("Data left");
    case VoiceLeft:
        //: The dashboard table's column of the minutes left
        return tr("Minutes");
    case RunsOut:
        return tr("Data runs out");
    case NextTopUp:
        return tr("Next top-up");
    case Spend:
        return tr("Spent this month");
    default:
        return {};
    }
}

QString LineTableModel::text(const LineOutlook &line, int column) const
{
    switch (column) {
    case Name:
        return line.line.name;
    case State:
        return stateKindName(stateKind(line)); // the whole sentence in the tooltip
    case DataLeft:
        return Formatter::data(line.line.dataBytes, m_units);
    case VoiceLeft:
        return Formatter::voice(line.line.voiceSeconds);
    case RunsOut:
        return runsOutText(line);
    case NextTopUp:
        return nextTopUpText(line, false);
    case Spend:
        return spendText(line);
    default:
        return {};
    }
}

QVariant LineTableModel::raw(const LineOutlook &line, int column) const
{
    switch (column) {
    case Name:
        return line.line.name;
    case State:
        return int(stateKind(line));
    case DataLeft:
        return line.line.dataBytes;
    case VoiceLeft:
        return line.line.voiceSeconds;
    case RunsOut:
        // Run out first, then the soonest run-out, then the lines not being used.
        if (line.line.dataBytes <= 0)
            return first;
        return line.forecast.runOut && line.forecast.perDay > 0 ? line.forecast.runOut->msecs() : last;
    case NextTopUp: {
        const PreviewItem *next = nextTopUp(line);
        return next ? next->at.msecs() : last;
    }
    case Spend:
        return line.thisMonth.lineSpend.cents();
    default:
        return {};
    }
}

QString LineTableModel::stateText(const LineOutlook &line) const
{
    switch (stateKind(line)) {
    case StateKind::Off:
        return tr("Off — no rules");
    case StateKind::Paused:
        return tr("Paused");
    case StateKind::Stopped:
        return tr("Stopped — payment method removed");
    case StateKind::On:
        return line.line.policy->threshold ? tr("On") : tr("On — monthly only");
    case StateKind::Retrying:
        return tr("Retrying after a failed payment");
    case StateKind::Suspended:
        return tr("Suspended — the payments failed");
    case StateKind::Blocked:
        if (line.blockedReason)
            //: A line's threshold trigger blocked until the next month, and why
            return tr("Blocked until the 1st — %1").arg(Wording::reason(*line.blockedReason));
        return tr("Blocked until the 1st — a monthly budget");
    }
    return {};
}

QString LineTableModel::runsOutText(const LineOutlook &line) const
{
    if (line.line.dataBytes <= 0)
        return tr("Run out");
    if (!line.forecast.runOut || line.forecast.perDay == 0)
        return tr("No recent use");
    //: When data runs out at the last 7 days' pace
    return tr("about %1").arg(Formatter::dayMonth(*line.forecast.runOut, m_zone));
}

QString LineTableModel::nextTopUpText(const LineOutlook &line, bool withTrigger) const
{
    const PreviewItem *next = nextTopUp(line);
    if (!next)
        return tr("None ahead");
    const QString when = Formatter::dayMonth(next->at, m_zone);
    const QString package = m_context.packageNames.value(next->package, next->package);
    if (withTrigger) {
        const QString trigger = Wording::trigger(next->trigger);
        if (next->blocked())
            //: The next top-up: when, its trigger, its package, why a limit will block it
            return tr("%1 (%2): %3 — blocked: %4").arg(when, trigger, package, Wording::reason(next->reason));
        if (!next->paid())
            //: The next top-up: when, its trigger, its package, why its payment will fail
            return tr("%1 (%2): %3 — will fail: %4").arg(when, trigger, package, Wording::reason(next->reason));
        //: The next top-up: when, its trigger, its package
        return tr("%1 (%2): %3").arg(when, trigger, package);
    }
    // One that will not be paid: why, rather than which package (in the tooltip).
    if (next->blocked())
        //: The next top-up in the dashboard's table: when, why a limit will block it
        return tr("%1 — blocked: %2").arg(when, Wording::reason(next->reason));
    if (!next->paid())
        //: The next top-up in the dashboard's table: when, why its payment will fail
        return tr("%1 — will fail: %2").arg(when, Wording::reason(next->reason));
    //: The next top-up in the dashboard's table: when, its package
    return tr("%1: %2").arg(when, package);
}

QString LineTableModel::spendText(const LineOutlook &line) const
{
    // Against the line's cap when it has one (the card counts the top-ups).
    const LimitUse &month = line.thisMonth;
    if (!month.lineCap)
        return Formatter::money(month.lineSpend, m_context.currency);
    //: This month's spend of a line against its cap: "4.00 of 10.00 EUR"
    return tr("%1 of %2").arg(Formatter::moneyNumber(month.lineSpend), Formatter::money(*month.lineCap, m_context.currency));
}

} // namespace topup
