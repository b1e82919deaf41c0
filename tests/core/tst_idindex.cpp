#include "testmain.h"
#include "scenario/idindex.h"

#include <QTest>

namespace tst_idindex {

using namespace topup;

// The line ids of a scenario, found by the UTF-8 bytes of the file.
class TestIdIndex final : public QObject
{
    Q_OBJECT

private slots:
    void findsEveryIdByItsBytes()
    {
        // Ids that share length, first, middle and last bytes share a probe
        // sequence; each is still told apart by its whole text.
        const std::vector<QString> ids = {QStringLiteral("aXbcd"), QStringLiteral("aYbcd"), QStringLiteral("aZbcd"),
                                          QStringLiteral("line01"), QStringLiteral("line1"), QStringLiteral("x"),
                                          QStringLiteral("手机"), QStringLiteral("phone/2")};
        const IdIndex index(ids);
        for (const QString &id : ids) {
            const QByteArray utf8 = id.toUtf8();
            const QString *found = index.find(std::string_view(utf8.constData(), std::size_t(utf8.size())));
            QVERIFY2(found, qPrintable(id));
            QCOMPARE(*found, id);
        }
        for (const char *missing : {"aWbcd", "line0", "line011", "", "X", "phone"})
            QVERIFY2(!index.find(missing), missing);
        // The UTF-16 code units of a non-ASCII id are not its bytes.
        const QByteArray latin1 = QStringLiteral("手机").toLatin1();
        QVERIFY(!index.find(std::string_view(latin1.constData(), std::size_t(latin1.size()))));
    }

    void manyIdsAndNone()
    {
        std::vector<QString> ids;
        for (int i = 0; i < 10'000; ++i)
            ids.push_back(QStringLiteral("line-%1").arg(i));
        ids.push_back(ids.front()); // a repeat is kept once
        const IdIndex index(ids);
        for (int i = 0; i < 10'000; i += 7) {
            const QByteArray utf8 = QStringLiteral("line-%1").arg(i).toUtf8();
            const QString *found = index.find(std::string_view(utf8.constData(), std::size_t(utf8.size())));
            QVERIFY2(found && *found == QString::fromUtf8(utf8), utf8.constData());
        }
        QVERIFY(!index.find("line-10000"));
        QVERIFY(!IdIndex().find("line-1"));
        QVERIFY(!IdIndex(std::vector<QString>()).find(""));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestIdIndex)
} // namespace tst_idindex
#include "tst_idindex.moc"
