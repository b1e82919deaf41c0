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

Expected<bool> CsvWriter::write(const QStringList &fields)
{
    const QByteArray bytes = record(fields).toUtf8();
    if (m_device.write(bytes) != bytes.size())
        return Expected<bool>::failure(
            QCoreApplication::translate("topup::CsvWriter", "could not write: %1").arg(m_device.errorString()));
    return true;
}

} // namespace topup
