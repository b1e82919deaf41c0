#include "spendbook.h"

namespace topup {

void SpendBook::addAuto(int line, YearMonth month, Money price)
{
    Entry &entry = m_entries[{line, month.index()}];
    entry.autoSpend += price;
    ++entry.autoCount;
    m_accountAuto[month.index()] += price;
}

void SpendBook::addManual(int line, YearMonth month, Money price)
{
    m_entries[{line, month.index()}].manualSpend += price;
}

void SpendBook::addPrior(int line, YearMonth month, Money autoSpend, Money manualSpend, int autoCount)
{
    Entry &entry = m_entries[{line, month.index()}];
    entry.autoSpend += autoSpend;
    entry.manualSpend += manualSpend;
    entry.autoCount += autoCount;
    m_accountAuto[month.index()] += autoSpend;
}

const SpendBook::Entry *SpendBook::find(int line, YearMonth month) const
{
    const auto it = m_entries.find({line, month.index()});
    return it == m_entries.end() ? nullptr : &it->second;
}

Money SpendBook::lineAuto(int line, YearMonth month) const
{
    const Entry *entry = find(line, month);
    return entry ? entry->autoSpend : Money();
}

Money SpendBook::lineManual(int line, YearMonth month) const
{
    const Entry *entry = find(line, month);
    return entry ? entry->manualSpend : Money();
}

int SpendBook::lineAutoCount(int line, YearMonth month) const
{
    const Entry *entry = find(line, month);
    return entry ? entry->autoCount : 0;
}

Money SpendBook::accountAuto(YearMonth month) const
{
    const auto it = m_accountAuto.find(month.index());
    return it == m_accountAuto.end() ? Money() : it->second;
}

} // namespace topup
