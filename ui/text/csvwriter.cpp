#include "csvwriter.h"

#include <QCoreApplication>
#include <QIODevice>

namespace topup {

QString CsvWriter::field(const QString &value)
{
    const bool quoted = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
                        || value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'));
    if (!quoted)
        return value;
    QString text = value;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString CsvWriter::record(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &value : fields)
        escaped << field(value);
    return escaped.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

void CsvWriter::append(QByteArray &bytes, const QString &value)
{
    // Plain ASCII without anything to quote, the usual field, is copied as
    // it is; the rest goes through field() and UTF-8.
    const qsizetype start = bytes.size();
    bytes.resize(start + value.size());
    char *out = bytes.data() + start;
    for (const QChar c : value) {
        const char16_t unit = c.unicode();
        if (unit >= 0x80 || unit == u',' || unit == u'"' || unit == u'\r' || unit == u'\n') {
            bytes.resize(start);
            bytes += field(value).toUtf8();
            return;
        }
        *out++ = char(unit);
    }
}

Expected<void> CsvWriter::write(const QStringList &fields)
{
    m_record.resize(0);
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_record += ',';
        append(m_record, fields[i]);
    }
    m_record += "\r\n";
    if (m_device.write(m_record) != m_record.size())
        return Expected<void>::failure(
            QCoreApplication::translate("topup::CsvWriter", "could not write: %1").arg(m_device.errorString()),
            QCoreApplication::translate("topup::CsvWriter", "Could not write: %1.").arg(m_device.errorString()));
    return {};
}

} // namespace topup
