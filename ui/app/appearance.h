#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QApplication;
class QTranslator;

namespace topup {

class AppSettings;

// Keeps the application's language and theme in step with the settings:
// installs the translators (our catalogue and Qt's own) and sets QLocale's
// default, so every widget gets QEvent::LanguageChange and retranslates;
// applies Fusion with the light or dark palette.
class Appearance final : public QObject
{
    Q_OBJECT

public:
    Appearance(QApplication &app, AppSettings &settings, QObject *parent = nullptr);
    ~Appearance() override;
    Q_DISABLE_COPY_MOVE(Appearance)

    const QString &language() const noexcept { return m_language; }
    // The font every widget uses: one fixed family (with CJK glyphs), so
    // screenshots are the same on every machine that has it.
    static void applyFixedFont(QApplication &app);

private:
    void apply();

    QApplication &m_app;
    AppSettings &m_settings;
    QString m_language;
    int m_theme = -1;
    std::unique_ptr<QTranslator> m_ours;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace topup
