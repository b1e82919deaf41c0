#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace topup {

class Service;

// PLACEHOLDER: the pages helper (branch h-pages) writes the real dialog;
// the lead replaces this file at merge. Line edits carry the objectNames
// cardNumber, expiry, securityCode and holder.
class AddCardDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AddCardDialog(Service &service, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Service &m_service;
    QLineEdit *m_number = nullptr;
    QLineEdit *m_expiry = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_holder = nullptr;
};

} // namespace topup
