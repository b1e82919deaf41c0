#pragma once

#include "expected.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace topup {

// SPEC §1: "The time zone is an IANA name the system knows (`UTC`
// included)": a zone or link name of the system's tz database, such as
// Europe/Paris, EST5EDT or UTC. Qt also accepts fixed offsets ("UTC+05:00"),
// POSIX rules ("ABC-3") and file paths; none of those is an IANA name.
class TimeZoneName final
{
    Q_DECLARE_TR_FUNCTIONS(TimeZoneName)

public:
    [[nodiscard]] static Expected<QTimeZone> parse(QStringView name);
    static bool isKnown(const QByteArray &name);

private:
    TimeZoneName() = delete;
};

} // namespace topup
