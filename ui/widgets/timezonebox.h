#pragma once

#include <QComboBox>

namespace topup {

// The IANA time zones the system knows, editable and searchable: typing
// "tokyo" offers Asia/Tokyo. What is typed stays as typed; the caller says
// whether it is a zone (sign-up, Settings).
class TimeZoneBox final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeZoneBox)

public:
    explicit TimeZoneBox(QWidget *parent = nullptr);

    // The system's own zone ("UTC" when it has none).
    static QString systemZone();
};

} // namespace topup
