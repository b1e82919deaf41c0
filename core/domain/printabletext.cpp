#include "printabletext.h"


namespace topup {
namespace {

bool isDirectionControl(char32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool refused(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Other_Control || category == QChar::Separator_Line || category == QChar::Separator_Paragraph
        || isDirectionControl(c);
}

} // namespace

std::optional<QString> PrintableText::problem(QStringView text)
{
    int position = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        ++position;
        if (!refused(c))
            continue;
        const QString code = QStringLiteral("U+%1").arg(QString::number(uint(c), 16).toUpper(), 4, QLatin1Char('0'));
        if (isDirectionControl(c))
            return tr("holds a text direction control (%1) at character %2, which would change how the text reads; remove it")
                .arg(code)
                .arg(position);
        return tr("holds an invisible control character (%1) at character %2; remove it").arg(code).arg(position);
    }
    return std::nullopt;
}

} // namespace topup
