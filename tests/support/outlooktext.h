#pragma once

#include "domain/lineoutlook.h"
#include "service/service.h"

#include <QString>
#include <QStringList>

namespace topup::test {

// Everything an outlook says, a line of text each (the tests of the kept
// outlook compare a kept one with one made afresh, field by field).
QStringList describe(const Outlook &outlook);

// The first line where `kept` and `fresh` differ, with both; empty when they say the same.
QString difference(const Outlook &kept, const Outlook &fresh);

// Each service's outlook asked now, `keeping`'s against `fresh`'s: why one
// could not be made, or their first difference; empty when they say the same.
QString outlooksDiffer(Service &keeping, Service &fresh);

// The last 31 days of all the lines added up, as the dashboard's chart asks
// (the days the clock passed kept by AccountHistory), against each line's
// own days added up (read whole every time); empty when they agree.
QString usageDiffers(Service &service);

} // namespace topup::test
