#include "signinpage.h"

#include "app/appsettings.h"
#include "domain/loginid.h"
#include "domain/passwordpolicy.h"
#include "domain/timezonename.h"
#include "service/service.h"
#include "widgets/statecolors.h"
#include "widgets/timezonebox.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QLocale>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace topup {

SignInPage::SignInPage(Service &service, AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_settings(settings)
{
    auto *panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("signInPanel"));
    panel->setFrameShape(QFrame::StyledPanel);
    panel->setFixedWidth(440);
    panel->setAutoFillBackground(true);
    panel->setBackgroundRole(QPalette::AlternateBase);

    m_title = new QLabel(panel);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(panel);
    m_subtitle->setWordWrap(true);

    auto field = [panel](const char *name) {
        auto *edit = new QLineEdit(panel);
        edit->setObjectName(QLatin1String(name));
        return edit;
    };
    auto message = [panel](const char *name) {
        auto *label = new QLabel(panel);
        label->setObjectName(QLatin1String(name));
        label->setWordWrap(true);
        label->setVisible(false);
        return label;
    };
    m_loginLabel = new QLabel(panel);
    m_login = field("login");
    m_loginMessage = message("loginMessage");
    m_passwordLabel = new QLabel(panel);
    m_password = field("password");
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordMessage = message("passwordMessage");
    m_confirmLabel = new QLabel(panel);
    m_confirm = field("confirmPassword");
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirmMessage = message("confirmMessage");
    // Sign-up only: the account's currency (fixed from then on) and time zone.
    m_currencyLabel = new QLabel(panel);
    m_currency = new QComboBox(panel);
    m_currency->setObjectName(QStringLiteral("signUpCurrency"));
    for (const QString &code : Service::currencies())
        m_currency->addItem(code, code);
    m_currencyHint = message("currencyHint");
    m_currencyHint->setForegroundRole(QPalette::PlaceholderText);
    m_zoneLabel = new QLabel(panel);
    m_zone = new TimeZoneBox(panel);
    m_zone->setObjectName(QStringLiteral("signUpTimezone"));
    m_zone->setEditText(TimeZoneBox::systemZone());
    m_zoneMessage = message("signUpTimezoneMessage");
    m_currencyLabel->setBuddy(m_currency);
    m_zoneLabel->setBuddy(m_zone);
    m_loginLabel->setBuddy(m_login);
    m_passwordLabel->setBuddy(m_password);
    m_confirmLabel->setBuddy(m_confirm);

    m_submit = new QPushButton(panel);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);
    m_mode = new QPushButton(panel);
    m_mode->setObjectName(QStringLiteral("modeButton"));
    m_mode->setFlat(true);
    m_demo = new QPushButton(panel);
    m_demo->setObjectName(QStringLiteral("demoButton"));
    m_formMessage = message("formMessage");

    auto *form = new QVBoxLayout(panel);
    form->setContentsMargins(28, 24, 28, 24);
    form->setSpacing(6);
    form->addWidget(m_title);
    form->addWidget(m_subtitle);
    form->addSpacing(12);
    for (QWidget *w : {static_cast<QWidget *>(m_loginLabel), static_cast<QWidget *>(m_login),
                       static_cast<QWidget *>(m_loginMessage), static_cast<QWidget *>(m_passwordLabel),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_passwordMessage),
                       static_cast<QWidget *>(m_confirmLabel), static_cast<QWidget *>(m_confirm),
                       static_cast<QWidget *>(m_confirmMessage)})
        form->addWidget(w);
    auto *accountRow = new QGridLayout;
    accountRow->addWidget(m_currencyLabel, 0, 0);
    accountRow->addWidget(m_zoneLabel, 0, 1);
    accountRow->addWidget(m_currency, 1, 0);
    accountRow->addWidget(m_zone, 1, 1);
    accountRow->setColumnStretch(1, 1);
    form->addLayout(accountRow);
    form->addWidget(m_zoneMessage);
    form->addWidget(m_currencyHint);
    form->addSpacing(8);
    form->addWidget(m_submit);
    form->addWidget(m_formMessage);
    form->addWidget(m_mode);
    auto *line = new QFrame(panel);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    form->addWidget(line);
    form->addWidget(m_demo);

    auto *outer = new QGridLayout(this);
    outer->addWidget(panel, 1, 1);
    if (m_settings) {
        m_language = new QComboBox(this);
        m_language->setObjectName(QStringLiteral("languageChooser"));
        m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
        m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
        m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings->language())));
        connect(m_language, qOverload<int>(&QComboBox::activated), this,
                [this](int) { m_settings->setLanguage(m_language->currentData().toString()); });
        connect(m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
            if (key != AppSettings::Key::Language)
                return;
            m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings->language())));
        });
        // A visible label, the chooser its buddy: on Linux a screen reader
        // names a combo box by its current text and finds what it is for
        // through the label that points at it.
        m_languageLabel = new QLabel(this);
        m_languageLabel->setBuddy(m_language);
        auto *corner = new QHBoxLayout;
        corner->addWidget(m_languageLabel);
        corner->addWidget(m_language);
        outer->addLayout(corner, 0, 2, Qt::AlignTop | Qt::AlignRight);
    }
    outer->setRowStretch(0, 1);
    outer->setRowStretch(2, 2);
    outer->setColumnStretch(0, 1);
    outer->setColumnStretch(2, 1);

    setTabOrder(m_login, m_password);
    setTabOrder(m_password, m_confirm);
    setTabOrder(m_confirm, m_currency);
    setTabOrder(m_currency, m_zone);
    setTabOrder(m_zone, m_submit);
    setTabOrder(m_submit, m_mode);
    setTabOrder(m_mode, m_demo);

    connect(m_login, &QLineEdit::textChanged, this, &SignInPage::validate);
    connect(m_password, &QLineEdit::textChanged, this, &SignInPage::validate);
    connect(m_confirm, &QLineEdit::textChanged, this, &SignInPage::validate);
    connect(m_zone, &QComboBox::editTextChanged, this, &SignInPage::validate);
    connect(m_login, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_confirm, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_submit, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_mode, &QPushButton::clicked, this, [this] { setSignUpMode(!m_signUp); });
    connect(m_demo, &QPushButton::clicked, this, &SignInPage::demoRequested);

    setSignUpMode(false);
}

void SignInPage::setSignUpMode(bool signUp)
{
    m_signUp = signUp;
    for (QWidget *signUpOnly : {static_cast<QWidget *>(m_confirmLabel), static_cast<QWidget *>(m_confirm),
                                static_cast<QWidget *>(m_currencyLabel), static_cast<QWidget *>(m_currency),
                                static_cast<QWidget *>(m_currencyHint), static_cast<QWidget *>(m_zoneLabel),
                                static_cast<QWidget *>(m_zone)})
        signUpOnly->setVisible(signUp);
    m_formMessage->setVisible(false);
    retranslateUi();
    validate();
}

void SignInPage::setLogin(const QString &login)
{
    m_login->setText(login);
}

void SignInPage::showMessage(const QString &message)
{
    setFieldMessage(m_formMessage, message);
}

void SignInPage::setFieldMessage(QLabel *label, const QString &message)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, stateColor(StateColor::Error, QApplication::palette()));
    label->setPalette(palette);
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void SignInPage::validate()
{
    const QString loginText = m_login->text();
    const Expected<LoginId> login = LoginId::parse(loginText);
    setFieldMessage(m_loginMessage, loginText.trimmed().isEmpty() || login
                                        ? QString()
                                        : tr("Enter an e-mail address or a phone number with its country code, "
                                             "e.g. +8613800138000."));
    QString passwordMessage;
    QString confirmMessage;
    if (m_signUp) {
        const QString password = m_password->text();
        if (!password.isEmpty()) {
            if (password.size() < PasswordPolicy::minimumLength)
                passwordMessage = tr("Too short: use at least %1 characters (%2 so far).")
                                      .arg(PasswordPolicy::minimumLength)
                                      .arg(password.size());
            else if (PasswordPolicy::isCommon(password))
                passwordMessage = tr("Too common: this password is on the list of the most used ones.");
            else if (login)
                passwordMessage = checkNewPassword(password, *login).sentences(); // the policy's own sentences; none when it passes
        }
        if (!m_confirm->text().isEmpty() && m_confirm->text() != password)
            confirmMessage = tr("The passwords differ.");
    }
    // The zone as typed: a name the account may have (the core's own test:
    // the system's tz database, where Etc/UTC is a zone though Qt does not
    // list it), or a message (never a silent UTC).
    const QString zone = m_zone->currentText().trimmed();
    const bool zoneKnown = TimeZoneName::isKnown(zone.toUtf8());
    QString zoneMessage;
    if (m_signUp && !zoneKnown)
        zoneMessage = zone.isEmpty() ? tr("Choose the time zone you live in, e.g. Europe/Paris.")
                                     : tr("\"%1\" is not a time zone this system knows; choose one from the list, e.g. Europe/Paris.")
                                           .arg(zone.left(64));
    setFieldMessage(m_passwordMessage, passwordMessage);
    setFieldMessage(m_confirmMessage, confirmMessage);
    setFieldMessage(m_zoneMessage, zoneMessage);
    const bool complete = login && !m_password->text().isEmpty()
        && (!m_signUp || (passwordMessage.isEmpty() && m_confirm->text() == m_password->text() && zoneKnown));
    m_submit->setEnabled(complete);
}

void SignInPage::submit()
{
    if (!m_submit->isEnabled())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    if (m_signUp) {
        SignUpForm form;
        form.login = m_login->text();
        form.password = m_password->text();
        form.currency = m_currency->currentData().toString();
        form.timezone = m_zone->currentText().trimmed();
        // Signing up signs in.
        const Expected<Account> created = m_service.signUp(form);
        if (!created)
            error = created.sentences();
    } else {
        const Expected<Account> signedIn = m_service.signIn(m_login->text(), m_password->text());
        if (!signedIn)
            error = signedIn.sentences();
    }
    QApplication::restoreOverrideCursor();
    if (error.isEmpty()) {
        m_password->clear();
        m_confirm->clear();
        m_formMessage->setVisible(false);
        return;
    }
    setFieldMessage(m_formMessage, error);
    m_password->selectAll();
    m_password->setFocus();
}

void SignInPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        validate();
    }
    QWidget::changeEvent(event);
}

void SignInPage::retranslateUi()
{
    m_title->setText(m_signUp ? tr("Create your account") : tr("Sign in to TopUp"));
    m_subtitle->setText(tr("Keep your eSIM lines topped up by your own rules, within your budget."));
    m_loginLabel->setText(tr("&E-mail or phone number"));
    m_login->setPlaceholderText(tr("jane@example.com or +8613800138000"));
    m_login->setAccessibleName(tr("E-mail or phone number"));
    m_passwordLabel->setText(tr("&Password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setPlaceholderText(m_signUp ? tr("At least %1 characters").arg(PasswordPolicy::minimumLength) : QString());
    m_confirmLabel->setText(tr("&Repeat the password"));
    m_confirm->setAccessibleName(tr("Repeat the password"));
    m_currencyLabel->setText(tr("C&urrency"));
    m_currency->setAccessibleName(tr("Currency of the account"));
    m_currencyHint->setText(tr("Prices, caps and every amount of the account are in this currency; it cannot be changed later."));
    m_zoneLabel->setText(tr("&Time zone"));
    m_zone->setAccessibleName(tr("Time zone of the account"));
    m_submit->setText(m_signUp ? tr("Create account") : tr("Sign in"));
    m_mode->setText(m_signUp ? tr("I already have an account: sign in") : tr("New here? Create an account"));
    m_demo->setText(tr("Open the demo account"));
    if (m_language) {
        m_languageLabel->setText(tr("&Language"));
        m_language->setAccessibleName(tr("Language"));
    }
    m_demo->setToolTip(tr("Three lines, two cards and a wallet with 90 days of simulated history."));
}

} // namespace topup
