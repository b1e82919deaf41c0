#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace topup {

class ErrorLabel;
class Service;

// Adds a PayPal-style wallet by its e-mail address, with simulated funds.
class AddWalletDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddWalletDialog)

public:
    explicit AddWalletDialog(Service &service, QWidget *parent = nullptr);

public slots:
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    Service &m_service;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    ErrorLabel *m_emailError;
    QLabel *m_fundsLabel;
    QLineEdit *m_funds;
    ErrorLabel *m_fundsError;
    ErrorLabel *m_serviceError;
    QDialogButtonBox *m_buttons;
};

} // namespace topup
