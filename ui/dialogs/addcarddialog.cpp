#include "addcarddialog.h"

#include "domain/cardexpiry.h"
#include "domain/cardnumber.h"
#include "domain/cardsecuritycode.h"
#include "domain/printabletext.h"
#include "service/service.h"
#include "widgets/errorlabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace topup {

AddCardDialog::AddCardDialog(Service &service, QWidget *parent)
    : QDialog(parent), m_service(service), m_kind(new QComboBox(this)), m_number(new QLineEdit(this)),
      m_brand(new QLabel(this)), m_expiry(new QLineEdit(this)), m_code(new QLineEdit(this)), m_holder(new QLineEdit(this)),
      m_funds(new QLineEdit(this)), m_numberError(new ErrorLabel(this)), m_expiryError(new ErrorLabel(this)),
      m_codeError(new ErrorLabel(this)), m_holderError(new ErrorLabel(this)), m_fundsError(new ErrorLabel(this)),
      m_serviceError(new ErrorLabel(this)), m_numberLabel(new QLabel(this)), m_kindLabel(new QLabel(this)),
      m_expiryLabel(new QLabel(this)), m_codeLabel(new QLabel(this)), m_holderLabel(new QLabel(this)),
      m_fundsLabel(new QLabel(this)), m_intro(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_number->setObjectName(QStringLiteral("cardNumber"));
    m_expiry->setObjectName(QStringLiteral("expiry"));
    m_code->setObjectName(QStringLiteral("securityCode"));
    m_holder->setObjectName(QStringLiteral("holder"));
    m_funds->setObjectName(QStringLiteral("funds"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_numberError->setObjectName(QStringLiteral("cardNumberError"));
    m_expiryError->setObjectName(QStringLiteral("expiryError"));
    m_codeError->setObjectName(QStringLiteral("securityCodeError"));
    m_holderError->setObjectName(QStringLiteral("holderError"));
    m_fundsError->setObjectName(QStringLiteral("fundsError"));
    m_serviceError->setObjectName(QStringLiteral("serviceError"));
    m_brand->setObjectName(QStringLiteral("brand"));

    m_kind->addItem(QString(), int(MethodKind::CreditCard));
    m_kind->addItem(QString(), int(MethodKind::DebitCard));
    m_number->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_code->setEchoMode(QLineEdit::Password);
    m_code->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData);
    m_funds->setText(QStringLiteral("500.00"));
    m_brand->setMinimumWidth(m_brand->fontMetrics().horizontalAdvance(QStringLiteral("American Express")) + 8);
    m_intro->setWordWrap(true);

    auto *grid = new QGridLayout;
    int row = 0;
    const auto addField = [&](QLabel *label, QWidget *field, ErrorLabel *error, QWidget *extra = nullptr) {
        label->setBuddy(field);
        grid->addWidget(label, row, 0, Qt::AlignLeft | Qt::AlignVCenter);
        grid->addWidget(field, row, 1, 1, extra ? 1 : 2);
        if (extra)
            grid->addWidget(extra, row, 2);
        ++row;
        if (error)
            grid->addWidget(error, row++, 1, 1, 2);
    };
    addField(m_kindLabel, m_kind, nullptr);
    addField(m_numberLabel, m_number, m_numberError, m_brand);
    addField(m_expiryLabel, m_expiry, m_expiryError);
    addField(m_codeLabel, m_code, m_codeError);
    addField(m_holderLabel, m_holder, m_holderError);
    addField(m_fundsLabel, m_funds, m_fundsError);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(grid);
    layout->addWidget(m_serviceError);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setTabOrder(m_kind, m_number);
    setTabOrder(m_number, m_expiry);
    setTabOrder(m_expiry, m_code);
    setTabOrder(m_code, m_holder);
    setTabOrder(m_holder, m_funds);
    setTabOrder(m_funds, m_buttons);

    for (QLineEdit *edit : {m_number, m_expiry, m_code, m_holder, m_funds})
        connect(edit, &QLineEdit::textChanged, this, &AddCardDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddCardDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddCardDialog::reject);
    setMinimumWidth(520);
    retranslateUi();
    validate();
}

void AddCardDialog::retranslateUi()
{
    setWindowTitle(tr("Add a card"));
    m_intro->setText(tr("The card number and security code are checked and then dropped: only the brand, the last four "
                        "digits, the expiry and the holder are kept."));
    m_kindLabel->setText(tr("&Type:"));
    m_kind->setItemText(0, tr("Credit card"));
    m_kind->setItemText(1, tr("Debit card"));
    m_numberLabel->setText(tr("Card &number:"));
    m_expiryLabel->setText(tr("&Expiry (MM/YY):"));
    m_codeLabel->setText(tr("&Security code:"));
    m_holderLabel->setText(tr("Name on &card:"));
    m_fundsLabel->setText(tr("Simulated &funds:"));
    m_number->setPlaceholderText(tr("1234 5678 9012 3456"));
    m_expiry->setPlaceholderText(tr("MM/YY"));
    m_code->setPlaceholderText(tr("3 or 4 digits"));
    m_holder->setPlaceholderText(tr("As printed on the card"));
    m_kind->setAccessibleName(tr("Card type"));
    m_number->setAccessibleName(tr("Card number"));
    m_expiry->setAccessibleName(tr("Expiry month and year"));
    m_code->setAccessibleName(tr("Security code"));
    m_holder->setAccessibleName(tr("Name on the card"));
    m_funds->setAccessibleName(tr("Simulated funds on the card"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add card"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    validate();
}

void AddCardDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AddCardDialog::validate()
{
    // An untouched (empty) field says nothing yet; OK stays off until every field is good.
    const QString number = m_number->text();
    const std::optional<CardBrand> brand = CardNumber::brandOf(number);
    m_brand->setText(brand ? cardBrandName(*brand) : QString());
    m_brand->setAccessibleName(brand ? tr("Brand: %1").arg(cardBrandName(*brand)) : tr("Brand not recognised yet"));
    const Expected<CardNumber> parsed = CardNumber::parse(number);
    m_numberError->setError(number.trimmed().isEmpty() || parsed ? QString() : parsed.sentences());

    // Expired or not as of the world's date, which the service checks too.
    const Expected<QDate> today = m_service.worldToday();
    const Expected<YearMonth> expiry = today ? parseCardExpiry(m_expiry->text(), YearMonth{today->year(), today->month()})
                                             : Expected<YearMonth>::failure(today);
    m_expiryError->setError(m_expiry->text().trimmed().isEmpty() || expiry ? QString() : expiry.sentences());

    const Expected<void> code = checkSecurityCode(m_code->text(), brand.value_or(CardBrand::Visa));
    m_codeError->setError(m_code->text().isEmpty() || code ? QString() : code.sentences());

    // Control and text direction characters are refused, not dropped: the name stays as typed.
    const std::optional<QString> unprintable = PrintableText::problem(m_holder->text());
    const bool tooLong = m_holder->text().simplified().size() > 100;
    const bool holderOk = !m_holder->text().simplified().isEmpty() && !tooLong && !unprintable;
    //: %1 says what the name holds and what to do, e.g. "holds an invisible control character (U+0007) at character 3; remove it"
    m_holderError->setError(unprintable ? tr("The name %1.").arg(*unprintable) : tooLong ? tr("At most 100 characters.") : QString());

    const Expected<Money> funds = Money::parse(m_funds->text().trimmed());
    m_fundsError->setError(funds ? QString() : tr("Enter an amount like 500.00."));

    m_serviceError->setError(QString());
    m_valid = parsed && expiry && code && holderOk && funds;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
}

void AddCardDialog::accept()
{
    validate();
    if (!m_valid)
        return;
    CardForm form;
    form.kind = MethodKind(m_kind->currentData().toInt());
    form.holder = m_holder->text();
    form.number = m_number->text();
    form.expiry = m_expiry->text();
    form.securityCode = m_code->text();
    form.funds = *Money::parse(m_funds->text().trimmed());
    const Expected<MethodRecord> added = m_service.addCard(form);
    form.number.fill(QLatin1Char('0'));
    form.securityCode.fill(QLatin1Char('0'));
    if (!added) {
        m_serviceError->setError(added.sentences());
        return;
    }
    m_number->clear();
    m_code->clear();
    QDialog::accept();
}

} // namespace topup
