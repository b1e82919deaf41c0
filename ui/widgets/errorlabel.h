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

private:
    void applyColour();

    StateColor m_colour = StateColor::Error;
};

} // namespace topup
