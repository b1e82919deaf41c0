#include "capsummary.h"

#include "formatter.h"

#include <QLocale>

namespace topup {

QString CapSummary::describe(const std::vector<LimitUse> &months, const QString &currency)
{
    QStringList lines;
    for (const LimitUse &spend : months) {
        const YearMonth month = spend.month;
        //: QDate format of a month and its year, e.g. June 2027
        const QString name = QLocale().toString(QDate(month.year, month.month, 1), tr("MMMM yyyy"));
        const QString lineCap = spend.lineCap ? tr("%1 of %2").arg(Formatter::money(spend.lineSpend, currency),
                                                                   Formatter::money(*spend.lineCap, currency))
                                              : tr("%1, no cap").arg(Formatter::money(spend.lineSpend, currency));
        const QString count = spend.maxPerMonth ? tr("top-ups %1 of %2").arg(spend.lineCount).arg(*spend.maxPerMonth)
                                                : tr("top-ups %1, no maximum").arg(spend.lineCount);
        const QString account = spend.accountCap ? tr("account %1 of %2").arg(Formatter::money(spend.accountSpend, currency),
                                                                              Formatter::money(*spend.accountCap, currency))
                                                 : tr("no account cap");
        //: Spend in one month against the caps: month, this line's spend, its count, the account's spend
        lines << tr("%1 — this line: %2 · %3 · %4").arg(name, lineCap, count, account);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace topup
