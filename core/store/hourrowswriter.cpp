#include "hourrowswriter.h"

#include "arrayliteral.h"
#include "database.h"
#include "hoursrow.h"
#include "samplesrow.h"
#include "statement.h"
#include "textcolumn.h"
#include "textrows.h"
#include "usagebatch.h"
#include "usagestore.h"

#include <QHash>

#include <functional>
#include <utility>
#include <vector>

namespace topup {
namespace {

// As many rows a statement as the other usage tables' arrays (UsageStore).
constexpr std::size_t rowsPerStatement = 2000;

using Key = std::pair<qint64, qint64>; // the line's id, its UTC day

// Rows of hourly roll-ups, a batch at a time in two statements: the rows
// the batch's line-days already have are read, merged with the batch's
// hours in the program, and every row is written, new or merged (an
// upsert that replaces the text it read in the same transaction), its
// values in its text (the texts joined, TextColumn).
class HoursArrays final
{
public:
    explicit HoursArrays(Database &database)
        : m_database(database),
          m_select(database, QStringLiteral("SELECT u.line_id, u.day, u.hours FROM usage_hours u"
                                            " JOIN (%1) AS k (line_id, day) ON u.line_id = k.line_id AND u.day = k.day")
                                 .arg(database.dialect().rowsFromArrays({QStringLiteral("BIGINT"), QStringLiteral("BIGINT")})))
    {
    }

    Expected<void> add(qint64 line, qint64 day, const HoursRow &hours)
    {
        if (m_index.contains(Key{line, day})) {
            if (const Expected<void> written = flush(); !written)
                return written;
        }
        m_index.insert(Key{line, day}, m_pending.size());
        m_pending.push_back(Pending{line, day, hours});
        if (m_pending.size() >= rowsPerStatement)
            return flush();
        return {};
    }

    Expected<void> flush()
    {
        if (m_pending.empty())
            return {};
        ArrayLiteral lines, days;
        TextColumn texts;
        for (const Pending &each : m_pending) {
            lines.add(each.line);
            days.add(each.day);
        }
        m_select.set(0, lines.text()).set(1, days.text());
        Expected<void> result = m_select.run();
        while (result && m_select.next()) {
            const qint64 line = m_select.integer(0);
            const qint64 day = m_select.integer(1);
            Expected<HoursRow> held = UsageStore::readHours(m_database, line, day, m_select.text(2).toLatin1());
            if (!held) {
                result = Expected<void>::failure(held);
                break;
            }
            // The held hours first, then the batch's: the order row by row adds them in.
            HoursRow &pending = m_pending[m_index.value(Key{line, day})].hours;
            HoursRow sum = held.take();
            sum.add(pending);
            pending = std::move(sum);
        }
        m_select.finish();
        if (result) {
            QByteArray text;
            for (const Pending &each : m_pending) {
                each.hours.writeText(text);
                texts.add(text);
            }
            const Dialect &dialect = m_database.dialect();
            Statement upsert(m_database,
                             QStringLiteral("INSERT INTO usage_hours (line_id, day, hours) %1"
                                            " ON CONFLICT (line_id, day) DO UPDATE SET hours = excluded.hours")
                                 .arg(dialect.rowsFromArrayExpressions({Dialect::arrayOf(QStringLiteral("BIGINT"), lines.constant()),
                                                                        Dialect::arrayOf(QStringLiteral("BIGINT"), days.constant()),
                                                                        texts.arrayExpression()})),
                             Statement::Prepare::Never);
            result = upsert.run();
        }
        m_pending.clear();
        m_index.clear();
        return result;
    }

private:
    struct Pending final
    {
        qint64 line;
        qint64 day;
        HoursRow hours;
    };
    Database &m_database;
    Statement m_select;
    QHash<Key, std::size_t> m_index; // where each key is in m_pending
    std::vector<Pending> m_pending;
};

using EachRowOfHours = std::function<Expected<void>(qint64 line, qint64 day, const HoursRow &hours)>;

// Groups the batch's hourly roll-ups by line and UTC day (they come line by
// line in the order of time; an hour split by a run that ended inside it
// comes twice and is added up) and hands each group on, in that order.
Expected<void> forEachRowOfHours(const UsageBatch &batch, const EachRowOfHours &each)
{
    qint64 line = 0;
    qint64 day = 0;
    HoursRow hours;
    Expected<void> result;
    batch.forEachHour([&](qint64 lineId, const UsageBatch::Sum &sum) {
        if (!result)
            return;
        const qint64 hour = SamplesRow::hourOf(sum.key);
        const qint64 sumDay = HoursRow::dayOf(hour);
        if (hours.empty() || lineId != line || sumDay != day) {
            if (!hours.empty())
                result = each(line, day, hours);
            hours.clear();
            line = lineId;
            day = sumDay;
        }
        hours.add(int(hour - HoursRow::firstHourOf(day)), sum.dataBytes, sum.voiceSeconds);
    });
    if (!result || hours.empty())
        return result;
    return each(line, day, hours);
}

// The row of this line-day that an earlier save (or group) wrote: read,
// the hours added, written back.
Expected<void> addToHeldHours(Database &database, const TextRows &rows, qint64 line, qint64 day, const HoursRow &hours)
{
    const Expected<std::optional<QByteArray>> held = rows.select(line, day);
    if (!held)
        return Expected<void>::failure(held);
    Expected<HoursRow> merged = UsageStore::readHours(database, line, day, held->value_or(QByteArray()));
    if (!merged)
        return Expected<void>::failure(merged);
    HoursRow sum = merged.take();
    sum.add(hours);
    return rows.update(line, day, sum.text());
}

} // namespace

// Each row of the batch's hourly roll-ups: a new row, or merged with the row there.
Expected<void> HourRowsWriter::write(const UsageBatch &batch, const TextRows &rows)
{
    Database &database = m_database;
    QByteArray text;
    return forEachRowOfHours(batch, [&](qint64 line, qint64 day, const HoursRow &hours) -> Expected<void> {
        hours.writeText(text);
        const Expected<bool> inserted = rows.insert(line, day, text);
        if (!inserted)
            return Expected<void>::failure(inserted);
        if (*inserted)
            return {};
        return addToHeldHours(database, rows, line, day, hours);
    });
}

Expected<void> HourRowsWriter::writeAsArrays(const UsageBatch &batch)
{
    HoursArrays hours(m_database);
    Expected<void> result = forEachRowOfHours(batch, [&](qint64 line, qint64 day, const HoursRow &row) { return hours.add(line, day, row); });
    if (result)
        result = hours.flush();
    return result;
}

} // namespace topup
