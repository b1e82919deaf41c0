#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace topup {

class ErrorLabel;
class Service;

// Adds a credit or debit card: the brand shows as the number is typed, and
// each field says under it what is wrong (Luhn, length for the brand,
// expiry, security code length) with the core's own checks; OK stays
// disabled until every field is valid. The number and the code are handed
// to the service once and cleared from the form.
class AddCardDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddCardDialog)

public:
    explicit AddCardDialog(Service &service, QWidget *parent = nullptr);

    bool isInputValid() const { return m_valid; }

public slots:
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    Service &m_service;
    QComboBox *m_kind;
    QLineEdit *m_number;
    QLabel *m_brand;
    QLineEdit *m_expiry;
    QLineEdit *m_code;
    QLineEdit *m_holder;
    QLineEdit *m_funds;
    ErrorLabel *m_numberError;
    ErrorLabel *m_expiryError;
    ErrorLabel *m_codeError;
    ErrorLabel *m_holderError;
    ErrorLabel *m_fundsError;
    ErrorLabel *m_serviceError;
    QLabel *m_numberLabel;
    QLabel *m_kindLabel;
    QLabel *m_expiryLabel;
    QLabel *m_codeLabel;
    QLabel *m_holderLabel;
    QLabel *m_fundsLabel;
    QLabel *m_intro;
    QDialogButtonBox *m_buttons;
    bool m_valid = false;
};

} // namespace topup
