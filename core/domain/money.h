#pragma once

#include "expected.h"
#include "saturating.h"

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

namespace topup {

// An amount of money in minor units (cents) of the account's currency, which
// always has two minor digits (SPEC §1).
class Money final
{
    Q_DECLARE_TR_FUNCTIONS(Money)

public:
    constexpr Money() noexcept = default;
    static constexpr Money fromCents(qint64 cents) noexcept { return Money(cents); }

    // "4.50", "4.5", "4", "0": no sign, symbol, exponent or spaces.
    static Expected<Money> parse(QStringView text);
    // Always two decimals: "4.50".
    QString toString() const;

    constexpr qint64 cents() const noexcept { return m_cents; }
    constexpr bool isZero() const noexcept { return m_cents == 0; }
    constexpr Money operator+(Money other) const noexcept { return Money(saturatingAdd(m_cents, other.m_cents)); }
    constexpr Money operator-(Money other) const noexcept { return Money(saturatingSub(m_cents, other.m_cents)); }
    Money &operator+=(Money other) noexcept { return *this = *this + other; }
    Money &operator-=(Money other) noexcept { return *this = *this - other; }

    friend constexpr bool operator==(Money a, Money b) noexcept { return a.m_cents == b.m_cents; }
    friend constexpr bool operator!=(Money a, Money b) noexcept { return a.m_cents != b.m_cents; }
    friend constexpr bool operator<(Money a, Money b) noexcept { return a.m_cents < b.m_cents; }
    friend constexpr bool operator>(Money a, Money b) noexcept { return a.m_cents > b.m_cents; }
    friend constexpr bool operator<=(Money a, Money b) noexcept { return a.m_cents <= b.m_cents; }
    friend constexpr bool operator>=(Money a, Money b) noexcept { return a.m_cents >= b.m_cents; }

private:
    constexpr explicit Money(qint64 cents) noexcept : m_cents(cents) {}
    qint64 m_cents = 0;
};

} // namespace topup
