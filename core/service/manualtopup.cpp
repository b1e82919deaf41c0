#include "manualtopup.h"

#include "rules/zonedcalendar.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace topup {

Expected<ChargeAnswer> ManualTopUp::run(qint64 accountId, qint64 lineId, qint64 methodId, qint64 packageId,
                                        Instant now, const ZonedCalendar &calendar)
{
    int number = 0;
    const Expected<bool> counted = m_store.write([&]() -> Expected<bool> {
        QSqlQuery query(m_store.connection());
        query.prepare(QStringLiteral("UPDATE lines SET manual_topups = manual_topups + 1 WHERE id = ? AND account_id = ?"));
        query.addBindValue(lineId);
        query.addBindValue(accountId);
        if (!query.exec())
            return Expected<bool>::failure(m_store.describe(query.lastError().text()));
        if (query.numRowsAffected() != 1)
            return Expected<bool>::failure(QCoreApplication::translate("topup::ManualTopUp", "no such line"));
        query.prepare(QStringLiteral("SELECT manual_topups FROM lines WHERE id = ?"));
        query.addBindValue(lineId);
        if (!query.exec() || !query.next())
            return Expected<bool>::failure(m_store.describe(query.lastError().text()));
        number = query.value(0).toInt();
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
