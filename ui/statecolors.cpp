#include "statecolors.h"

#include <QApplication>
#include <QStyle>

namespace topup {

bool isDarkPalette(const QPalette &palette)
{
    // As qBittorrent's theme manager: the base colour's lightness decides.
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor trackColor(const QPalette &palette)
{
    return palette.color(isDarkPalette(palette) ? QPalette::Mid : QPalette::Midlight);
}

QColor stateColor(StateColor state, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (state) {
    case StateColor::Ok:
        return dark ? QColor(0x6c, 0xcb, 0x7a) : QColor(0x1e, 0x7b, 0x34);
    case StateColor::Warning:
        return dark ? QColor(0xf0, 0xb4, 0x4c) : QColor(0xa3, 0x5f, 0x00);
    case StateColor::Error:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
    case StateColor::Info:
        return dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x0b, 0x5c, 0xad);
    }
    return palette.color(QPalette::Text);
}

QIcon stateIcon(StateColor state)
{
    QStyle *style = QApplication::style();
    switch (state) {
    case StateColor::Ok:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case StateColor::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case StateColor::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case StateColor::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}

} // namespace topup
