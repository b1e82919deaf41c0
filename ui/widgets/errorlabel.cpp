#include "errorlabel.h"

#include <QEvent>

namespace topup {

ErrorLabel::ErrorLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setVisible(false);
    applyColour();
}

ErrorLabel::ErrorLabel(const QString &objectName, QWidget *parent, StateColor colour) : ErrorLabel(parent)
{
    setObjectName(objectName);
    m_colour = colour;
    applyColour();
}

void ErrorLabel::setError(const QString &message)
{
    // Shown as given: the core and the forms make whole sentences
    // (Expected::sentences()), in languages with and without capitals.
    setText(message);
    setAccessibleName(message);
    setVisible(!message.isEmpty());
    fitHeight();
}

void ErrorLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fitHeight();
}

void ErrorLabel::fitHeight()
{
    // Hidden, the width is not the one it will be shown at.
    if (!isVisible() || width() <= 0)
        return;
    const int needed = heightForWidth(width());
    if (needed > 0 && needed != minimumHeight())
        setMinimumHeight(needed);
}

void ErrorLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyColour();
    QLabel::changeEvent(event);
}

void ErrorLabel::applyColour()
{
    QPalette colours = palette();
    const QColor error = stateColor(m_colour, colours);
    if (colours.color(QPalette::WindowText) != error) {
        colours.setColor(QPalette::WindowText, error);
        setPalette(colours);
    }
}

} // namespace topup
