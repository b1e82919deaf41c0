#pragma once

#include "domain/money.h"
#include "domain/yearmonth.h"

#include <map>
#include <utility>

namespace topup {

// Succeeded top-ups per line and local month: what the limits (SPEC §7.1)
// and the result's `spend` list read.
class SpendBook final
{
public:
    struct Entry
    {
        Money autoSpend;
        Money manualSpend;
        int autoCount = 0;
    };

    void addAuto(int line, YearMonth month, Money price);
    void addManual(int line, YearMonth month, Money price);
    // Top-ups made before this run (a resumed world).
    void addPrior(int line, YearMonth month, Money autoSpend, Money manualSpend, int autoCount);

    Money lineAuto(int line, YearMonth month) const;
    Money lineManual(int line, YearMonth month) const;
    int lineAutoCount(int line, YearMonth month) const;
    Money accountAuto(YearMonth month) const;

    // Ordered by line, then month.
    const std::map<std::pair<int, int>, Entry> &entries() const noexcept { return m_entries; }

private:
    const Entry *find(int line, YearMonth month) const;

    std::map<std::pair<int, int>, Entry> m_entries; // (line, month index)
    std::map<int, Money> m_accountAuto;              // month index
};

} // namespace topup
