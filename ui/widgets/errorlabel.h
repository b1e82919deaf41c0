#pragma once

#include "statecolors.h"

#include <QLabel>

namespace topup {

// The inline message under a form field: hidden while there is nothing to
// say, in the theme's error colour (or warning colour, for a valid value
// that deserves a second look), wrapped, and read out by screen readers.
class ErrorLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorLabel)

public:
    explicit ErrorLabel(QWidget *parent = nullptr);
    // With the object name tests and the screenshot tour find it by.
    ErrorLabel(const QString &objectName, QWidget *parent, StateColor colour = StateColor::Error);

    void setError(const QString &message);
    QString error() const { return text(); }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyColour();
    // A wrapped message asks its layout for the height of all its lines: a
    // layout lays a word-wrapped label out at its one-line minimum, and a
    // dialog does not grow for it (the message was cut top and bottom).
    void fitHeight();

    StateColor m_colour = StateColor::Error;
};

} // namespace topup
