#include "databaseurl.h"

#include <QSet>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>
#include <iterator>

namespace topup {
namespace {

using Result = Expected<DatabaseUrl>;

const QLatin1String schemes[] = {QLatin1String("postgresql://"), QLatin1String("postgres://")};
const QLatin1String sslModes[] = {QLatin1String("disable"), QLatin1String("allow"), QLatin1String("prefer"),
                                  QLatin1String("require"), QLatin1String("verify-ca"), QLatin1String("verify-full")};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// `part` with its %XX decoded, as UTF-8 text without control characters;
// an empty string is the error.
Expected<QString> decoded(const QString &part, const QString &what)
{
    const QByteArray bytes = part.toUtf8();
    QByteArray raw;
    raw.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) != '%') {
            raw.append(bytes.at(i));
            continue;
        }
        const int high = i + 2 < bytes.size() ? hexValue(bytes.at(i + 1)) : -1;
        const int low = high >= 0 ? hexValue(bytes.at(i + 2)) : -1;
        if (low < 0)
            return Expected<QString>::failure(DatabaseUrl::tr("the database URL's %1 has a '%' not followed by two hexadecimal digits").arg(what));
        raw.append(char(high * 16 + low));
        i += 2;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(raw);
    if (utf8.hasError())
        return Expected<QString>::failure(DatabaseUrl::tr("the database URL's %1 is not UTF-8 once decoded").arg(what));
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return Expected<QString>::failure(DatabaseUrl::tr("the database URL's %1 holds a control character").arg(what));
    }
    return text;
}

QString passwordRefused()
{
    return DatabaseUrl::tr("the database URL holds a password, which every user of this machine could read on the command line"
                           " or in the environment: leave it out and put it in ~/.pgpass or PGPASSWORD instead");
}

} // namespace

Expected<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString example = QStringLiteral("postgresql://USER@HOST:PORT/DBNAME");
    if (text.isEmpty())
        return Result::failure(tr("the database URL is empty; give one such as %1").arg(example));
    QString rest;
    for (const QLatin1String scheme : schemes) {
        if (text.startsWith(scheme))
            rest = text.mid(scheme.size());
    }
    if (rest.isNull())
        return Result::failure(tr("the database URL must start with postgresql:// (such as %1)").arg(example));
    if (rest.contains(QLatin1Char('#')))
        return Result::failure(tr("the database URL has a fragment ('#'), which means nothing here; a '#' in a part is written %23"));

    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    const QString query = question < 0 ? QString() : rest.mid(question + 1);
    const QString beforeQuery = question < 0 ? rest : rest.left(question);
    const qsizetype slash = beforeQuery.indexOf(QLatin1Char('/'));
    const QString authority = slash < 0 ? beforeQuery : beforeQuery.left(slash);
    const QString path = slash < 0 ? QString() : beforeQuery.mid(slash + 1);

    DatabaseUrl url;
    // USER@ — a ':' in it is a password, refused before anything else is said about it.
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QString userInfo = authority.left(at);
        if (userInfo.contains(QLatin1Char(':')))
            return Result::failure(passwordRefused());
        if (userInfo.isEmpty())
            return Result::failure(tr("the database URL's user name before '@' is empty; leave out the '@' for the login name"));
        const Expected<QString> user = decoded(userInfo, tr("user name"));
        if (!user)
            return Result::failure(user);
        url.m_user = *user;
    }
    // HOST:PORT, an IPv6 address in brackets.
    const QString hostPort = authority.mid(at + 1);
    QString hostText = hostPort;
    QString portText;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return Result::failure(tr("the database URL's host starts with '[' and has no ']'"));
        hostText = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(QLatin1Char(':')))
            return Result::failure(tr("the database URL has something other than :PORT after the host's ']'"));
        portText = after.mid(1);
        if (after.startsWith(QLatin1Char(':')) && portText.isEmpty())
            return Result::failure(tr("the database URL's port after ':' is empty"));
    } else if (const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        hostText = hostPort.left(colon);
        portText = hostPort.mid(colon + 1);
        if (portText.isEmpty())
            return Result::failure(tr("the database URL's port after ':' is empty"));
    }
    if (hostText.contains(QLatin1Char(',')))
        return Result::failure(tr("the database URL names several hosts; give one"));
    if (!portText.isEmpty()) {
        // Not quoted: in "postgresql://alice:secret/db" the "port" is a password.
        const bool digits = portText.size() <= 5
            && std::all_of(portText.begin(), portText.end(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
        const int port = digits ? portText.toInt() : 0;
        if (port < 1 || port > 65535)
            return Result::failure(tr("the database URL's port must be a whole number from 1 to 65535"));
        url.m_port = port;
    }
    if (!hostText.isEmpty()) {
        const Expected<QString> host = decoded(hostText, tr("host"));
        if (!host)
            return Result::failure(host);
        url.m_host = *host;
    }

    if (path.isEmpty())
        return Result::failure(tr("the database URL names no database; end it with /DBNAME (such as %1)").arg(example));
    const Expected<QString> database = decoded(path, tr("database name"));
    if (!database)
        return Result::failure(database);
    if (database->contains(QLatin1Char('/')))
        return Result::failure(tr("the database URL's database name holds a '/'; a database name is one word after the host"));
    url.m_database = *database;

    // ?host=/SOCKET/DIR&sslmode=MODE, each at most once.
    QSet<QString> given;
    const QStringList parameters = question < 0 ? QStringList() : query.split(QLatin1Char('&'));
    for (const QString &parameter : parameters) {
        const qsizetype equals = parameter.indexOf(QLatin1Char('='));
        const QString name = equals < 0 ? parameter : parameter.left(equals);
        if (name == QLatin1String("password"))
            return Result::failure(passwordRefused());
        if (name.isEmpty())
            return Result::failure(tr("the database URL has an empty parameter (\"&&\", a lone '=' or a trailing '?' or '&')"));
        if (name != QLatin1String("host") && name != QLatin1String("sslmode"))
            return Result::failure(tr("the database URL has the parameter \"%1\", which TopUp does not know (it knows host and sslmode)").arg(name));
        if (given.contains(name))
            return Result::failure(tr("the database URL gives the parameter %1 twice; give it once").arg(name));
        given.insert(name);
        if (equals < 0 || equals + 1 == parameter.size())
            return Result::failure(tr("the database URL's parameter %1 has no value").arg(name));
        const Expected<QString> value = decoded(parameter.mid(equals + 1), name);
        if (!value)
            return Result::failure(value);
        if (name == QLatin1String("host")) {
            if (!url.m_host.isEmpty())
                return Result::failure(tr("the database URL gives the host twice, before the database name and as ?host=; give it once"));
            url.m_host = *value;
        } else {
            if (std::find(std::begin(sslModes), std::end(sslModes), *value) == std::end(sslModes))
                return Result::failure(tr("the database URL's sslmode must be disable, allow, prefer, require, verify-ca or verify-full (got \"%1\")")
                                           .arg(*value));
            url.m_sslMode = *value;
        }
    }
    return url;
}

QString DatabaseUrl::toString() const
{
    QString text = QStringLiteral("postgresql://");
    if (!m_user.isEmpty())
        text += QString::fromLatin1(QUrl::toPercentEncoding(m_user)) + QLatin1Char('@');
    const bool socketFolder = m_host.startsWith(QLatin1Char('/'));
    if (!socketFolder && !m_host.isEmpty())
        text += m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']')
                                                  : QString::fromLatin1(QUrl::toPercentEncoding(m_host));
    if (m_port != 0)
        text += QLatin1Char(':') + QString::number(m_port);
    text += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(m_database));
    QStringList parameters;
    if (socketFolder)
        parameters << QStringLiteral("host=") + QString::fromLatin1(QUrl::toPercentEncoding(m_host, "/"));
    if (!m_sslMode.isEmpty())
        parameters << QStringLiteral("sslmode=") + m_sslMode;
    if (!parameters.isEmpty())
        text += QLatin1Char('?') + parameters.join(QLatin1Char('&'));
    return text;
}

} // namespace topup
