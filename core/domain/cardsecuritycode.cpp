#include "cardsecuritycode.h"

#include <QCoreApplication>

namespace topup {
namespace {

class CardSecurityCode final
{
    Q_DECLARE_TR_FUNCTIONS(CardSecurityCode)
};

bool isDigits(QStringView text, qsizetype count)
{
    if (text.size() != count)
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

Expected<void> checkSecurityCode(QStringView code, CardBrand brand)
{
    const QStringView trimmed = code.trimmed();
    if (brand == CardBrand::AmericanExpress) {
        if (!isDigits(trimmed, 4))
            return Expected<void>::failure(
                CardSecurityCode::tr("the security code of an American Express card is the 4 digits printed on its front"),
                CardSecurityCode::tr("The security code of an American Express card is the 4 digits printed on its front."));
    } else if (!isDigits(trimmed, 3)) {
        return Expected<void>::failure(CardSecurityCode::tr("the security code is the 3 digits printed on the back of the card"),
                                       CardSecurityCode::tr("The security code is the 3 digits printed on the back of the card."));
    }
    return {};
}

} // namespace topup
