#pragma once

#include <QString>

namespace topup {

// Every database file this process has open, by its canonical path: how
// many connections have it open, and the damage found in it, if any
// (Database::reportDamage). Thread-safe.
class OpenFiles final
{
public:
    // The file's place in the list: its canonical path.
    static QString keyOf(const QString &path);
    // The damage reported in the file; empty when none was.
    static QString damageAt(const QString &key);
    // One more connection to the file: whether another was open already,
    // or (empty) refused because damage was reported in it.
    struct Joined final
    {
        bool refused = false;
        QString damage;     // why, when refused
        bool openHere = false; // another connection of this process has the file open
    };
    static Joined join(const QString &key);
    // One connection fewer; the file is forgotten with the last one.
    static void leave(const QString &key);
    // Damage found: every connection to the file refuses to write from now on.
    static void reportDamage(const QString &key, const QString &damage);
};

} // namespace topup
