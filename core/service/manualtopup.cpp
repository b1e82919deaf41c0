#include "manualtopup.h"

#include "domain/engineid.h"
#include "rules/zonedcalendar.h"
#include "store/database.h"
#include "store/linestore.h"
#include "store/statement.h"

#include <QCoreApplication>

#include <algorithm>

namespace topup {

Expected<ChargeAnswer> ManualTopUp::run(qint64 accountId, qint64 lineId, qint64 methodId, qint64 packageId,
                                        Instant now, const ZonedCalendar &calendar)
{
    // SPEC §1: a balance never saturates. Checked before anything is
    // charged or counted: the provider would take the money otherwise.
    {
        Statement fits(m_store, QStringLiteral("SELECT l.name, l.data_bytes, l.voice_seconds, p.data_bytes, p.voice_seconds"
                                               " FROM lines l, packages p WHERE l.id = ? AND l.account_id = ? AND p.id = ?"
                                               " AND p.account_id = ? AND l.state = 'active'"));
        fits.bind(lineId).bind(accountId).bind(packageId).bind(accountId);
        if (const auto ran = fits.run(); !ran)
            return Expected<ChargeAnswer>::failure(ran);
        if (!fits.next())
            return Expected<ChargeAnswer>::failure(ManualTopUp::tr("no such line or package"), ManualTopUp::tr("No such line or package."));
        qint64 sum = 0;
        if (__builtin_add_overflow(fits.integer(1), fits.integer(3), &sum))
            return Expected<ChargeAnswer>::failure(
                ManualTopUp::tr("the data balance of line \"%1\" would exceed the largest amount; nothing was charged").arg(fits.text(0)),
                ManualTopUp::tr("The data balance of line \"%1\" would exceed the largest amount; nothing was charged.").arg(fits.text(0)));
        if (__builtin_add_overflow(fits.integer(2), fits.integer(4), &sum))
            return Expected<ChargeAnswer>::failure(
                ManualTopUp::tr("the voice balance of line \"%1\" would exceed the largest amount; nothing was charged").arg(fits.text(0)),
                ManualTopUp::tr("The voice balance of line \"%1\" would exceed the largest amount; nothing was charged.").arg(fits.text(0)));
    }
    // Each line tops up from its own region's packages only.
    const Expected<std::vector<PackageRecord>> offered = LineStore(m_store).packagesOf(accountId, lineId);
    if (!offered)
        return Expected<ChargeAnswer>::failure(offered);
    if (std::none_of(offered->cbegin(), offered->cend(), [packageId](const PackageRecord &p) { return p.id == packageId; }))
        return Expected<ChargeAnswer>::failure(ManualTopUp::tr("that package is not sold for this line's region"),
                                               ManualTopUp::tr("That package is not sold for this line's region."));
    int number = 0;
    const Expected<void> counted = m_store.write([&]() -> Expected<void> {
        Statement count(m_store, QStringLiteral("UPDATE lines SET manual_topups = manual_topups + 1, check_due = 1 WHERE id = ? AND account_id = ?"));
        count.bind(lineId).bind(accountId);
        if (const auto ran = count.run(); !ran)
            return ran;
        if (count.rowsAffected() != 1)
            return Expected<void>::failure(ManualTopUp::tr("no such line"), ManualTopUp::tr("No such line."));
        Statement read(m_store, QStringLiteral("SELECT manual_topups FROM lines WHERE id = ?"));
        read.bind(lineId);
        if (const auto ran = read.run(); !ran)
            return ran;
        read.next();
        number = int(read.integer(0));
        return {};
    });
    if (!counted)
        return Expected<ChargeAnswer>::failure(counted);

    ChargeRequest request;
    request.accountId = accountId;
    request.lineId = lineId;
    request.methodId = methodId;
    request.packageId = packageId;
    request.trigger = TriggerKind::Manual;
    request.chainKey = QStringLiteral("%1/manual/%2").arg(EngineId::line(lineId)).arg(number);
    request.attempt = 1;
    request.at = now;
    request.month = calendar.monthOf(now).toString();
    return m_recorder.charge(request);
}

} // namespace topup
