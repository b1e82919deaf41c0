#pragma once

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace topup {

class AppSettings;
class ErrorLabel;
class Service;

// Language (switched at run time), theme, data units; the account's time
// zone (searchable, saved when chosen), its monthly cap for the auto
// top-ups of all lines (set, changed or removed) and its currency (fixed,
// with the reason); the data folder with a button to open it.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(Service &service, AppSettings &settings, QWidget *parent = nullptr);

    // The screenshot tour shows a fixed name for its temporary folder, so
    // the same arguments give the same pictures.
    void setShownDataFolder(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void loadValues();
    // What the background check of the data files found this session.
    void showIntegrity();
    void applyTimeZone();
    // The account's monthly cap as typed: a message under it, Save off until valid.
    void validateCap();
    void saveCap();

    Service &m_service;
    AppSettings &m_settings;
    QLabel *m_title = nullptr;
    QLabel *m_appearanceTitle = nullptr;
    QFormLayout *m_appearanceForm = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_units = nullptr;
    QLabel *m_accountTitle = nullptr;
    QFormLayout *m_accountForm = nullptr;
    QComboBox *m_timezone = nullptr;
    QLabel *m_timezoneError = nullptr;
    QLineEdit *m_currency = nullptr;
    QLabel *m_currencyNote = nullptr;
    QLabel *m_capLabel = nullptr;
    QLineEdit *m_cap = nullptr;
    QPushButton *m_saveCap = nullptr;
    ErrorLabel *m_capError = nullptr;
    QLabel *m_capNote = nullptr;
    QLabel *m_accountNote = nullptr;
    QLabel *m_folderTitle = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_openFolder = nullptr;
    QLabel *m_integrity = nullptr;
    QString m_shownFolder;
};

} // namespace topup
