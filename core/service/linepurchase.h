#pragma once

#include "chargerecorder.h"
#include "domain/account.h"
#include "domain/linerecord.h"

#include <QCoreApplication>

namespace topup {

class ZonedCalendar;

// Buying a line from the carrier's catalog: a charge through the provider
// like any top-up (trigger `purchase`, key `<line>/purchase/1`, attempt 1,
// exactly-once through the ChargeRecorder). The line is written first as
// "buying" (the charge needs its row) with the region's packages; the
// provider's answer makes it active (the package credited) or refused (no
// line; the failed charge stays in History). A restart between the charge
// and that answer settles it from what reconciling wrote down.
class LinePurchase final
{
    Q_DECLARE_TR_FUNCTIONS(LinePurchase)

public:
    LinePurchase(Database &store, JournalGateway &journal, ChargeRecorder &recorder)
        : m_store(store), m_journal(journal), m_recorder(recorder)
    {
    }

    Expected<LinePurchaseResult> run(const Account &account, const LinePurchaseForm &form, quint64 seed, Instant now,
                                     const ZonedCalendar &calendar);

private:
    Database &m_store;
    JournalGateway &m_journal;
    ChargeRecorder &m_recorder;
};

} // namespace topup
