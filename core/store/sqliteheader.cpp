#include "sqliteheader.h"

#include "database.h"

#include <QFile>
#include <QFileInfo>

namespace topup {
namespace {

quint32 bigEndian32(const QByteArray &bytes, int at)
{
    return quint32(uchar(bytes[at])) << 24 | quint32(uchar(bytes[at + 1])) << 16 | quint32(uchar(bytes[at + 2])) << 8
        | quint32(uchar(bytes[at + 3]));
}

} // namespace

Expected<SqliteHeader> SqliteHeader::read(const QString &path, const Schema &schema, bool mustExist)
{
    using Result = Expected<SqliteHeader>;
    const QFileInfo info(path);
    if (!info.exists()) {
        if (mustExist)
            return Result::failure(Database::missing(Database::tr("%1: missing (the %2)").arg(path, schema.name), path));
        return SqliteHeader{};
    }
    if (!info.isFile())
        return Result::failure(Database::notOurs(Database::tr("%1: not a file (the %2 must be a file)").arg(path, schema.name), path));
    if (info.size() == 0)
        return Result::failure(Database::notOurs(Database::tr("%1: not a TopUp database (the file is empty); refused and left untouched").arg(path), path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result::failure(Database::unreadable(Database::tr("%1: cannot read: %2").arg(path, file.errorString()), path, file.errorString()));
    const QByteArray header = file.read(100);
    if (!header.startsWith(QByteArray("SQLite format 3\0", 16)))
        return Result::failure(Database::notOurs(Database::tr("%1: not a TopUp database (the file is not SQLite)").arg(path), path));
    if (file.size() < 512 || header.size() < 100)
        return Result::failure(Database::damaged(path, Database::tr("the file is truncated")));
    SqliteHeader read;
    read.exists = true;
    const int rawPageSize = int(uchar(header[16])) << 8 | int(uchar(header[17]));
    read.pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    if (read.pageSize < 512 || read.pageSize > 65536 || (read.pageSize & (read.pageSize - 1)) != 0)
        return Result::failure(
            Database::damaged(path, Database::tr("its header gives a page size of %1 bytes, which SQLite never writes").arg(rawPageSize)));
    if (uchar(header[21]) != 64 || uchar(header[22]) != 32 || uchar(header[23]) != 32)
        return Result::failure(Database::damaged(path, Database::tr("its header's payload fractions are %1, %2 and %3 instead of 64, 32 and 32")
                                                           .arg(uchar(header[21]))
                                                           .arg(uchar(header[22]))
                                                           .arg(uchar(header[23]))));
    read.wal = header[18] == 2 && header[19] == 2;
    const quint32 pages = bigEndian32(header, 28);
    if (pages > 0 && bigEndian32(header, 92) == bigEndian32(header, 24))
        read.pageCount = qint64(pages);
    // The owner's write bit too: root may write anywhere, but a file made
    // read-only on purpose is not ours to write.
    if (!info.isWritable() || !info.permission(QFileDevice::WriteOwner))
        return Result::failure(Database::readOnly(path));
    return read;
}

Expected<void> SqliteHeader::checkSize(const QString &path) const
{
    if (!pageCount)
        return {};
    const qint64 size = QFileInfo(path).size();
    const qint64 expected = *pageCount * pageSize;
    if (size < expected)
        return Expected<void>::failure(Database::damaged(path, Database::tr("the file is truncated: %1 bytes, where its header says %2 pages of %3 bytes")
                                                                   .arg(size)
                                                                   .arg(*pageCount)
                                                                   .arg(pageSize)));
    if (size > expected)
        return Expected<void>::failure(Database::damaged(path, Database::tr("%1 bytes, more than the %2 pages of %3 bytes its header says")
                                                                   .arg(size)
                                                                   .arg(*pageCount)
                                                                   .arg(pageSize)));
    return {};
}

} // namespace topup
