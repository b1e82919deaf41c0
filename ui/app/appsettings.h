#pragma once

#include "theme.h"

#include <QByteArray>
#include <QObject>
#include <QSettings>

#include <memory>

namespace topup {

enum class DataUnits { Decimal, Binary }; // GB or GiB

// The desktop app's choices, typed, over one QSettings. Passed by reference
// to whoever needs it; `changed(key)` fires after a value changes, naming
// it, so that a page follows only the keys it shows (KeePassXC's
// Config::changed(ConfigKey)).
class AppSettings final : public QObject
{
    Q_OBJECT

public:
    enum class Key { Language, Theme, DataUnits, WindowGeometry, LastPage };
    Q_ENUM(Key)

    // The user's settings file (organisation "TopUp", application "topup-dashboard").
    explicit AppSettings(QObject *parent = nullptr);
    // A given INI file, for tests and the screenshot tour.
    explicit AppSettings(const QString &iniFile, QObject *parent = nullptr);
    ~AppSettings() override;
    Q_DISABLE_COPY_MOVE(AppSettings)

    QString language() const; // "en" or "zh_CN"
    void setLanguage(const QString &language);
    ThemeChoice theme() const;
    void setTheme(ThemeChoice theme);
    DataUnits dataUnits() const;
    void setDataUnits(DataUnits units);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    int lastPage() const;
    void setLastPage(int page);

    // A language or theme for this run only (--lang, --theme): read back,
    // never saved; a choice made in Settings afterwards replaces it and is saved.
    void setLanguageForThisRun(const QString &language);
    void setThemeForThisRun(ThemeChoice theme);

    // Whether values are written back (the screenshot tour keeps them in memory only).
    void setPersistent(bool persistent) { m_persistent = persistent; }
    void sync();

    static QStringList languages() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }

signals:
    void changed(topup::AppSettings::Key key);

private:
    void write(Key key, const QVariant &value);
    void keepForThisRun(Key key, const QVariant &value);
    QVariant read(const QString &key, const QVariant &fallback) const;

    std::unique_ptr<QSettings> m_settings;
    QVariantMap m_memory; // values not persisted: every value when not persistent, else this run's
    bool m_persistent = true;
};

} // namespace topup
