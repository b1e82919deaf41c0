#include "worldnotices.h"

#include "store/database.h"

#include <QSqlQuery>

#include <array>
#include <utility>

namespace topup {
namespace {

using Kind = WorldNotices::Kind;

// The word of each kind in a payload.
constexpr std::array<std::pair<Kind, const char *>, 12> kindWords{{
    {Kind::World, "world"},
    {Kind::LinesChanged, "lines"},
    {Kind::LineAdded, "line+"},
    {Kind::LineRemoved, "line-"},
    {Kind::MethodsChanged, "methods"},
    {Kind::MethodAdded, "method+"},
    {Kind::MethodRemoved, "method-"},
    {Kind::AttemptsAdded, "attempts"},
    {Kind::AlertsAdded, "alerts"},
    {Kind::AlertRead, "alert-read"},
    {Kind::AllAlertsRead, "alerts-read"},
    {Kind::Account, "account"},
}};

} // namespace

WorldNotices::WorldNotices(Database &store, QObject *parent) : QObject(parent), m_store(store)
{
    if (store.dialect().engine() != Dialect::Engine::Postgresql)
        return;
    QSqlDriver *driver = store.connection().driver();
    connect(driver, qOverload<const QString &, QSqlDriver::NotificationSource, const QVariant &>(&QSqlDriver::notification), this,
            &WorldNotices::onNotification);
    m_listening = driver->subscribeToNotification(QLatin1String(channel));
}

WorldNotices::~WorldNotices()
{
    if (m_listening)
        m_store.connection().driver()->unsubscribeFromNotification(QLatin1String(channel));
}

QString WorldNotices::payloadOf(const Notice &notice)
{
    QString word;
    for (const auto &[kind, name] : kindWords) {
        if (kind == notice.kind)
            word = QLatin1String(name);
    }
    QStringList ids;
    for (const qint64 id : notice.ids)
        ids << QString::number(id);
    const QString payload = QStringLiteral("%1 %2 %3").arg(word).arg(notice.account).arg(ids.join(QLatin1Char(','))).trimmed();
    if (payload.size() > longestPayload)
        return QStringLiteral("world 0");
    return payload;
}

std::optional<WorldNotices::Notice> WorldNotices::parse(const QString &payload)
{
    const QStringList parts = payload.split(QLatin1Char(' '));
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    Notice notice;
    bool known = false;
    for (const auto &[kind, name] : kindWords) {
        if (parts[0] == QLatin1String(name)) {
            notice.kind = kind;
            known = true;
        }
    }
    bool number = false;
    notice.account = parts[1].toLongLong(&number);
    if (!known || !number || notice.account < 0)
        return std::nullopt;
    if (parts.size() == 3) {
        for (const QString &id : parts[2].split(QLatin1Char(','))) {
            notice.ids << id.toLongLong(&number);
            if (!number || notice.ids.back() <= 0)
                return std::nullopt;
        }
    }
    return notice;
}

void WorldNotices::tell(const Notice &notice)
{
    if (!m_listening)
        return;
    QSqlQuery notify(m_store.connection());
    notify.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    notify.addBindValue(QLatin1String(channel));
    notify.addBindValue(payloadOf(notice));
    notify.exec(); // dropped when it fails: see tell()
}

void WorldNotices::onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    if (name != QLatin1String(channel) || source == QSqlDriver::SelfSource)
        return;
    if (const std::optional<Notice> notice = parse(payload.toString()))
        emit heard(*notice);
}

} // namespace topup
