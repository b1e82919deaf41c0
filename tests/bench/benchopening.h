#pragma once

#include <QString>

// The opening figures of bench_store (issue 8, "Opening a store"): opening
// the store at `path` (closed, no write-ahead log beside it) `runs` times in
// turns, cleanly closed and after an unclean shutdown, the full check alone,
// Service::open of a world folder holding it, and stopping the check. 0 when
// every measure ran; else 1, with what failed on standard error.
int timeOpening(const QString &path, int runs);
