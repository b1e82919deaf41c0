#pragma once

#include "domain/expected.h"
#include "domain/instant.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace topup {
class Service;
}

namespace topup::test {

// A world's files on disk, as the tests of unclean shutdowns use them: the
// store, the payment journal and their write-ahead logs.

// The demo world (seed 1, its seeded tokens) built in `folder` at `now`,
// with test::fastPasswordRounds.
[[nodiscard]] Expected<void> buildDemoWorld(const QString &folder, Instant now);

// Copies the world's files (those that are there) from one folder to
// another, replacing what is there; false when a copy fails.
bool copyWorldFiles(const QString &from, const QString &to);

// Each of the world's files with its SHA-256, or "absent": what "nothing
// was changed" compares.
QStringList worldFingerprint(const QString &folder);

// Opens the world in `folder` at `now`, acts for its first account, catches
// up, runs `more` (when given), and copies the files to `image` while the
// service is still open: the bytes a crash (SIGKILL, or a power cut after
// the last sync) leaves on disk, both logs included. Failures are recorded
// for the running test.
// Removes the provider's account for `token` from the payment journal
// (the gateway.sqlite in or below `folder`; on PostgreSQL, when the test
// started a StoreEngine there, the journal's database of the world it keeps
// for `folder`), as a journal that lost it holds it: none. False, the failure recorded for the running test, when it cannot.
bool forgetProviderAccount(const QString &folder, const QString &token);

void takeCrashImage(const QString &folder, Instant now, const QString &image, const std::function<void(Service &)> &more = {});

} // namespace topup::test
