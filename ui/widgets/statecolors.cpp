#include "statecolors.h"

#include <QApplication>
#include <QGuiApplication>
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

namespace {

// The state icons of one style, decoded once: a table paints an icon in
// every row it shows, and QStyle::standardIcon makes (and decodes) a new
// one each call. A child of the style, so a change of theme (a new style)
// makes them again and they go with the style.
class StateIcons final : public QObject
{
public:
    explicit StateIcons(QStyle *style)
        : QObject(style), m_ok(style->standardIcon(QStyle::SP_DialogApplyButton)),
          m_warning(style->standardIcon(QStyle::SP_MessageBoxWarning)), m_error(style->standardIcon(QStyle::SP_MessageBoxCritical)),
          m_info(style->standardIcon(QStyle::SP_MessageBoxInformation))
    {
        setObjectName(QStringLiteral("topupStateIcons"));
    }

    static const StateIcons &of(QStyle *style)
    {
        if (auto *icons = dynamic_cast<StateIcons *>(style->findChild<QObject *>(QStringLiteral("topupStateIcons"), Qt::FindDirectChildrenOnly)))
            return *icons;
        return *new StateIcons(style);
    }

    const QIcon &icon(StateColor state) const
    {
        switch (state) {
        case StateColor::Ok:
            return m_ok;
        case StateColor::Warning:
            return m_warning;
        case StateColor::Error:
            return m_error;
        case StateColor::Info:
            break;
        }
        return m_info;
    }

private:
    QIcon m_ok;
    QIcon m_warning;
    QIcon m_error;
    QIcon m_info;
};

} // namespace

QIcon stateIcon(StateColor state)
{
    return StateIcons::of(QApplication::style()).icon(state);
}

QVariant outcomeRowData(StateColor state, int role, bool outcomeColumn)
{
    if (role == Qt::DecorationRole)
        return outcomeColumn ? QVariant(stateIcon(state)) : QVariant();
    if (role == Qt::ForegroundRole && (state == StateColor::Error || state == StateColor::Warning))
        return stateColor(state, QGuiApplication::palette());
    return {};
}

} // namespace topup
