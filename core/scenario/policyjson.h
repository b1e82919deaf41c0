#pragma once

#include "domain/package.h"
#include "domain/policy.h"
#include "jsonfields.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <vector>

namespace topup {

// What a policy may refer to.
struct PolicyCatalog final
{
    const KnownIds &methods;
    const KnownIds &packages;
    const std::vector<Package> &packageList;
};

// A policy as JSON (SPEC §8 `policy`), read with every problem reported at
// its path and the validation rules of SPEC §2; and written back.
class PolicyJson final
{
    Q_DECLARE_TR_FUNCTIONS(PolicyJson)

public:
    static Policy read(const QJsonObject &object, const QString &path, const PolicyCatalog &catalog, Problems &problems);
    static QJsonObject write(const Policy &policy);
};

} // namespace topup
