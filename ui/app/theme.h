#pragma once

#include <QPalette>
#include <QString>

class QApplication;

namespace topup {

enum class ThemeChoice { System, Light, Dark };

// Fusion with an explicit light or dark palette (Qt 6.4 has no colour
// scheme hint). "System" keeps the platform palette and so follows its
// lightness; the named state colours follow whichever palette is set.
class Theme final
{
public:
    [[nodiscard]] static QPalette lightPalette();
    [[nodiscard]] static QPalette darkPalette();
    [[nodiscard]] static QPalette paletteFor(ThemeChoice choice, const QPalette &platform);
    // Sets the Fusion style (once) and the palette of the choice.
    static void apply(QApplication &app, ThemeChoice choice);

    [[nodiscard]] static QString key(ThemeChoice choice);
    [[nodiscard]] static ThemeChoice fromKey(const QString &key, bool *ok = nullptr);

private:
    Theme() = delete;
};

} // namespace topup
