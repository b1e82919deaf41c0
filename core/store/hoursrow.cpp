#include "hoursrow.h"

#include "usagetriples.h"

namespace topup {

qint64 HoursRow::dayOf(qint64 hour) noexcept
{
    return hour >= 0 ? hour / hoursPerDay : -((-hour + hoursPerDay - 1) / hoursPerDay);
}

void HoursRow::add(int hour, qint64 dataBytes, qint64 voiceSeconds)
{
    usagetriples::add<&Hour::hour>(m_hours, Hour{hour, dataBytes, voiceSeconds});
}

void HoursRow::add(const HoursRow &other)
{
    for (const Hour &hour : other.m_hours)
        add(hour.hour, hour.dataBytes, hour.voiceSeconds);
}

QByteArray HoursRow::text() const
{
    QByteArray text;
    writeText(text);
    return text;
}

void HoursRow::writeText(QByteArray &text) const
{
    usagetriples::write<&Hour::hour>(m_hours, text);
}

Expected<HoursRow> HoursRow::parse(const QByteArray &text)
{
    HoursRow row;
    if (text.isEmpty())
        return Expected<HoursRow>::failure(tr("the row holds no hours"));
    row.m_hours.reserve(std::size_t(hoursPerDay));
    const std::optional<QString> wrong = usagetriples::read(
        text,
        [&](int index, qint64 hour, qint64 dataBytes, qint64 voiceSeconds) -> std::optional<QString> {
            if (hour < 0 || hour >= hoursPerDay)
                return tr("hour %1 of the row is hour %2 of its day, not one of 0 to 23").arg(index).arg(hour);
            if (!row.m_hours.empty() && row.m_hours.back().hour >= hour)
                return tr("hour %1 of the row is hour %2 of its day, not after the one before it").arg(index).arg(hour);
            row.m_hours.push_back(Hour{int(hour), dataBytes, voiceSeconds});
            return std::nullopt;
        },
        [&](int index) {
            return tr("hour %1 of the row is not \"hour,bytes,seconds\" (the text reads \"%2\")")
                .arg(index)
                .arg(QString::fromLatin1(text.left(80)));
        },
        [] { return tr("the row's hours end with \";\""); });
    if (wrong)
        return Expected<HoursRow>::failure(*wrong);
    return row;
}

} // namespace topup
