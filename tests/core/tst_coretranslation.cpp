// Every message core/ shows a person must be found by the run-time lookup
// under the context lupdate files it in. The test reads the catalogue that
// lupdate extracted from core/ at build time and installs a translator that
// knows exactly those (context, source) pairs: a message whose context
// differs between the two stays untranslated and fails here.
#include "testmain.h"
#include "domain/cardexpiry.h"
#include "domain/cardsecuritycode.h"
#include "domain/dataamount.h"
#include "domain/instant.h"
#include "domain/loginid.h"
#include "domain/money.h"
#include "domain/packagerecord.h"
#include "domain/passwordpolicy.h"
#include "scenario/scenarioreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace tst_coretranslation {

using namespace topup;

namespace {

const QString marker = QStringLiteral("\u8bd1:");

// Answers every message of the catalogue with a marked copy of its source.
class CatalogueTranslator final : public QTranslator
{
public:
    bool load(const QString &tsPath, QString *error)
    {
        QFile file(tsPath);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = file.errorString();
            return false;
        }
        QXmlStreamReader xml(&file);
        QString context;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                m_known.insert(context + QLatin1Char('\x1f') + xml.readElementText());
        }
        if (xml.hasError()) {
            *error = xml.errorString();
            return false;
        }
        return true;
    }

    qsizetype size() const { return m_known.size(); }

    bool isEmpty() const override { return m_known.isEmpty(); }

    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        const QString key = QString::fromUtf8(context) + QLatin1Char('\x1f') + QString::fromUtf8(sourceText);
        return m_known.contains(key) ? marker + QString::fromUtf8(sourceText) : QString();
    }

private:
    QSet<QString> m_known;
};

} // namespace

class TestCoreTranslation final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_translator.load(QStringLiteral(TOPUP_CORE_TS), &error), qPrintable(error));
        QVERIFY2(m_translator.size() > 100, "lupdate found too few messages in core/");
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
    }

    void coreMessagesAreLookedUpUnderLupdatesContext_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("Money") << Money::parse(u"-1").error();
        QTest::newRow("Instant") << Instant::parse(u"yesterday").error();
        QTest::newRow("Quantity") << DataAmount::parse(u"5 parsecs").error();
        QTest::newRow("LoginId") << LoginId::parse(u"not a login").error();
        QTest::newRow("CardExpiry") << parseCardExpiry(u"13/27", YearMonth{2027, 1}).error();
        QTest::newRow("CardSecurityCode") << checkSecurityCode(u"1", CardBrand::Visa).error();
        const ScenarioReader::Result scenario = ScenarioReader::read("{\"format\": 1}");
        QTest::newRow("scenario") << (scenario.problems.empty() ? QString() : scenario.problems.front().message);
        QTest::newRow("package catalog") << PackageRecord::displayName(QStringLiteral("5 GB data"));
    }

    void packageNamesGivenByHandAreShownAsGiven()
    {
        QCOMPARE(PackageRecord::displayName(QStringLiteral("5 GB data, mine")), QStringLiteral("5 GB data, mine"));
        QCOMPARE(PackageRecord::displayName(QStringLiteral("流量包")), QStringLiteral("流量包"));
    }

    void coreMessagesAreLookedUpUnderLupdatesContext()
    {
        QFETCH(QString, message);
        QVERIFY2(!message.isEmpty(), "the call was expected to fail");
        QVERIFY2(message.startsWith(marker), qPrintable(QStringLiteral("not translated: ") + message));
    }

private:
    CatalogueTranslator m_translator;
};

TOPUP_TEST_GUILESS_MAIN(TestCoreTranslation)
} // namespace tst_coretranslation
#include "tst_coretranslation.moc"
