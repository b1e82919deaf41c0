#pragma once

// What the usage tests read back and set up: a table's rows, the samples
// usage_recent holds, its rows' keys and texts, an account with lines.
#include "store/database.h"
#include "store/hoursrow.h"
#include "store/samplesrow.h"
#include "store/statement.h"

#include <QSqlQuery>
#include <QStringList>

namespace topup::test {

inline QStringList rowsOf(Database &db, const char *table)
{
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(QLatin1String(table)));
    QStringList rows;
    while (query.next())
        rows << QStringLiteral("%1|%2|%3|%4").arg(query.value(0).toString(), query.value(1).toString(),
                                                  query.value(2).toString(), query.value(3).toString());
    return rows;
}

// The samples usage_recent holds, one "line|at_ms|data|voice" a sample, in order.
inline QStringList samplesOf(Database &db)
{
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral("SELECT line_id, hour, samples FROM usage_recent ORDER BY 1, 2"));
    QStringList rows;
    while (query.next()) {
        const Expected<SamplesRow> hour = SamplesRow::parse(query.value(2).toByteArray(), query.value(1).toLongLong());
        if (!hour)
            return {QStringLiteral("damaged: ") + hour.error()};
        for (const SamplesRow::Sample &sample : hour->samples())
            rows << QStringLiteral("%1|%2|%3|%4")
                        .arg(query.value(0).toLongLong())
                        .arg(SamplesRow::startOf(query.value(1).toLongLong()) + sample.offsetMs)
                        .arg(sample.dataBytes)
                        .arg(sample.voiceSeconds);
    }
    return rows;
}

// The hourly roll-ups usage_hours holds, one "line|hour|data|voice" an
// hour (hours since 1970), in order.
inline QStringList hoursOf(Database &db)
{
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral("SELECT line_id, day, hours FROM usage_hours ORDER BY 1, 2"));
    QStringList rows;
    while (query.next()) {
        const Expected<HoursRow> day = HoursRow::parse(query.value(2).toByteArray());
        if (!day)
            return {QStringLiteral("damaged: ") + day.error()};
        for (const HoursRow::Hour &hour : day->hours())
            rows << QStringLiteral("%1|%2|%3|%4")
                        .arg(query.value(0).toLongLong())
                        .arg(HoursRow::firstHourOf(query.value(1).toLongLong()) + hour.hour)
                        .arg(hour.dataBytes)
                        .arg(hour.voiceSeconds);
    }
    return rows;
}

// The keys of usage_recent's rows as "line|hour", in order.
inline QStringList recentKeysOf(Database &db)
{
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral("SELECT line_id, hour FROM usage_recent ORDER BY 1, 2"));
    QStringList rows;
    while (query.next())
        rows << QStringLiteral("%1|%2").arg(query.value(0).toLongLong()).arg(query.value(1).toLongLong());
    return rows;
}

// The rows of usage_recent as they are stored, the samples' text unparsed.
inline QStringList recentRowsOf(Database &db)
{
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral("SELECT line_id, hour, samples FROM usage_recent ORDER BY 1, 2"));
    QStringList rows;
    while (query.next())
        rows << QStringLiteral("%1|%2|%3").arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString());
    return rows;
}

// An account and lines 1 to `count`.
inline Expected<void> addLines(Database &database, int count)
{
    Statement setup(database, QStringLiteral("INSERT INTO accounts (id, login, password_hash, currency, timezone, created_ms)"
                                             " VALUES (1, 'a@b.example', 'x', 'USD', 'Asia/Kolkata', 0)"));
    if (const auto ran = setup.run(); !ran)
        return ran;
    Statement line(database, QStringLiteral("INSERT INTO lines (id, account_id, code, name, data_bytes, voice_seconds) VALUES (?, 1, ?, ?, 0, 0)"));
    for (int id = 1; id <= count; ++id) {
        line.bind(id).bind(QStringLiteral("c%1").arg(id)).bind(QStringLiteral("Line %1").arg(id));
        if (const auto ran = line.run(); !ran)
            return ran;
    }
    return {};
}

inline Expected<void> addTwoLines(Database &database)
{
    Statement setup(database, QStringLiteral("INSERT INTO accounts (id, login, password_hash, currency, timezone, created_ms)"
                                             " VALUES (1, 'a@b.example', 'x', 'USD', 'America/New_York', 0)"));
    if (const auto ran = setup.run(); !ran)
        return ran;
    Statement lines(database, QStringLiteral("INSERT INTO lines (id, account_id, code, name, data_bytes, voice_seconds)"
                                             " VALUES (1, 1, 'a', 'A', 0, 0), (2, 1, 'b', 'B', 0, 0)"));
    return lines.run();
}

} // namespace topup::test
