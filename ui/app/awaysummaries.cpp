#include "awaysummaries.h"

#include "startupflow.h"

#include <QMessageBox>
#include <QTimeZone>
#include <QWidget>

namespace topup {

AwaySummaries::AwaySummaries(Service &service, QWidget *dialogParent)
    : QObject(dialogParent), m_service(service), m_dialogParent(dialogParent)
{
    connect(&m_service, &Service::accountChanged, this, &AwaySummaries::onAccountChanged);
}

void AwaySummaries::setCaughtUp(const CatchUpSummary &summary)
{
    m_pending = summary;
    onAccountChanged();
}

void AwaySummaries::onAccountChanged()
{
    const std::optional<Account> &account = m_service.account();
    if (!account)
        return;
    if (const auto told = m_told.find(account->id); told != m_told.end()) {
        emit summaryForAlerts(told->second);
        return;
    }
    const CatchUpSummary mine = m_pending.forAccount(account->id);
    if (!mine.eventful())
        return;
    m_told.emplace(account->id, mine);
    emit summaryForAlerts(mine);
    const QString text = StartupFlow::awaySummary(mine, account->currency, QTimeZone(account->timezone.toUtf8()));
    auto *box = new QMessageBox(QMessageBox::Information, StartupFlow::tr("While you were away"), text, QMessageBox::Ok, m_dialogParent);
    box->setObjectName(QStringLiteral("awaySummaryBox"));
    box->setInformativeText(StartupFlow::tr("The details are in History and Alerts."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace topup
