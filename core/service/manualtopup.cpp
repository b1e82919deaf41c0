#include "manualtopup.h"

#include "rules/zonedcalendar.h"
#include "store/database.h"
#include "store/statement.h"

#include <QCoreApplication>

namespace topup {

Expected<ChargeAnswer> ManualTopUp::run(qint64 accountId, qint64 lineId, qint64 methodId, qint64 packageId,
                                        Instant now, const ZonedCalendar &calendar)
{
    int number = 0;
    const Expected<bool> counted = m_store.write([&]() -> Expected<bool> {
        Statement count(m_store, QStringLiteral("UPDATE lines SET manual_topups = manual_topups + 1 WHERE id = ? AND account_id = ?"));
        count.bind(lineId).bind(accountId);
        if (const auto ran = count.run(); !ran)
            return ran;
        if (count.rowsAffected() != 1)
            return Expected<bool>::failure(QCoreApplication::translate("topup::ManualTopUp", "no such line"));
        Statement read(m_store, QStringLiteral("SELECT manual_topups FROM lines WHERE id = ?"));
        read.bind(lineId);
        if (const auto ran = read.run(); !ran)
            return ran;
        read.next();
        number = int(read.integer(0));
        return true;
    });
    if (!counted)
        return Expected<ChargeAnswer>::failure(counted.error());

    ChargeRequest request;
    request.accountId = accountId;
    request.lineId = lineId;
    request.methodId = methodId;
    request.packageId = packageId;
    request.trigger = TriggerKind::Manual;
    request.chainKey = QStringLiteral("L%1/manual/%2").arg(lineId).arg(number);
    request.attempt = 1;
    request.at = now;
    request.month = calendar.monthOf(now).toString();
    return m_recorder.charge(request);
}

} // namespace topup
