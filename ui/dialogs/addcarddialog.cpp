#include "addcarddialog.h"

#include <QEvent>
#include <QFormLayout>
#include <QLineEdit>

namespace topup {

AddCardDialog::AddCardDialog(Service &service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_number(new QLineEdit(this))
    , m_expiry(new QLineEdit(this))
    , m_code(new QLineEdit(this))
    , m_holder(new QLineEdit(this))
{
    m_number->setObjectName(QStringLiteral("cardNumber"));
    m_expiry->setObjectName(QStringLiteral("expiry"));
    m_code->setObjectName(QStringLiteral("securityCode"));
    m_holder->setObjectName(QStringLiteral("holder"));
    auto *layout = new QFormLayout(this);
    layout->addRow(m_number);
    layout->addRow(m_expiry);
    layout->addRow(m_code);
    layout->addRow(m_holder);
    retranslateUi();
}

void AddCardDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AddCardDialog::retranslateUi()
{
    setWindowTitle(QStringLiteral("Add a card (placeholder)"));
}

} // namespace topup
