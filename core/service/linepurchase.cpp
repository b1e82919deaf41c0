#include "linepurchase.h"

#include "domain/engineid.h"
#include "rules/zonedcalendar.h"
#include "sim/carriercatalog.h"
#include "store/database.h"
#include "store/linestore.h"
#include "store/methodstore.h"
#include "store/packagestore.h"

namespace topup {

Expected<LinePurchaseResult> LinePurchase::run(const Account &account, const LinePurchaseForm &form, quint64 seed, Instant now,
                                               const ZonedCalendar &calendar)
{
    using Result = Expected<LinePurchaseResult>;
    if (const Expected<void> named = LineStore::checkName(form.name); !named)
        return Result::failure(named);
    if (!CarrierCatalog::pricesIn(account.currency))
        return Result::failure(LinePurchase::tr("the carrier's catalog is not priced in %1, the account's currency").arg(account.currency),
                               LinePurchase::tr("The carrier's catalog is not priced in %1, the account's currency.").arg(account.currency));
    const std::optional<RegionOffer> region = CarrierCatalog::region(form.region, account.currency);
    if (!region)
        return Result::failure(LinePurchase::tr("the carrier sells no lines for \"%1\"; choose a country or region from its catalog")
                                   .arg(form.region.left(64)),
                               LinePurchase::tr("The carrier sells no lines for \"%1\"; choose a country or region from its catalog.")
                                   .arg(form.region.left(64)));
    const PackageOffer *offer = nullptr;
    for (const PackageOffer &each : region->packages) {
        if (each.code == form.package)
            offer = &each;
    }
    if (!offer)
        return Result::failure(LinePurchase::tr("package \"%1\" is not sold for %2").arg(form.package.left(64), region->code),
                               LinePurchase::tr("Package \"%1\" is not sold for %2.").arg(form.package.left(64), region->code));
    const Expected<MethodRecord> method = MethodStore(m_store, m_journal).find(account.id, form.methodId);
    if (!method)
        return Result::failure(method);
    if (method->expiredBefore(calendar.monthOf(now)))
        //: %1 is the payment method ("Visa •••• 4242"), %2 its expiry month
        return Result::failure(LinePurchase::tr("%1 expired at the end of %2; choose another method")
                                   .arg(method->label(), method->expires->toString()),
                               LinePurchase::tr("%1 expired at the end of %2; choose another method.")
                                   .arg(method->label(), method->expires->toString()));

    qint64 lineId = 0;
    qint64 packageRow = 0;
    const Expected<void> written = m_store.write([&]() -> Expected<void> {
        if (const Expected<void> added = PackageStore(m_store).addRegion(account.id, *region); !added)
            return added;
        const Expected<qint64> row = PackageStore(m_store).rowOf(account.id, offer->code);
        if (!row)
            return Expected<void>::failure(row);
        packageRow = *row;
        const Expected<qint64> line = LineStore(m_store).addBuying(account.id, form.name, region->code, form.profile, seed);
        if (!line)
            return Expected<void>::failure(line);
        lineId = *line;
        return {};
    });
    if (!written)
        return Result::failure(written);

    ChargeRequest request;
    request.accountId = account.id;
    request.lineId = lineId;
    request.methodId = method->id;
    request.packageId = packageRow;
    request.trigger = TriggerKind::Purchase;
    request.chainKey = EngineId::line(lineId) + QStringLiteral("/purchase/1");
    request.attempt = 1;
    request.at = now;
    request.month = calendar.monthOf(now).toString();
    const RecordedCharge charged = m_recorder.chargeAndRecord(request);
    if (charged.error) // the line stays "buying": the next start settles it
        return Result::failure(*charged.error);

    const bool paid = charged.answer->succeeded;
    if (const Expected<void> settled = LineStore(m_store).setState(lineId, paid ? LineState::Active : LineState::Refused); !settled)
        return Result::failure(settled);
    LinePurchaseResult result;
    result.lineId = lineId;
    result.methodLabel = method->label();
    result.price = offer->price;
    if (!paid) {
        result.refusal = charged.answer->reason;
        return result;
    }
    const Expected<LineRecord> line = LineStore(m_store).find(account.id, lineId);
    if (!line)
        return Result::failure(line);
    result.line = *line;
    return result;
}

} // namespace topup
