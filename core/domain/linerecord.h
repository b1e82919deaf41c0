#pragma once

#include "engineid.h"
#include "dataamount.h"
#include "instant.h"
#include "lineprogress.h"
#include "money.h"
#include "policy.h"
#include "reason.h"
#include "usageprofile.h"
#include "voiceamount.h"

#include <QString>

#include <optional>

namespace topup {

// A saved eSIM line as the service shows it, and what a person types to add one.

// A line being bought is charged first ("buying"); the provider's answer
// makes it active or refused. A removed line stays for its history.
enum class LineState { Buying, Active, Removed, Refused };

QString lineStateName(LineState state);
// Any state by its name; none for an unknown name.
std::optional<LineState> parseLineState(QStringView name);

// A line the carrier already provides (the demo's, tests'): no purchase.
struct LineForm final
{
    QString name;
    QString region;
    UsageProfile profile = UsageProfile::Regular;
    quint64 seed = 0;
    DataAmount data;
    VoiceAmount voice;
};

// What a person chooses to buy a line from the catalog (Service::buyLine).
struct LinePurchaseForm final
{
    QString name;
    QString region;  // a RegionOffer::code
    QString package; // a PackageOffer::code of that region: the first package
    qint64 methodId = 0;
    UsageProfile profile = UsageProfile::Regular;
    std::optional<quint64> seed; // none: drawn at random (the simulation's usage)
};

// Who saved a line's rules (the desktop, "user@host", as it names itself)
// and when, by its clock (the wall clock, or --now).
struct RulesAuthor final
{
    QString desktop;
    Instant at;

    bool operator==(const RulesAuthor &other) const { return desktop == other.desktop && at == other.at; }
};

// The rules a form loaded and their version (LineRecord::rulesVersion),
// given back when it saves: a save over rules that changed elsewhere since
// is refused, naming what changed (Service::setPolicy).
struct RulesSeen final
{
    qint64 version = 0;
    std::optional<Policy> policy;
};

struct LineRecord final
{
    qint64 id = 0;
    QString name;
    QString region;
    UsageProfile profile = UsageProfile::Regular;
    quint64 seed = 0;
    qint64 dataBytes = 0;
    qint64 voiceSeconds = 0;
    std::optional<Policy> policy; // ids: "M<row>" methods, "P<row>" packages
    // One more at every save of the rules (0: never saved): what a form
    // that loaded them gives back when it saves (RulesSeen).
    qint64 rulesVersion = 0;
    // Who saved them last and when; none before store version 10.
    std::optional<RulesAuthor> rulesChangedBy;
    LineProgress progress;
    std::optional<Instant> nextThresholdRetry; // while the threshold trigger is retrying
    LineState state = LineState::Active;
    std::optional<Instant> removedAt;

    QString engineId() const { return EngineId::line(id); }
};

// What buying a line came to: the line, or the provider's refusal (then no
// line was made; the failed charge stays in History).
struct LinePurchaseResult final
{
    qint64 lineId = 0; // the line bought, or refused (History keeps it)
    std::optional<LineRecord> line;
    std::optional<Reason> refusal;
    QString methodLabel; // the method charged, as listed
    Money price;
};

} // namespace topup
