#pragma once

#include <QHash>
#include <QString>

namespace topup {

// The service's policy check answers one line per problem, each starting
// with its path ("policy.monthly.day: must be between 1 and 31 (got 32)");
// the form shows each message under the field its path names.
class PolicyErrors final
{
public:
    PolicyErrors() = delete;

    // Field path without "policy." ("monthly.day", "method") → its messages;
    // problems of the whole policy, or without a path, under "policy".
    [[nodiscard]] static QHash<QString, QString> byField(const QString &serviceError);
};

} // namespace topup
