// The digest export compares a table by on both engines (issue 16): the
// same rows in any order give the same digest; a row missing, repeated or
// changed, a whole number against its text, NULL against '' do not.
#include "testmain.h"
#include "store/rowdigest.h"

#include <QTest>

namespace tst_rowdigest {

using namespace topup;

namespace {

using Row = std::vector<QVariant>;

RowDigest digestOf(const std::vector<Row> &rows)
{
    RowDigest digest;
    for (const Row &row : rows)
        digest.add(row);
    return digest;
}

const Row first{QVariant(qlonglong(1)), QVariant(QStringLiteral("Home phone")), QVariant()};
const Row second{QVariant(qlonglong(2)), QVariant(QStringLiteral("流量")), QVariant(qlonglong(-5))};

} // namespace

class TestRowDigest final : public QObject
{
    Q_OBJECT

private slots:
    void ignoresTheOrderOfRows()
    {
        QVERIFY(digestOf({first, second}) == digestOf({second, first}));
        QCOMPARE(digestOf({first, second}).toHex(), digestOf({second, first}).toHex());
        QCOMPARE(digestOf({first, second}).rows(), 2);
    }

    void seesEveryChange_data()
    {
        QTest::addColumn<std::vector<Row>>("other");
        QTest::newRow("a row missing") << std::vector<Row>{first};
        QTest::newRow("a row repeated") << std::vector<Row>{first, second, second};
        QTest::newRow("a row repeated in place of another") << std::vector<Row>{second, second};
        QTest::newRow("a number as text") << std::vector<Row>{
            {QVariant(QStringLiteral("1")), QVariant(QStringLiteral("Home phone")), QVariant()}, second};
        QTest::newRow("NULL as empty text") << std::vector<Row>{{QVariant(qlonglong(1)), QVariant(QStringLiteral("Home phone")), QVariant(QString())},
                                                              second};
        QTest::newRow("a value moved to the next column")
            << std::vector<Row>{{QVariant(qlonglong(1)), QVariant(QStringLiteral("Home")), QVariant(QStringLiteral(" phone"))}, second};
        QTest::newRow("one character") << std::vector<Row>{{QVariant(qlonglong(1)), QVariant(QStringLiteral("Home Phone")), QVariant()}, second};
    }

    void seesEveryChange()
    {
        QFETCH(std::vector<Row>, other);
        QVERIFY(digestOf({first, second}) != digestOf(other));
    }

    // The integer types each driver may hand back are one kind.
    void readsEveryIntegerTypeAlike()
    {
        RowDigest asInt;
        asInt.add({QVariant(int(7))});
        RowDigest asLongLong;
        asLongLong.add({QVariant(qlonglong(7))});
        QVERIFY(asInt == asLongLong);
    }
};

TOPUP_TEST_GUILESS_MAIN(TestRowDigest)
} // namespace tst_rowdigest
#include "tst_rowdigest.moc"
