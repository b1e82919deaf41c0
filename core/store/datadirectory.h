#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

namespace topup {

// The folder that holds the store (`topup.sqlite`) and the simulated
// provider's journal (`gateway.sqlite`). Claiming it takes a lock the kernel
// holds on the folder itself (flock on the folder, released when the process
// ends however it ends), so a second writer is refused whatever happens to
// the files: the lock file `topup.lock` only says who holds the folder, for
// the message; an empty, garbage or stale one is simply written over.
class DataDirectory final
{
    Q_DECLARE_TR_FUNCTIONS(DataDirectory)

public:
    ~DataDirectory();
    Q_DISABLE_COPY_MOVE(DataDirectory)

    // `--data-dir` when given, else $TOPUP_DATA_DIR, else the platform's
    // application data folder.
    static QString resolve(const QString &fromCommandLine);
    static Expected<std::unique_ptr<DataDirectory>> claim(const QString &path);
    // Why `path` can never hold a world; none when it can:
    // a file, a symbolic link that leads nowhere (a loop, a missing target),
    // or a path longer than SQLite opens files under.
    static std::optional<Failure> unusable(const QString &path);
    // The longest folder path, in UTF-8 bytes: SQLite opens a file of at most
    // 512 bytes of path, and the longest of ours adds "/gateway.sqlite-journal".
    static constexpr int maxPathBytes = 480;
    // Another program (or another claim of this one) holds `path` now.
    static bool inUse(const QString &path);

    const QString &path() const noexcept { return m_path; }
    QString storePath() const;
    QString journalPath() const;

private:
    explicit DataDirectory(QString path);

    QString m_path;
    int m_lock = -1; // the folder, open and flock'ed
};

} // namespace topup
