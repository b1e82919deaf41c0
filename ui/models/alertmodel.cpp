#include "alertmodel.h"

#include "text/wording.h"
#include "text/formatter.h"
#include "service/service.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace topup {
namespace {

// A "while you were away" summary keeps its read state by this key, for the session.
QString awayKey(Instant at)
{
    return QStringLiteral("away/%1").arg(at.msecs());
}

} // namespace

AlertModel::AlertModel(Service &service, int pageSize, QObject *parent)
    : QAbstractTableModel(parent), m_service(service), m_pageSize(std::max(1, pageSize))
{
    // New alerts, and the names the sentences give (a line renamed or
    // removed, a method removed); an alert read changes its row alone.
    const auto later = [this] { reloadSoon(); };
    connect(&m_service, &Service::worldAdvanced, this, later);
    connect(&m_service, &Service::alertsAdded, this, later);
    connect(&m_service, &Service::linesChanged, this, later);
    connect(&m_service, &Service::lineRemoved, this, later);
    connect(&m_service, &Service::methodRemoved, this, later);
    connect(&m_service, &Service::alertRead, this, &AlertModel::followRead);
    connect(&m_service, &Service::allAlertsRead, this, &AlertModel::followAllRead);
    connect(&m_service, &Service::accountChanged, this, [this] {
        m_away.clear();
        m_readKeys.clear();
        beginResetModel();
        m_items.clear();
        m_exhausted = false;
        endResetModel();
        reload();
    });
    connect(&m_service, &Service::catchUpFinished, this, [this](const CatchUpSummary &summary, const QString &error) {
        if (error.isEmpty() && m_service.account())
            addAwaySummary(summary.forAccount(m_service.account()->id)); // this account's part only
    });
    reload();
}

void AlertModel::addAwaySummary(const CatchUpSummary &summary)
{
    if (summary.topUps + summary.failures + summary.blocked == 0)
        return;
    m_away.emplace_back(summary, summary.to);
    reload();
}

std::vector<AlertModel::Item> AlertModel::itemsOf(const std::vector<AlertRow> &stored, std::optional<Instant> newerThan) const
{
    std::vector<Item> items;
    for (const AlertRow &alert : stored)
        items.push_back(Item{alert, QString(), Wording::describe(alert, m_context)});
    // The summaries in the stretch of time these alerts cover: the later pages bring the older ones.
    for (const auto &[summary, at] : m_away) {
        const bool covered = m_exhausted || (!stored.empty() && !(at < stored.back().at));
        if (!covered || (newerThan && !(at < *newerThan)))
            continue;
        Item item;
        item.row.at = at;
        item.away = true;
        item.key = awayKey(at);
        item.row.read = m_readKeys.contains(item.key);
        item.message = tr("While you were away (%1 to %2): top-ups paid %3, failed %4, blocked %5; spent %6.")
                           .arg(Formatter::dateTime(summary.from, m_zone), Formatter::dateTime(summary.to, m_zone))
                           .arg(summary.topUps)
                           .arg(summary.failures)
                           .arg(summary.blocked)
                           .arg(Formatter::money(summary.spend, m_currency));
        items.push_back(item);
    }
    std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) { return a.row.at > b.row.at; });
    return items;
}

void AlertModel::reload()
{
    m_zone = Formatter::zoneOf(m_service);
    m_context = AlertContext::of(m_service);
    m_currency = m_context.currency;
    // As many stored alerts as the view holds (in one query), so a reload
    // keeps the place scrolled to; all of them once it held all.
    const int held = int(std::count_if(m_items.begin(), m_items.end(), [](const Item &item) { return item.key.isEmpty(); }));
    const int limit = m_exhausted && held > 0 ? -1 : std::max(m_pageSize, held);
    const Expected<std::vector<AlertRow>> alerts = m_service.alerts(false, limit);
    const std::vector<AlertRow> stored = alerts ? *alerts : std::vector<AlertRow>();
    m_exhausted = limit < 0 || int(stored.size()) < limit;
    m_lastStored = stored.empty() ? std::nullopt : std::optional<HistoryKey>(HistoryKey{stored.back().at, stored.back().id});
    const Expected<int> unread = m_service.unreadAlertCount();
    m_storedUnread = unread ? *unread : 0;
    std::vector<Item> fresh = itemsOf(stored, std::nullopt);
    // The same alerts in the same order: refresh the cells and keep the selection.
    const bool sameRows = !m_items.empty() && m_items.size() == fresh.size()
                          && std::equal(m_items.begin(), m_items.end(), fresh.begin(), [](const Item &a, const Item &b) {
                                 return a.row.id == b.row.id && a.key == b.key;
                             });
    if (sameRows) {
        m_items.swap(fresh);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_items.swap(fresh);
        endResetModel();
    }
    announceUnread();
}

void AlertModel::reloadSoon()
{
    if (m_reload.request())
        return;
    const Expected<int> unread = m_service.unreadAlertCount();
    m_storedUnread = unread ? *unread : m_storedUnread;
    announceUnread();
}

void AlertModel::setLive(bool live)
{
    m_reload.setLive(live);
}

bool AlertModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && m_lastStored.has_value();
}

void AlertModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const Instant newerThan = m_lastStored->at;
    const Expected<std::vector<AlertRow>> alerts = m_service.alerts(false, m_pageSize, m_lastStored);
    const std::vector<AlertRow> page = alerts ? *alerts : std::vector<AlertRow>();
    m_exhausted = int(page.size()) < m_pageSize;
    if (!page.empty())
        m_lastStored = HistoryKey{page.back().at, page.back().id};
    std::vector<Item> more = itemsOf(page, newerThan);
    if (more.empty())
        return;
    beginInsertRows({}, int(m_items.size()), int(m_items.size() + more.size()) - 1);
    m_items.insert(m_items.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    endInsertRows();
}

void AlertModel::announceUnread()
{
    const int unread = unreadCount();
    if (unread != m_lastUnread) {
        m_lastUnread = unread;
        emit unreadCountChanged(unread);
    }
}

int AlertModel::unreadCount() const
{
    const auto awayUnread = std::count_if(m_away.begin(), m_away.end(), [this](const auto &away) {
        return !m_readKeys.contains(awayKey(away.second));
    });
    return m_storedUnread + int(awayUnread);
}

void AlertModel::markRead(int row)
{
    if (row < 0 || row >= int(m_items.size()) || m_items[std::size_t(row)].row.read)
        return;
    Item &item = m_items[std::size_t(row)];
    if (item.key.isEmpty()) {
        (void)m_service.markAlertRead(item.row.id); // its alertRead marks the row (followRead)
        return;
    }
    item.row.read = true;
    m_readKeys.insert(item.key);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    announceUnread();
}

void AlertModel::followRead(qint64 alertId)
{
    const auto held = std::find_if(m_items.begin(), m_items.end(),
                                   [alertId](const Item &item) { return item.key.isEmpty() && item.row.id == alertId; });
    if (held == m_items.end()) {
        // Not held (further down than the view scrolled): only the count changes.
        const Expected<int> unread = m_service.unreadAlertCount();
        m_storedUnread = unread ? *unread : m_storedUnread;
    } else if (!held->row.read) {
        held->row.read = true;
        m_storedUnread = std::max(0, m_storedUnread - 1);
        const int row = int(held - m_items.begin());
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    announceUnread();
}

void AlertModel::markAllRead()
{
    // One write for every stored alert, loaded or not (followAllRead marks the rows).
    if (!m_service.markAllAlertsRead())
        return;
    for (const auto &away : m_away)
        m_readKeys.insert(awayKey(away.second));
    for (std::size_t row = 0; row < m_items.size(); ++row) {
        Item &item = m_items[row];
        if (item.away && !item.row.read) {
            item.row.read = true;
            emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        }
    }
    announceUnread();
}

void AlertModel::followAllRead()
{
    m_storedUnread = 0;
    for (Item &item : m_items) {
        if (item.key.isEmpty())
            item.row.read = true;
    }
    if (!m_items.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    announceUnread();
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int AlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_items.size()))
        return {};
    const Item &item = m_items[std::size_t(index.row())];
    const StateColor state = item.away ? StateColor::Info : Wording::severity(item.row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Time:
            return Formatter::dateTime(item.row.at, m_zone);
        case Message:
            return item.message;
        case State:
            return item.row.read ? tr("Read") : tr("New");
        default:
            return {};
        }
    case RawRole:
        return index.column() == Time ? QVariant(item.row.at.msecs()) : data(index, Qt::DisplayRole);
    case KindRole:
        return item.away ? QStringLiteral("away") : alertKindName(item.row.kind);
    case ReadRole:
        return item.row.read;
    case Qt::DecorationRole:
        return index.column() == Message ? QVariant(stateIcon(state)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == State && !item.row.read ? QVariant(stateColor(StateColor::Info, QGuiApplication::palette()))
                                                         : QVariant();
    case Qt::FontRole: {
        if (item.row.read || index.column() != Message)
            return {};
        QFont font;
        font.setBold(true);
        return font;
    }
    default:
        return {};
    }
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("When");
    case Message:
        return tr("Alert");
    case State:
        return tr("State");
    default:
        return {};
    }
}

} // namespace topup
