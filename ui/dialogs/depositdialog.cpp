#include "depositdialog.h"

#include "domain/money.h"
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

DepositDialog::DepositDialog(Service &service, qint64 methodId, const QString &methodLabel, QWidget *parent)
    : QDialog(parent), m_service(service), m_methodId(methodId), m_methodLabel(methodLabel), m_intro(new QLabel(this)),
      m_amountLabel(new QLabel(this)), m_amount(new QLineEdit(this)), m_amountError(new ErrorLabel(this)),
      m_serviceError(new ErrorLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_amount->setObjectName(QStringLiteral("amount"));
    m_serviceError->setObjectName(QStringLiteral("serviceError"));
    m_amountLabel->setBuddy(m_amount);
    m_intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(m_amountLabel, m_amount);
    form->addRow(QString(), m_amountError);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_serviceError);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    connect(m_amount, &QLineEdit::textChanged, this, &DepositDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DepositDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DepositDialog::reject);
    setMinimumWidth(420);
    retranslateUi();
}

void DepositDialog::retranslateUi()
{
    setWindowTitle(tr("Deposit"));
    m_intro->setText(tr("Add simulated funds to %1.").arg(m_methodLabel));
    m_amountLabel->setText(tr("&Amount:"));
    m_amount->setPlaceholderText(tr("e.g. 50.00"));
    m_amount->setAccessibleName(tr("Amount to deposit"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Deposit"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    validate();
}

void DepositDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void DepositDialog::validate()
{
    const QString text = m_amount->text().trimmed();
    const Expected<Money> amount = Money::parse(text);
    QString error;
    if (!text.isEmpty() && !amount)
        error = tr("Enter an amount like 50.00.");
    else if (amount && amount->isZero())
        error = tr("A deposit must be more than zero.");
    m_amountError->setError(error);
    m_serviceError->setError(QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(amount && !amount->isZero());
}

void DepositDialog::accept()
{
    const Expected<Money> amount = Money::parse(m_amount->text().trimmed());
    if (!amount || amount->isZero())
        return;
    const Expected<void> done = m_service.deposit(m_methodId, *amount);
    if (!done) {
        m_serviceError->setError(done.sentences());
        return;
    }
    QDialog::accept();
}

} // namespace topup
