#include "rowdigest.h"

#include <QCryptographicHash>

namespace topup {
namespace {

bool isWholeNumber(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Long:
    case QMetaType::ULong:
        return true;
    default:
        return false;
    }
}

// One value: its kind, then what it holds, length-prefixed where it may hold anything.
QByteArray encode(const QVariant &value)
{
    if (value.isNull())
        return QByteArrayLiteral("N;");
    if (isWholeNumber(value))
        return 'I' + QByteArray::number(value.toLongLong()) + ';';
    if (value.metaType().id() == QMetaType::Double)
        return 'R' + QByteArray::number(value.toDouble(), 'g', 17) + ';';
    const QByteArray bytes = value.metaType().id() == QMetaType::QByteArray ? value.toByteArray() : value.toString().toUtf8();
    const char kind = value.metaType().id() == QMetaType::QByteArray ? 'B' : 'T';
    return kind + QByteArray::number(bytes.size()) + ':' + bytes;
}

} // namespace

void RowDigest::add(const std::vector<QVariant> &row)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QVariant &value : row)
        hash.addData(encode(value));
    const QByteArray digest = hash.result();
    for (std::size_t lane = 0; lane < m_sum.size(); ++lane) {
        quint64 part = 0;
        for (int byte = 0; byte < 8; ++byte)
            part = (part << 8) | quint8(digest.at(int(lane) * 8 + byte));
        m_sum[lane] += part; // modulo 2^64
    }
    ++m_rows;
}

QString RowDigest::toHex() const
{
    QString text;
    for (const quint64 lane : m_sum)
        text += QStringLiteral("%1").arg(lane, 16, 16, QLatin1Char('0'));
    return text;
}

} // namespace topup
