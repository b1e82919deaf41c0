#include "addwalletdialog.h"

#include "domain/money.h"
#include "domain/walletaddress.h"
#include "service/service.h"
#include "widgets/errorlabel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace topup {

AddWalletDialog::AddWalletDialog(Service &service, QWidget *parent)
    : QDialog(parent), m_service(service), m_emailLabel(new QLabel(this)), m_email(new QLineEdit(this)),
      m_emailError(new ErrorLabel(this)), m_fundsLabel(new QLabel(this)), m_funds(new QLineEdit(this)),
      m_fundsError(new ErrorLabel(this)), m_serviceError(new ErrorLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_email->setObjectName(QStringLiteral("walletEmail"));
    m_funds->setObjectName(QStringLiteral("funds"));
    m_funds->setText(QStringLiteral("100.00"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    m_emailLabel->setBuddy(m_email);
    m_fundsLabel->setBuddy(m_funds);

    auto *form = new QFormLayout;
    form->addRow(m_emailLabel, m_email);
    form->addRow(QString(), m_emailError);
    form->addRow(m_fundsLabel, m_funds);
    form->addRow(QString(), m_fundsError);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_serviceError);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_email, &QLineEdit::textChanged, this, &AddWalletDialog::validate);
    connect(m_funds, &QLineEdit::textChanged, this, &AddWalletDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddWalletDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddWalletDialog::reject);
    setMinimumWidth(440);
    retranslateUi();
}

void AddWalletDialog::retranslateUi()
{
    setWindowTitle(tr("Add PayPal"));
    m_emailLabel->setText(tr("PayPal &e-mail:"));
    m_fundsLabel->setText(tr("Simulated &funds:"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_email->setAccessibleName(tr("PayPal e-mail address"));
    m_funds->setAccessibleName(tr("Simulated funds in the wallet"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add PayPal"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    validate();
}

void AddWalletDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AddWalletDialog::validate()
{
    const Expected<WalletAddress> address = WalletAddress::parse(m_email->text().trimmed());
    m_emailError->setError(m_email->text().trimmed().isEmpty() || address ? QString() : address.sentences());
    const Expected<Money> funds = Money::parse(m_funds->text().trimmed());
    m_fundsError->setError(funds ? QString() : tr("Enter an amount like 100.00."));
    m_serviceError->setError(QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(address && funds);
}

void AddWalletDialog::accept()
{
    const Expected<Money> funds = Money::parse(m_funds->text().trimmed());
    if (!funds)
        return;
    const Expected<MethodRecord> added = m_service.addWallet(WalletForm{m_email->text().trimmed(), *funds});
    if (!added) {
        m_serviceError->setError(added.sentences());
        return;
    }
    QDialog::accept();
}

} // namespace topup
