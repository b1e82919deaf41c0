#pragma once

// The tests of one folder are built into one program (tests/CMakeLists.txt:
// one link instead of one per test, and files compiled a few at a time),
// and ctest runs each test as `PROGRAM TEST [QtTest options]`. A test file
// ends with TOPUP_TEST_MAIN(TestClass) (a QApplication, as QTEST_MAIN) or
// TOPUP_TEST_GUILESS_MAIN(TestClass) (a QCoreApplication, as
// QTEST_GUILESS_MAIN) instead of Qt's macros, which each define main(): the
// body is Qt's, registered under the file's name (tst_money for
// tst_money.cpp) for testmain.cpp's main() to find.

#include <QTest>

namespace topup::test {

using TestEntry = int (*)(int argc, char *argv[]);

// Registers `entry` under the base name of `file` (a __FILE__). A name
// registered twice makes the program refuse to run.
struct TestRegistration final
{
    TestRegistration(const char *file, TestEntry entry);
};

} // namespace topup::test

#define TOPUP_TEST_ENTRY_(TestObject, ...)                                                                             \
    static int topupTestEntry_##TestObject(int argc, char *argv[])                                                     \
    {                                                                                                                  \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>();                                             \
        __VA_ARGS__                                                                                                    \
        TestObject tc;                                                                                                 \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }                                                                                                                  \
    static const topup::test::TestRegistration topupTestRegistration_##TestObject(__FILE__, &topupTestEntry_##TestObject);

// Qt's own macros define main(), which a folder's program has once: they
// are refused with a message saying what to write instead.
#undef QTEST_MAIN
#undef QTEST_GUILESS_MAIN
#define QTEST_MAIN(TestObject) static_assert(false, "end a test with TOPUP_TEST_MAIN(" #TestObject ") from testmain.h");
#define QTEST_GUILESS_MAIN(TestObject)                                                                                 \
    static_assert(false, "end a test with TOPUP_TEST_GUILESS_MAIN(" #TestObject ") from testmain.h");

#define TOPUP_TEST_MAIN(TestObject) TOPUP_TEST_ENTRY_(TestObject, QTEST_MAIN_SETUP())
#define TOPUP_TEST_GUILESS_MAIN(TestObject) TOPUP_TEST_ENTRY_(TestObject, QTEST_QAPP_SETUP(QCoreApplication))
