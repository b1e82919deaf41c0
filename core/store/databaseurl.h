#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QString>

namespace topup {

// Where a world on PostgreSQL lives, as `--database` and `TOPUP_DATABASE`
// give it, in libpq's URL form:
//
//   postgresql://USER@HOST:PORT/DBNAME          over TCP
//   postgresql://USER@/DBNAME?host=/SOCKET/DIR  over a Unix socket
//
// (`postgres://` too; USER, HOST and PORT may be left out for libpq's
// defaults: the login name, the system's socket folder, 5432). Parts may be
// percent-encoded. Only `host` and `sslmode` are understood as parameters.
//
// Refused, with a message naming the part at fault and never quoting the
// URL: an empty text, another scheme, a password (it belongs in ~/.pgpass or
// PGPASSWORD, not on a command line every user can read in ps or in the
// logs), a missing database name, a port that is not 1–65535, a parameter
// given twice or unknown, a host given both before the path and as a
// parameter, a fragment, a broken percent-encoding. A DatabaseUrl holds no
// password, so it can be shown and logged as it is.
class DatabaseUrl final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseUrl)

public:
    static Expected<DatabaseUrl> parse(const QString &text);

    // Empty: libpq's default (the login name; the system's socket folder).
    const QString &user() const noexcept { return m_user; }
    // A host name, an IP address, or a Unix socket's folder (starts with '/').
    const QString &host() const noexcept { return m_host; }
    bool viaSocket() const { return m_host.isEmpty() || m_host.startsWith(QLatin1Char('/')); }
    // 0: libpq's default (5432).
    int port() const noexcept { return m_port; }
    const QString &database() const noexcept { return m_database; }
    // Empty: libpq's default (prefer).
    const QString &sslMode() const noexcept { return m_sslMode; }

    // The same server, user and settings, another database on it.
    DatabaseUrl withDatabase(const QString &name) const
    {
        DatabaseUrl other = *this;
        other.m_database = name;
        return other;
    }

    // The URL written back in its canonical form (what is shown and logged).
    QString toString() const;

    friend bool operator==(const DatabaseUrl &a, const DatabaseUrl &b)
    {
        return a.m_user == b.m_user && a.m_host == b.m_host && a.m_port == b.m_port && a.m_database == b.m_database
            && a.m_sslMode == b.m_sslMode;
    }

private:
    DatabaseUrl() = default;

    QString m_user;
    QString m_host;
    int m_port = 0;
    QString m_database;
    QString m_sslMode;
};

} // namespace topup
