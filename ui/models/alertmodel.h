#pragma once

#include "models/deferredreload.h"
#include "service/worldsync.h"
#include "text/wording.h"
#include "domain/historyrows.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimeZone>

#include <optional>

#include <vector>

namespace topup {

class Service;

// The account's alerts, newest first: those the service stores (failed and
// blocked top-ups, suspended triggers, cards expiring, low funds on a method
// a policy uses) and the "while you were away" summary of a catch-up this
// session. Each reads as a sentence. Fetches a page at a time as the view
// scrolls (the page after the last stored alert it holds, by key); the
// unread count is the store's, not the rows held.
class AlertModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertModel)

public:
    enum Column { Time, Message, State, ColumnCount };
    static constexpr int RawRole = Qt::UserRole + 1;
    static constexpr int KindRole = Qt::UserRole + 2;
    static constexpr int ReadRole = Qt::UserRole + 3;

    explicit AlertModel(Service &service, int pageSize = 200, QObject *parent = nullptr);

    int unreadCount() const;
    void markRead(int row);
    void markAllRead();
    void addAwaySummary(const CatchUpSummary &summary);
    // While not live (its page hidden), a change reads the unread count
    // only (the side bar shows it) and marks the rows stale; made live
    // again, it reloads them once if so.
    void setLive(bool live);
    bool isStale() const noexcept { return m_reload.isStale(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

public slots:
    void reload();

signals:
    void unreadCountChanged(int count);

private:
    struct Item
    {
        AlertRow row;   // id 0 for the "while you were away" summaries
        QString key;    // those keep their read state by key, for this session
        QString message;
        bool away = false; // a "while you were away" summary, no stored alert
    };
    void announceUnread();
    void reloadSoon();
    // The service says a stored alert (or every one) was read: its row, the count.
    void followRead(qint64 alertId);
    void followAllRead();
    // `stored` worded, with the away summaries from `newerThan` (exclusive)
    // down to the oldest of them (inclusive; every one left when exhausted), newest first.
    std::vector<Item> itemsOf(const std::vector<AlertRow> &stored, std::optional<Instant> newerThan) const;

    Service &m_service;
    int m_pageSize;
    std::vector<Item> m_items;
    std::optional<HistoryKey> m_lastStored; // the oldest stored alert held
    bool m_exhausted = false;
    int m_storedUnread = 0;
    AlertContext m_context;
    std::vector<std::pair<CatchUpSummary, Instant>> m_away;
    QSet<QString> m_readKeys;
    QTimeZone m_zone;
    QString m_currency;
    int m_lastUnread = -1;
    DeferredReload m_reload{[this] { reload(); }};
};

} // namespace topup
