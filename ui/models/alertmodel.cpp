#include "alertmodel.h"

#include "wording.h"
#include "formatter.h"
#include "service/service.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace topup {
AlertModel::AlertModel(Service &service, QObject *parent) : QAbstractTableModel(parent), m_service(service)
{
    m_reloadLater.setSingleShot(true);
    m_reloadLater.setInterval(0);
    connect(&m_reloadLater, &QTimer::timeout, this, &AlertModel::reload);
    for (auto signal : {&Service::alertsChanged, &Service::methodsChanged, &Service::linesChanged})
        connect(&m_service, signal, &m_reloadLater, qOverload<>(&QTimer::start));
    connect(&m_service, &Service::accountChanged, this, [this] {
        m_away.clear();
        m_readKeys.clear();
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

void AlertModel::reload()
{
    std::vector<Item> before;
    before.swap(m_items);
    m_zone = Formatter::zoneOf(m_service);
    const AlertContext context = AlertContext::of(m_service);
    m_currency = context.currency;
    if (const Expected<std::vector<AlertRow>> alerts = m_service.alerts()) {
        for (const AlertRow &alert : *alerts)
            m_items.push_back(Item{alert, QString(), Wording::describe(alert, context)});
    }
    for (const auto &[summary, at] : m_away) {
        Item item;
        item.row.at = at;
        item.row.kind = QStringLiteral("away");
        item.key = QStringLiteral("away/%1").arg(at.msecs());
        item.row.read = m_readKeys.contains(item.key);
        item.message = tr("While you were away (%1 to %2): top-ups paid %3, failed %4, blocked %5; spent %6.")
                           .arg(Formatter::dateTime(summary.from, m_zone), Formatter::dateTime(summary.to, m_zone))
                           .arg(summary.topUps)
                           .arg(summary.failures)
                           .arg(summary.blocked)
                           .arg(Formatter::money(summary.spend, m_currency));
        m_items.push_back(item);
    }
    std::stable_sort(m_items.begin(), m_items.end(), [](const Item &a, const Item &b) { return a.row.at > b.row.at; });
    // The same alerts in the same order: refresh the cells and keep the selection.
    const bool sameRows = !before.empty() && before.size() == m_items.size()
                          && std::equal(before.begin(), before.end(), m_items.begin(), [](const Item &a, const Item &b) {
                                 return a.row.id == b.row.id && a.key == b.key;
                             });
    if (sameRows) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        // The view still holds the old rows until the reset: put them back for its begin.
        std::vector<Item> fresh;
        fresh.swap(m_items);
        m_items.swap(before);
        beginResetModel();
        m_items.swap(fresh);
        endResetModel();
    }
    announceUnread();
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
    return int(std::count_if(m_items.begin(), m_items.end(), [](const Item &item) { return !item.row.read; }));
}

void AlertModel::markRead(int row)
{
    if (row < 0 || row >= int(m_items.size()) || m_items[std::size_t(row)].row.read)
        return;
    Item &item = m_items[std::size_t(row)];
    if (item.key.isEmpty()) {
        if (!m_service.markAlertRead(item.row.id))
            return;
    } else {
        m_readKeys.insert(item.key);
    }
    // Shown at once; the service's alertsChanged reloads the list a moment later.
    item.row.read = true;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    announceUnread();
}

void AlertModel::markAllRead()
{
    for (int row = 0; row < int(m_items.size()); ++row)
        markRead(row);
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
    const QString &kind = item.row.kind;
    const StateColor state = kind == QLatin1String("topup_failed") || kind == QLatin1String("threshold_suspended") ? StateColor::Error
                             : kind == QLatin1String("away")                                                     ? StateColor::Info
                                                                                                                   : StateColor::Warning;
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
        return kind;
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
