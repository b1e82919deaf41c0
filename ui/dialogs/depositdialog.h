#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace topup {

class ErrorLabel;
class Service;

// Adds simulated funds to one payment method; a deposit also re-arms the
// suspended triggers whose policy names the method (the service does that).
class DepositDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DepositDialog)

public:
    DepositDialog(Service &service, qint64 methodId, const QString &methodLabel, QWidget *parent = nullptr);

public slots:
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    Service &m_service;
    qint64 m_methodId;
    QString m_methodLabel;
    QLabel *m_intro;
    QLabel *m_amountLabel;
    QLineEdit *m_amount;
    ErrorLabel *m_amountError;
    ErrorLabel *m_serviceError;
    QDialogButtonBox *m_buttons;
};

} // namespace topup
