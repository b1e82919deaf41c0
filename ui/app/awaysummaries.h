#pragma once

#include "service/service.h"

#include <QObject>

#include <map>

class QWidget;

namespace topup {

// "While you were away": the catch-up made when the app opened moved every
// account's world, but each person sees only their own part, when they
// sign in, in their own time zone and currency — once, in a message that
// does not block — and keeps it in Alerts for the rest of the session.
class AwaySummaries final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwaySummaries)

public:
    AwaySummaries(Service &service, QWidget *dialogParent);

    // The catch-up made before anyone signed in: its accounts' parts wait
    // for their sign-ins (told at once to whoever is signed in already).
    void setCaughtUp(const CatchUpSummary &summary);

signals:
    // The signed-in account's part, for the Alerts page (again at each of
    // its sign-ins: the page starts afresh for every account).
    void summaryForAlerts(const topup::CatchUpSummary &mine);

private:
    void onAccountChanged();

    Service &m_service;
    QWidget *m_dialogParent;
    CatchUpSummary m_pending;
    std::map<qint64, CatchUpSummary> m_told;
};

} // namespace topup
