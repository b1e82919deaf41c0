#include "damagedfile.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>
#include <utility>
#include <vector>

namespace topup::test {
namespace {

// Runs `work` on a connection of its own, closed (and removed) afterwards.
template<typename Work>
auto withConnection(const QString &path, Work &&work) -> decltype(work(std::declval<QSqlDatabase &>()))
{
    using Result = decltype(work(std::declval<QSqlDatabase &>()));
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("damagedfile-%1").arg(counter.fetchAndAddRelaxed(1));
    std::optional<Result> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            result = Result::failure(QStringLiteral("%1: %2").arg(path, db.lastError().text()));
        else
            result = work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return *result;
}

} // namespace

Expected<void> fillUsageTable(const QString &path, const QString &table, int rows)
{
    return withConnection(path, [&](QSqlDatabase &db) -> Expected<void> {
        QSqlQuery query(db);
        const bool done = query.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %2)"
                                                    " INSERT INTO %1 (line_id, day, hours)"
                                                    " SELECT 1, -i, '0,' || (i * 7919 % 100000) || ',' || (i % 60) FROM n")
                                         .arg(table)
                                         .arg(rows));
        if (!done)
            return Expected<void>::failure(query.lastError().text());
        return {};
    });
}

Expected<Page> middleLeafOf(const QString &path, const QString &table)
{
    return withConnection(path, [&](QSqlDatabase &db) -> Expected<Page> {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA page_size")) || !query.next())
            return Expected<Page>::failure(query.lastError().text());
        const qint64 pageSize = query.value(0).toLongLong();
        query.finish();
        query.prepare(QStringLiteral("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno"));
        query.addBindValue(table);
        if (!query.exec())
            return Expected<Page>::failure(QStringLiteral("dbstat: %1").arg(query.lastError().text()));
        std::vector<qint64> leaves;
        while (query.next())
            leaves.push_back(query.value(0).toLongLong());
        if (leaves.size() < 3)
            return Expected<Page>::failure(
                QStringLiteral("%1 has %2 leaf pages, too few to damage one in the middle").arg(table).arg(leaves.size()));
        return Page{leaves[leaves.size() / 2], pageSize};
    });
}

Expected<void> scribbleOver(const QString &path, const Page &page)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek((page.number - 1) * page.size))
        return Expected<void>::failure(QStringLiteral("%1: %2").arg(path, file.errorString()));
    if (file.write(QByteArray(int(page.size), '\xa5')) != page.size)
        return Expected<void>::failure(QStringLiteral("%1: %2").arg(path, file.errorString()));
    return {};
}

Expected<void> damageIndexEntry(const QString &path, const QString &index, const QByteArray &key)
{
    const Expected<Page> root = withConnection(path, [&](QSqlDatabase &db) -> Expected<Page> {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA page_size")) || !query.next())
            return Expected<Page>::failure(query.lastError().text());
        const qint64 pageSize = query.value(0).toLongLong();
        query.finish();
        query.prepare(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = ?"));
        query.addBindValue(index);
        if (!query.exec() || !query.next())
            return Expected<Page>::failure(QStringLiteral("%1: no index %2").arg(path, index));
        return Page{query.value(0).toLongLong(), pageSize};
    });
    if (!root)
        return Expected<void>::failure(root.error());
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek((root->number - 1) * root->size))
        return Expected<void>::failure(QStringLiteral("%1: %2").arg(path, file.errorString()));
    QByteArray page = file.read(root->size);
    const qsizetype at = page.indexOf(key);
    if (at < 0)
        return Expected<void>::failure(QStringLiteral("%1: %2 is not in the root page of %3").arg(path, QString::fromUtf8(key), index));
    page[at + key.size() - 1] = char(page.at(at + key.size() - 1) ^ 0x01);
    if (!file.seek((root->number - 1) * root->size) || file.write(page) != page.size())
        return Expected<void>::failure(QStringLiteral("%1: %2").arg(path, file.errorString()));
    return {};
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace topup::test
