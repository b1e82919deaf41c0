#pragma once

#include "domain/expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class QIODevice;

namespace topup {

// Comma-separated values as RFC 4180 writes them: a field holding a comma,
// a double quote, CR or LF is put in double quotes with its quotes doubled,
// and every record, the last one included, ends with CRLF. UTF-8, no BOM.
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice &device) : m_device(device) {}

    [[nodiscard]] static QString field(const QString &value);
    [[nodiscard]] static QString record(const QStringList &fields);

    // False, with the device's error, when a write fails.
    [[nodiscard]] Expected<void> write(const QStringList &fields);

private:
    // One field, quoted if need be, as UTF-8 at the end of `bytes`.
    static void append(QByteArray &bytes, const QString &value);

    QIODevice &m_device;
    QByteArray m_record; // the record being written, its memory kept from one to the next
};

} // namespace topup
