#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <memory>

namespace topup {

// The folder that holds the store (`topup.sqlite`) and the simulated
// provider's journal (`gateway.sqlite`). Claiming it takes a lock file, so a
// second instance on the same folder is refused instead of racing the first.
class DataDirectory final
{
    Q_DECLARE_TR_FUNCTIONS(DataDirectory)

public:
    ~DataDirectory() = default;
    Q_DISABLE_COPY_MOVE(DataDirectory)

    // `--data-dir` when given, else $TOPUP_DATA_DIR, else the platform's
    // application data folder.
    static QString resolve(const QString &fromCommandLine);
    static Expected<std::unique_ptr<DataDirectory>> claim(const QString &path);

    const QString &path() const noexcept { return m_path; }
    QString storePath() const;
    QString journalPath() const;

private:
    explicit DataDirectory(QString path);

    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace topup
