#pragma once

#include <QList>
#include <QObject>
#include <QSqlDriver>
#include <QString>

#include <optional>

namespace topup {

class Database;

// What a write changed, told to the other programs that have the same world
// open on PostgreSQL, and what they told: a NOTIFY on the store's database
// (channel `topup_world`) after each committed write, heard through LISTEN
// (QSqlDriver::subscribeToNotification) on the store's own connection, so
// in the thread that opened it and while its event loop runs. Each desktop
// then refreshes what it shows within a second of another's write. A notice
// this program sent itself is not heard back; on SQLite there is nothing to
// tell (one program per folder) and nothing is sent or heard.
class WorldNotices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorldNotices)

public:
    // What changed: the world moved on (the clock, and with it anything), an
    // account's lines, methods, attempts or alerts, or its own settings.
    enum class Kind { World, LinesChanged, LineAdded, LineRemoved, MethodsChanged, MethodAdded, MethodRemoved, AttemptsAdded,
                      AlertsAdded, AlertRead, AllAlertsRead, Account };
    struct Notice final
    {
        Kind kind = Kind::World;
        qint64 account = 0; // 0: every account's (the world moved on)
        QList<qint64> ids;  // the lines, methods or alert it names

        bool operator==(const Notice &other) const
        {
            return kind == other.kind && account == other.account && ids == other.ids;
        }
    };
    // The channel, one per world: notices are per database, and the store's names the world.
    static constexpr const char *channel = "topup_world";
    // PostgreSQL takes a payload of less than 8 000 bytes: a notice naming
    // more ids than fit says the world moved on instead (everything is read again).
    static constexpr int longestPayload = 7'900;

    // Listens on the store's connection when it is on a server.
    explicit WorldNotices(Database &store, QObject *parent = nullptr);
    ~WorldNotices() override;

    bool listening() const noexcept { return m_listening; }
    // Tells the others; nothing on SQLite. A notice that cannot be sent (the
    // connection lost) is dropped: the write it follows stands, and the
    // others see it when they next read.
    void tell(const Notice &notice);

    // "lines 7 3,4": the kind, the account, the ids; and back (none: not a notice of ours).
    static QString payloadOf(const Notice &notice);
    static std::optional<Notice> parse(const QString &payload);

signals:
    // Another program changed the world as `notice` says.
    void heard(const topup::WorldNotices::Notice &notice);

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    Database &m_store;
    bool m_listening = false;
};

} // namespace topup
