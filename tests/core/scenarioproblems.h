#pragma once

// How the scenario reader tests put what a reading gave into words, to
// compare two readings or a reading with what is expected.
#include "engine/world.h"
#include "scenario/problem.h"

#include <QString>
#include <QStringList>

namespace topup::test {

// "path: message", a line each.
inline QString describe(const Problems &problems)
{
    QStringList lines;
    for (const Problem &problem : problems)
        lines << problem.path + QLatin1String(": ") + problem.message;
    return lines.join(QLatin1Char('\n'));
}

// Every field of every event, a line each.
inline QString describeEvents(const World &world)
{
    QStringList lines;
    for (const WorldEvent &event : world.events) {
        QStringList faults;
        for (const Reason reason : event.faults)
            faults << QString::number(int(reason));
        lines << QStringLiteral("%1 %2 line=%3 method=%4 package=%5 data=%6 voice=%7 deposit=%8 policy=%9 faults=%10")
                     .arg(event.at.toString())
                     .arg(int(event.kind))
                     .arg(event.line, event.method, event.package)
                     .arg(event.data.bytes())
                     .arg(event.voice.seconds())
                     .arg(event.deposit.toString())
                     .arg(event.policy ? (event.policy->enabled ? QStringLiteral("on") : QStringLiteral("off")) : QStringLiteral("none"))
                     .arg(faults.join(QLatin1Char(',')));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace topup::test
