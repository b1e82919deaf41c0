#pragma once

#include "package.h"

#include <QCoreApplication>
#include <QString>

namespace topup {

// A package an account can buy, with its row id, display name and region.

struct PackageRecord final
{
    qint64 id = 0;
    QString name;
    Package package; // package.id is the engine's id: "P<row id>"
    QString region;  // the catalog region it is sold in; empty: the general offers

    // The names of the carrier's default catalog are stored in English and
    // translated when shown, under this context; a name given by hand is
    // shown as given.
    static constexpr const char *catalogContext = "PackageCatalog";
    static QString displayName(const QString &name)
    {
        return QCoreApplication::translate(catalogContext, name.toUtf8().constData());
    }
};

} // namespace topup
