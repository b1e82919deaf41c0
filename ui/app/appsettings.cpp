#include "appsettings.h"

namespace topup {
namespace {

// Where each key lives in the settings file.
QString pathOf(AppSettings::Key key)
{
    switch (key) {
    case AppSettings::Key::Language:
        return QStringLiteral("ui/language");
    case AppSettings::Key::Theme:
        return QStringLiteral("ui/theme");
    case AppSettings::Key::DataUnits:
        return QStringLiteral("ui/dataUnits");
    case AppSettings::Key::WindowGeometry:
        return QStringLiteral("window/geometry");
    case AppSettings::Key::LastPage:
        return QStringLiteral("window/lastPage");
    }
    return {};
}

const QString languageKey = pathOf(AppSettings::Key::Language);
const QString themeKey = pathOf(AppSettings::Key::Theme);
const QString unitsKey = pathOf(AppSettings::Key::DataUnits);
const QString geometryKey = pathOf(AppSettings::Key::WindowGeometry);
const QString pageKey = pathOf(AppSettings::Key::LastPage);

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("TopUp"),
                                             QStringLiteral("topup-dashboard")))
{
}

AppSettings::AppSettings(const QString &iniFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QVariant AppSettings::read(const QString &key, const QVariant &fallback) const
{
    if (m_memory.contains(key))
        return m_memory.value(key);
    return m_settings->value(key, fallback);
}

void AppSettings::write(Key which, const QVariant &value)
{
    const QString key = pathOf(which);
    const bool same = read(key, QVariant()) == value;
    if (!m_persistent) {
        m_memory.insert(key, value);
    } else {
        // A choice the person makes replaces this run's value, and is saved.
        const bool forThisRun = m_memory.remove(key) > 0;
        if (same && !forThisRun)
            return;
        if (m_settings->value(key) != value)
            m_settings->setValue(key, value);
    }
    if (!same)
        emit changed(which);
}

void AppSettings::keepForThisRun(Key which, const QVariant &value)
{
    const QString key = pathOf(which);
    const bool same = read(key, QVariant()) == value;
    m_memory.insert(key, value);
    if (!same)
        emit changed(which);
}

void AppSettings::setLanguageForThisRun(const QString &language)
{
    if (languages().contains(language))
        keepForThisRun(Key::Language, language);
}

void AppSettings::setThemeForThisRun(ThemeChoice theme)
{
    keepForThisRun(Key::Theme, Theme::key(theme));
}

QString AppSettings::language() const
{
    const QString value = read(languageKey, QStringLiteral("en")).toString();
    return languages().contains(value) ? value : QStringLiteral("en");
}

void AppSettings::setLanguage(const QString &language)
{
    // The same language again still saves it when it was only this run's.
    if (languages().contains(language) && (language != this->language() || m_memory.contains(languageKey)))
        write(Key::Language, language);
}

ThemeChoice AppSettings::theme() const
{
    return Theme::fromKey(read(themeKey, QStringLiteral("system")).toString());
}

void AppSettings::setTheme(ThemeChoice theme)
{
    if (theme != this->theme() || m_memory.contains(themeKey))
        write(Key::Theme, Theme::key(theme));
}

DataUnits AppSettings::dataUnits() const
{
    return read(unitsKey, QStringLiteral("GB")).toString() == QLatin1String("GiB") ? DataUnits::Binary
                                                                                    : DataUnits::Decimal;
}

void AppSettings::setDataUnits(DataUnits units)
{
    if (units != dataUnits())
        write(Key::DataUnits, units == DataUnits::Binary ? QStringLiteral("GiB") : QStringLiteral("GB"));
}

QByteArray AppSettings::windowGeometry() const
{
    return read(geometryKey, QByteArray()).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    write(Key::WindowGeometry, geometry);
}

int AppSettings::lastPage() const
{
    return read(pageKey, 0).toInt();
}

void AppSettings::setLastPage(int page)
{
    write(Key::LastPage, page);
}

void AppSettings::sync()
{
    if (m_persistent)
        m_settings->sync();
}

} // namespace topup
