#include "appearance.h"

#include "appsettings.h"
#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace topup {

Appearance::Appearance(QApplication &app, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_settings(settings)
{
    connect(&m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
        if (key == AppSettings::Key::Language || key == AppSettings::Key::Theme)
            apply();
    });
    apply();
}

Appearance::~Appearance()
{
    if (m_ours)
        QCoreApplication::removeTranslator(m_ours.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
}

void Appearance::applyFixedFont(QApplication &app)
{
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSize(10);
    font.setStyleStrategy(QFont::PreferAntialias);
    app.setFont(font);
}

void Appearance::apply()
{
    const int theme = int(m_settings.theme());
    if (theme != m_theme) {
        m_theme = theme;
        Theme::apply(m_app, m_settings.theme());
    }
    const QString language = m_settings.language();
    if (language == m_language)
        return;
    m_language = language;
    if (m_ours)
        QCoreApplication::removeTranslator(m_ours.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_ours.reset();
    m_qt.reset();
    const QLocale locale(language == QLatin1String("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                                                           : QLocale(QLocale::English, QLocale::UnitedStates));
    QLocale::setDefault(locale);
    // English's catalogue holds its plurals only ("1 row", "2 rows").
    auto ours = std::make_unique<QTranslator>();
    if (ours->load(QStringLiteral(":/i18n/topup_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(ours.get());
        m_ours = std::move(ours);
    }
    if (language != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            m_qt = std::move(qt);
        }
    }
    // Removing a translator alone sends no LanguageChange when none is left.
    QEvent change(QEvent::LanguageChange);
    if (!m_ours && !m_qt)
        QCoreApplication::sendEvent(&m_app, &change);
}

} // namespace topup
