#include "paymentspage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include "dialogs/addcarddialog.h"

namespace topup {

PaymentsPage::PaymentsPage(Service &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_label(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    retranslateUi();
}

AddCardDialog *PaymentsPage::openAddCardDialog()
{
    auto *dialog = new AddCardDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void PaymentsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PaymentsPage::retranslateUi()
{
    m_label->setText(QStringLiteral("PaymentsPage (placeholder)"));
}

} // namespace topup
