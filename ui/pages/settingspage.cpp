#include "settingspage.h"

#include "app/appsettings.h"
#include "service/service.h"
#include "widgets/statecolors.h"
#include "text/formatter.h"
#include "widgets/errorlabel.h"
#include "widgets/sectionheading.h"
#include "widgets/timezonebox.h"

#include <QComboBox>
#include <QCompleter>
#include <QDesktopServices>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimeZone>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace topup {

SettingsPage::SettingsPage(Service &service, AppSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("settingsPage"));
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    m_title->setFont(titleFont);

    m_appearanceTitle = makeSectionHeading(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    // Each language in its own words, so anyone can find theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    for (int i = 0; i < 3; ++i)
        m_theme->addItem(QString(), Theme::key(ThemeChoice(i)));
    m_units = new QComboBox(this);
    m_units->setObjectName(QStringLiteral("unitsCombo"));
    m_units->addItem(QString(), int(DataUnits::Decimal));
    m_units->addItem(QString(), int(DataUnits::Binary));
    m_appearanceForm = new QFormLayout;
    m_appearanceForm->addRow(new QLabel(this), m_language);
    m_appearanceForm->addRow(new QLabel(this), m_theme);
    m_appearanceForm->addRow(new QLabel(this), m_units);

    m_accountTitle = makeSectionHeading(this);
    m_timezone = new TimeZoneBox(this);
    m_timezone->setObjectName(QStringLiteral("timezone"));
    connect(m_timezone, &QComboBox::activated, this, &SettingsPage::applyTimeZone);
    connect(m_timezone->lineEdit(), &QLineEdit::editingFinished, this, &SettingsPage::applyTimeZone);
    m_timezoneError = new QLabel(this);
    m_timezoneError->setObjectName(QStringLiteral("timezoneError"));
    m_timezoneError->setWordWrap(true);
    m_timezoneError->hide();
    m_currency = new QLineEdit(this);
    m_currency->setObjectName(QStringLiteral("currency"));
    m_currency->setReadOnly(true);
    m_currencyNote = new QLabel(this);
    m_currencyNote->setObjectName(QStringLiteral("currencyNote"));
    m_currencyNote->setWordWrap(true);
    m_currencyNote->setForegroundRole(QPalette::PlaceholderText);
    m_cap = new QLineEdit(this);
    m_cap->setObjectName(QStringLiteral("accountCap"));
    m_saveCap = new QPushButton(this);
    m_saveCap->setObjectName(QStringLiteral("saveAccountCap"));
    m_capError = new ErrorLabel(QStringLiteral("accountCapError"), this);
    m_capNote = new QLabel(this);
    m_capNote->setObjectName(QStringLiteral("accountCapNote"));
    m_capNote->setWordWrap(true);
    m_capNote->setForegroundRole(QPalette::PlaceholderText);
    auto *capField = new QHBoxLayout;
    capField->addWidget(m_cap, 1);
    capField->addWidget(m_saveCap);
    // The field, its message and its note as one row: a hidden message takes no room.
    auto *capRow = new QVBoxLayout;
    capRow->setSpacing(4);
    capRow->addLayout(capField);
    capRow->addWidget(m_capError);
    capRow->addWidget(m_capNote);
    connect(m_cap, &QLineEdit::textChanged, this, &SettingsPage::validateCap);
    connect(m_cap, &QLineEdit::returnPressed, this, &SettingsPage::saveCap);
    connect(m_saveCap, &QPushButton::clicked, this, &SettingsPage::saveCap);
    m_accountNote = new QLabel(this);
    m_accountNote->setWordWrap(true);
    m_accountNote->setForegroundRole(QPalette::PlaceholderText);
    m_accountForm = new QFormLayout;
    m_accountForm->addRow(new QLabel(this), m_timezone);
    m_accountForm->addRow(QString(), m_timezoneError);
    m_accountForm->addRow(QString(), m_accountNote);
    m_capLabel = new QLabel(this);
    m_capLabel->setBuddy(m_cap);
    m_accountForm->addRow(m_capLabel, capRow);
    m_accountForm->addRow(new QLabel(this), m_currency);
    m_accountForm->addRow(QString(), m_currencyNote);

    m_folderTitle = makeSectionHeading(this);
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("dataFolder"));
    m_folder->setReadOnly(true);
    m_openFolder = new QPushButton(this);
    m_openFolder->setObjectName(QStringLiteral("openFolderButton"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_openFolder);
    m_integrity = new QLabel(this);
    m_integrity->setObjectName(QStringLiteral("integrityStatus"));
    m_integrity->setWordWrap(true);

    auto *column = new QWidget(this);
    column->setMaximumWidth(720);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addSpacing(6);
    layout->addWidget(m_appearanceTitle);
    layout->addLayout(m_appearanceForm);
    layout->addSpacing(10);
    layout->addWidget(m_accountTitle);
    layout->addLayout(m_accountForm);
    layout->addSpacing(10);
    layout->addWidget(m_folderTitle);
    layout->addLayout(folderRow);
    layout->addWidget(m_integrity);
    layout->addStretch(1);
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(20, 16, 20, 16);
    outer->addWidget(column, 1);
    outer->addStretch(0);

    connect(m_language, qOverload<int>(&QComboBox::activated), this,
            [this](int) { m_settings.setLanguage(m_language->currentData().toString()); });
    connect(m_theme, qOverload<int>(&QComboBox::activated), this,
            [this](int) { m_settings.setTheme(Theme::fromKey(m_theme->currentData().toString())); });
    connect(m_units, qOverload<int>(&QComboBox::activated), this,
            [this](int) { m_settings.setDataUnits(DataUnits(m_units->currentData().toInt())); });
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_service.dataDir())); });
    connect(&m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
        if (key == AppSettings::Key::Language || key == AppSettings::Key::Theme || key == AppSettings::Key::DataUnits)
            loadValues();
    });
    connect(&m_service, &Service::accountChanged, this, &SettingsPage::loadValues);
    connect(&m_service, &Service::integrityChecked, this, &SettingsPage::showIntegrity);
    retranslateUi();
    loadValues();
}

void SettingsPage::loadValues()
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings.language())));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(Theme::key(m_settings.theme()))));
    m_units->setCurrentIndex(std::max(0, m_units->findData(int(m_settings.dataUnits()))));
    const std::optional<Account> &account = m_service.account();
    {
        const QSignalBlocker quiet(m_timezone);
        m_timezone->setEditText(account ? account->timezone : QString());
    }
    m_timezone->setEnabled(account.has_value());
    m_timezoneError->hide();
    m_currency->setText(account ? account->currency : QString());
    {
        const QSignalBlocker quiet(m_cap);
        m_cap->setText(account && account->monthlyCap ? Formatter::moneyNumber(*account->monthlyCap) : QString());
    }
    m_cap->setEnabled(account.has_value());
    validateCap();
    m_folder->setText(m_shownFolder.isEmpty() ? m_service.dataDir() : m_shownFolder);
    m_openFolder->setVisible(!m_service.onServer()); // a database on a server has no folder to open
}

void SettingsPage::applyTimeZone()
{
    const std::optional<Account> &account = m_service.account();
    const QString zone = m_timezone->currentText().trimmed();
    if (!account || zone == account->timezone)
        return;
    const Expected<void> done = m_service.setTimeZone(zone);
    if (done) {
        m_timezoneError->hide();
        return;
    }
    QPalette palette = m_timezoneError->palette();
    palette.setColor(QPalette::WindowText, stateColor(StateColor::Error, palette));
    m_timezoneError->setPalette(palette);
    m_timezoneError->setText(done.sentences());
    m_timezoneError->show();
}

void SettingsPage::validateCap()
{
    const std::optional<Account> &account = m_service.account();
    const QString text = m_cap->text().trimmed();
    QString problem;
    std::optional<Money> cap;
    if (!text.isEmpty()) {
        const Expected<Money> parsed = Money::parse(text);
        if (!parsed)
            problem = tr("Enter an amount like 200.00, or nothing for no cap.");
        else if (parsed->isZero())
            problem = tr("A cap must be more than zero; leave the field empty for no cap.");
        else
            cap = *parsed;
    }
    m_capError->setError(problem);
    const bool changed = account && (text.isEmpty() ? account->monthlyCap.has_value() : cap != account->monthlyCap);
    m_saveCap->setEnabled(account && problem.isEmpty() && changed);
    if (changed || m_capNote->text().isEmpty())
        m_capNote->setText(tr("The auto top-ups of all lines together spend at most this much in a calendar month; "
                              "empty: no cap."));
}

void SettingsPage::saveCap()
{
    if (!m_saveCap->isEnabled())
        return;
    const QString text = m_cap->text().trimmed();
    const std::optional<Money> cap = text.isEmpty() ? std::nullopt : std::optional<Money>(*Money::parse(text));
    if (const Expected<void> saved = m_service.setAccountCap(cap); !saved) {
        m_capError->setError(saved.sentences());
        return;
    }
    m_capNote->setText(cap ? tr("Saved: auto top-ups of all lines together stop at %1 a month.")
                                 .arg(Formatter::money(*cap, m_service.account()->currency))
                           : tr("Saved: no account cap."));
    validateCap();
}

void SettingsPage::setShownDataFolder(const QString &text)
{
    m_shownFolder = text;
    loadValues();
}

void SettingsPage::showEvent(QShowEvent *event)
{
    loadValues();
    QWidget::showEvent(event);
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        showIntegrity(); // its colour is the theme's
    QWidget::changeEvent(event);
}

void SettingsPage::retranslateUi()
{
    m_title->setText(tr("Settings"));
    m_appearanceTitle->setText(tr("Appearance"));
    auto label = [](QFormLayout *form, QWidget *field, const QString &text) {
        if (auto *l = qobject_cast<QLabel *>(form->labelForField(field))) {
            l->setText(text);
            l->setBuddy(field);
        }
        field->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    };
    label(m_appearanceForm, m_language, tr("&Language"));
    label(m_appearanceForm, m_theme, tr("&Theme"));
    label(m_appearanceForm, m_units, tr("&Data units"));
    m_theme->setItemText(0, tr("Follow the system"));
    m_theme->setItemText(1, tr("Light"));
    m_theme->setItemText(2, tr("Dark"));
    m_units->setItemText(0, tr("GB (1 GB = 1000 MB)"));
    m_units->setItemText(1, tr("GiB (1 GiB = 1024 MiB)"));
    m_accountTitle->setText(tr("Account"));
    label(m_accountForm, m_timezone, tr("Time &zone"));
    label(m_accountForm, m_currency, tr("&Currency"));
    m_capLabel->setText(tr("Monthly c&ap"));
    m_cap->setPlaceholderText(tr("No cap (e.g. 200.00)"));
    m_cap->setAccessibleName(tr("Monthly cap for the auto top-ups of all lines"));
    m_saveCap->setText(tr("Sa&ve cap"));
    m_saveCap->setAccessibleName(tr("Save the monthly cap"));
    m_currencyNote->setText(tr("Chosen when the account was created and kept: every price, cap and record of the account "
                               "is in it, so changing it would change what they mean."));
    m_accountNote->setText(tr("Monthly top-ups, month starts and caps follow this time zone from the moment you choose it; "
                              "past top-ups keep the months they were made in."));
    // Both forms share one label column width, so their fields line up.
    int labelWidth = 0;
    QList<QLabel *> labels;
    for (QFormLayout *form : {m_appearanceForm, m_accountForm})
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole))
                if (auto *l = qobject_cast<QLabel *>(item->widget()))
                    labels << l;
    for (QLabel *l : labels) {
        l->setMinimumWidth(0);
        labelWidth = std::max(labelWidth, l->sizeHint().width());
    }
    for (QLabel *l : labels)
        l->setMinimumWidth(labelWidth);
    m_folderTitle->setText(m_service.onServer() ? tr("Database") : tr("Data folder"));
    m_folder->setAccessibleName(tr("Data folder"));
    m_openFolder->setText(tr("&Open folder"));
    m_openFolder->setAccessibleName(tr("Open the data folder"));
    showIntegrity();
}

void SettingsPage::showIntegrity()
{
    QString text;
    std::optional<StateColor> state;
    switch (m_service.integrity()) {
    case Service::Integrity::Checking:
        text = tr("Reading every page of the data files in the background…");
        break;
    case Service::Integrity::Ok:
        text = tr("The data files are whole (checked page by page).");
        break;
    case Service::Integrity::Damaged:
        text = tr("Damaged: %1. Nothing more is saved to it; move the data folder aside to start fresh.").arg(m_service.integrityProblem());
        state = StateColor::Error;
        break;
    case Service::Integrity::Unchecked:
        text = tr("The data files could not be read to their end (%1); the next start checks them again.").arg(m_service.integrityProblem());
        state = StateColor::Warning;
        break;
    case Service::Integrity::OnServer:
        text = tr("The world is on a PostgreSQL server, which keeps its own pages: TopUp has no page-by-page check to run there.");
        break;
    }
    m_integrity->setText(text);
    QPalette colours = palette();
    colours.setColor(QPalette::WindowText, state ? stateColor(*state, colours) : colours.color(QPalette::PlaceholderText));
    m_integrity->setPalette(colours);
}

} // namespace topup
