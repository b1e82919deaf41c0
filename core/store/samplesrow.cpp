#include "samplesrow.h"

#include "usagetriples.h"

namespace topup {

qint64 SamplesRow::hourOf(qint64 atMs) noexcept
{
    return atMs >= 0 ? atMs / msPerHour : -((-atMs + msPerHour - 1) / msPerHour);
}

qint64 SamplesRow::dayStartOf(qint64 hour) noexcept
{
    return (hour >= 0 ? hour / hoursPerDay : -((-hour + hoursPerDay - 1) / hoursPerDay)) * hoursPerDay;
}

void SamplesRow::add(qint64 offsetMs, qint64 dataBytes, qint64 voiceSeconds)
{
    usagetriples::add<&Sample::offsetMs>(m_samples, Sample{offsetMs, dataBytes, voiceSeconds});
}

void SamplesRow::add(const SamplesRow &other)
{
    for (const Sample &sample : other.m_samples)
        add(sample.offsetMs, sample.dataBytes, sample.voiceSeconds);
}

QByteArray SamplesRow::text() const
{
    QByteArray text;
    writeText(text);
    return text;
}

void SamplesRow::writeText(QByteArray &text) const
{
    usagetriples::write<&Sample::offsetMs>(m_samples, text);
}

Expected<SamplesRow> SamplesRow::parse(const QByteArray &text, qint64 hour)
{
    SamplesRow row;
    const qint64 span = spanMs(hour);
    const std::optional<QString> wrong = usagetriples::read(
        text,
        [&](int index, qint64 offsetMs, qint64 dataBytes, qint64 voiceSeconds) -> std::optional<QString> {
            if (offsetMs < 0 || offsetMs >= span)
                return tr("sample %1 of the row is %2 ms from its hour's start, outside the hour's UTC day").arg(index).arg(offsetMs);
            row.add(offsetMs, dataBytes, voiceSeconds);
            return std::nullopt;
        },
        [&](int index) {
            return tr("sample %1 of the row is not \"milliseconds,bytes,seconds\" (the text reads \"%2\")")
                .arg(index)
                .arg(QString::fromLatin1(text.left(80)));
        },
        [] { return tr("the row's samples end with \";\""); });
    if (wrong)
        return Expected<SamplesRow>::failure(*wrong);
    return row;
}

} // namespace topup
