#include "isotimewriter.h"

#include "domain/civil.h"

#include <QDateTime>

#include <limits>

namespace topup {
namespace {

void appendDigits(QChar *&out, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = QLatin1Char(char('0' + value % 10));
        value /= 10;
    }
    out += width;
}

} // namespace

bool IsoTimeWriter::cover(qint64 ms)
{
    if (!m_zone.isValid() || !m_zone.hasTransitions())
        return false;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, m_zone);
    const QString written = at.toString(Qt::ISODate);
    if (written.size() < 20)
        return false;
    m_offsetSeconds = at.offsetFromUtc();
    m_suffix = written.mid(19);
    // The span of this offset: from the last transition at or before `ms`
    // to the next one after it (none: unbounded).
    const QTimeZone::OffsetData before = m_zone.previousTransition(QDateTime::fromMSecsSinceEpoch(ms + 1, m_zone));
    const QTimeZone::OffsetData after = m_zone.nextTransition(at);
    m_from = before.atUtc.isValid() ? before.atUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    m_until = after.atUtc.isValid() ? after.atUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    return m_from <= ms && ms < m_until;
}

QString IsoTimeWriter::text(Instant at)
{
    const qint64 ms = at.msecs();
    if (!(m_from <= ms && ms < m_until) && !cover(ms)) {
        m_from = m_until = 0;
        return QDateTime::fromMSecsSinceEpoch(ms, m_zone).toString(Qt::ISODate);
    }
    const qint64 local = ms + qint64(m_offsetSeconds) * civil::msPerSecond;
    const qint64 days = civil::floorDiv(local, civil::msPerDay);
    const qint64 ofDay = (local - days * civil::msPerDay) / civil::msPerSecond;
    const civil::Date date = civil::civilFromDays(days);
    if (date.year < 1 || date.year > 9999)
        return QDateTime::fromMSecsSinceEpoch(ms, m_zone).toString(Qt::ISODate);
    QString text(19 + m_suffix.size(), Qt::Uninitialized);
    QChar *out = text.data();
    appendDigits(out, date.year, 4);
    *out++ = QLatin1Char('-');
    appendDigits(out, date.month, 2);
    *out++ = QLatin1Char('-');
    appendDigits(out, date.day, 2);
    *out++ = QLatin1Char('T');
    appendDigits(out, ofDay / 3600, 2);
    *out++ = QLatin1Char(':');
    appendDigits(out, ofDay / 60 % 60, 2);
    *out++ = QLatin1Char(':');
    appendDigits(out, ofDay % 60, 2);
    std::copy(m_suffix.cbegin(), m_suffix.cend(), out);
    return text;
}

} // namespace topup
