#pragma once

#include "expected.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace topup {

enum class CardBrand { Visa, Mastercard, AmericanExpress, UnionPay, Discover, JCB };

// "Visa", "Mastercard", "American Express", "UnionPay", "Discover", "JCB".
[[nodiscard]] QString cardBrandName(CardBrand brand);

// What is kept of a card number once it has been checked: the brand and the
// last four digits. The full number (PAN) is never stored, in this class or
// anywhere else; whoever holds the text that was parsed must drop it.
class CardNumber final
{
    Q_DECLARE_TR_FUNCTIONS(CardNumber)

public:
    // Digits and spaces ("4111 1111 1111 1111"); spaces are ignored. The
    // brand comes from the leading digits (IIN), then the length is checked
    // for that brand, then the Luhn check digit. Messages never echo digits.
    [[nodiscard]] static Expected<CardNumber> parse(QStringView text);
    // The brand its leading digits name, as soon as they name one, for a
    // form that shows the brand while the number is typed; none yet or unknown.
    [[nodiscard]] static std::optional<CardBrand> brandOf(QStringView partialText);

    CardBrand brand() const noexcept { return m_brand; }
    const QString &lastFour() const noexcept { return m_lastFour; }

private:
    CardNumber(CardBrand brand, QString lastFour) : m_brand(brand), m_lastFour(std::move(lastFour)) {}

    CardBrand m_brand;
    QString m_lastFour;
};

} // namespace topup
