#pragma once

#include "domain/expected.h"
#include "domain/instant.h"

#include <QTest>

#include <type_traits>
#include <vector>

// Using an `Expected` in a test: its value, or a failed test that names the
// expression and says what went wrong (never a crash, never an assertion that
// Release builds compile out).

// Verifies that an `Expected` holds a value; the failure names the
// expression and gives its error.
#define TOPUP_VERIFY_OK(expression)                                                                      \
    do {                                                                                                 \
        const auto topupResult = (expression);                                                           \
        QVERIFY2(topupResult.ok(), qPrintable(QStringLiteral(#expression ": ") + topupResult.error()));  \
    } while (false)

// In a helper that returns a value and so cannot return from the test: the
// value of `expression`, or a failure recorded for the running test and a
// default value (the test is reported failed with the error).
#define TOPUP_VALUE(expression) ::topup::test::checkedValue((expression), #expression, __FILE__, __LINE__)

// The first row of an `Expected` list that the test expects to hold rows:
// like TOPUP_VALUE, an error or an empty list fails the test.
#define TOPUP_FIRST(expression) ::topup::test::checkedFirst((expression), #expression, __FILE__, __LINE__)

namespace topup::test {

template<typename T>
T checkedValue(const Expected<T> &expected, const char *what, const char *file, int line)
{
    static_assert(std::is_default_constructible_v<T>, "TOPUP_VALUE needs a default value to go on with");
    if (!QTest::qVerify(expected.ok(), what, qPrintable(expected.error()), file, line))
        return T{};
    return *expected;
}

template<typename T>
T checkedFirst(const Expected<std::vector<T>> &expected, const char *what, const char *file, int line)
{
    if (!QTest::qVerify(expected.ok(), what, qPrintable(expected.error()), file, line)
        || !QTest::qVerify(!expected->empty(), what, "the list is empty", file, line))
        return T{};
    return expected->front();
}

// The instant written in `text`, a literal of the test: a typo fails the test.
inline Instant at(const char *text)
{
    return TOPUP_VALUE(Instant::parse(QString::fromLatin1(text)));
}

} // namespace topup::test
