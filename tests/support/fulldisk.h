#pragma once

#include <QString>

namespace topup::test {

// While alive, the disk holding `folder` is full as SQLite sees it: every
// write of a file in it fails with ENOSPC, as the kernel answers on a full
// disk, while reads go on. Done through SQLite's own seam for its system
// calls (the unix VFS's xSetSystemCall), so it needs no privilege and no
// other filesystem; files written outside SQLite are not affected. One at
// a time, in the process that opens the files.
class FullDisk final
{
public:
    explicit FullDisk(const QString &folder);
    ~FullDisk();
    FullDisk(const FullDisk &) = delete;
    FullDisk &operator=(const FullDisk &) = delete;

    // Whether the seam was there to use (a test that needs it fails without).
    bool active() const noexcept { return m_active; }
    // Frees the disk before the object goes (idempotent).
    void release();

private:
    bool m_active = false;
};

} // namespace topup::test
