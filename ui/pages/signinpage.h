#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace topup {

class AppSettings;
class Service;

// Sign in or create an account: login (e-mail or phone) and password, an
// inline message under each field as the user types, the lockout message
// with its end time, and a button that opens the demo account.
class SignInPage final : public QWidget
{
    Q_OBJECT

public:
    // With settings, the page offers the language too (before anyone can reach Settings).
    explicit SignInPage(Service &service, AppSettings *settings = nullptr, QWidget *parent = nullptr);

    bool isSignUpMode() const noexcept { return m_signUp; }
    void setSignUpMode(bool signUp);
    void setLogin(const QString &login);
    // Shown under the form (e.g. why the demo account could not be opened).
    void showMessage(const QString &message);

signals:
    void demoRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    void submit();
    void setFieldMessage(QLabel *label, const QString &message);

    Service &m_service;
    AppSettings *m_settings;
    QComboBox *m_language = nullptr;
    QLabel *m_languageLabel = nullptr; // "Language", the chooser its buddy
    bool m_signUp = false;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_loginLabel = nullptr;
    QLineEdit *m_login = nullptr;
    QLabel *m_loginMessage = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordMessage = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_confirmMessage = nullptr;
    QLabel *m_currencyLabel = nullptr;
    QComboBox *m_currency = nullptr;
    QLabel *m_currencyHint = nullptr;
    QLabel *m_zoneLabel = nullptr;
    QComboBox *m_zone = nullptr;
    QLabel *m_zoneMessage = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_mode = nullptr;
    QPushButton *m_demo = nullptr;
    QLabel *m_formMessage = nullptr;
};

} // namespace topup
