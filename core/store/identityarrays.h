#pragma once

#include "arrayliteral.h"
#include "sim/gateway.h"

namespace topup {

// Charges' identities as the three array columns of a statement that reads
// its rows from arrays (Dialect::rowsFromArrays, PostgreSQL): the chain
// key, the attempt and the method's token, in the order they were added.
struct IdentityArrays final
{
    ArrayLiteral keys;
    ArrayLiteral attempts;
    ArrayLiteral tokens;

    void add(const ChargeIdentity &identity)
    {
        keys.add(identity.chainKey.toUtf8());
        attempts.add(qint64(identity.attempt));
        tokens.add(identity.method.toUtf8());
    }
};

} // namespace topup
