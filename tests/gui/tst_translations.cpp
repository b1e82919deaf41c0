#include "testmain.h"
#include "text/wording.h"
#include "app/appearance.h"
#include "app/appsettings.h"
#include "text/formatter.h"
#include "domain/historyrows.h"
#include "domain/packagerecord.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

// The Chinese catalogue is complete: every message has a finished
// translation (no type="unfinished", no empty one), placeholders survive,
// and the compiled catalogue is embedded in the program.
namespace tst_translations {

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("tsFile");
        QTest::addColumn<int>("atLeast");
        QTest::newRow("zh_CN") << QStringLiteral(TOPUP_TS_FILE) << 100;
        // English's catalogue holds its plurals only.
        QTest::newRow("en plurals") << QStringLiteral(TOPUP_EN_TS_FILE) << 5;
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, tsFile);
        QFETCH(int, atLeast);
        int messages = 0;
        const QStringList problems = problemsOf(tsFile, messages);
        QVERIFY2(messages >= atLeast, qPrintable(QString::number(messages)));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // The catalogue holds every message the sources have: lupdate run on
    // them into a copy of it adds none (a new message is "unfinished"),
    // so a message written since the last update cannot stay English.
    void catalogueHoldsEverySourceMessage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("copy.ts"));
        QVERIFY(QFile::copy(QStringLiteral(TOPUP_TS_FILE), copy));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(TOPUP_SOURCE_DIR));
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(TOPUP_LUPDATE), {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                                                       QStringLiteral("-silent"), QStringLiteral("-extensions"), QStringLiteral("cpp,h"),
                                                       QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("-ts"), copy});
        QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, lupdate.readAll().constData());
        int messages = 0;
        const QStringList problems = problemsOf(copy, messages);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("messages in the sources that %1 lacks or leaves untranslated "
                                                               "(run the update_translations target and translate them):\n%2")
                                                    .arg(QStringLiteral(TOPUP_TS_FILE), problems.join(QLatin1Char('\n')))));
    }

private:
    // What is wrong with the catalogue `tsFile` (unfinished, empty, changed
    // placeholders), one line each; `messages` counts its messages.
    static QStringList problemsOf(const QString &tsFile, int &messages)
    {
        QFile file(tsFile);
        if (!file.open(QIODevice::ReadOnly))
            return {QStringLiteral("%1: cannot read: %2").arg(tsFile, file.errorString())};
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        QStringList problems;
        const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                    continue;
                const bool plural = xml.attributes().value(QLatin1String("numerus")).isEmpty() == false;
                QString text;
                if (!plural) {
                    text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                }
                if (type == QLatin1String("unfinished"))
                    problems << QStringLiteral("%1: unfinished: %2").arg(context, source);
                else if (!plural && text.trimmed().isEmpty())
                    problems << QStringLiteral("%1: empty: %2").arg(context, source);
                else if (!plural) {
                    QStringList wanted;
                    QStringList got;
                    for (auto it = placeholder.globalMatch(source); it.hasNext();)
                        wanted << it.next().captured();
                    for (auto it = placeholder.globalMatch(text); it.hasNext();)
                        got << it.next().captured();
                    wanted.sort();
                    got.sort();
                    wanted.removeDuplicates();
                    got.removeDuplicates();
                    if (wanted != got)
                        problems << QStringLiteral("%1: placeholders differ: %2 -> %3").arg(context, source, text);
                }
            }
        }
        if (xml.hasError())
            problems << QStringLiteral("%1: %2").arg(tsFile, xml.errorString());
        return problems;
    }

private slots:
    // A count is said with the plural it needs, in English as in Chinese.
    void pluralsFollowTheCount_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("said");
        QTest::newRow("en 1") << QStringLiteral("en") << 1 << QStringLiteral("Exported 1 row to %1");
        QTest::newRow("en 3") << QStringLiteral("en") << 3 << QStringLiteral("Exported 3 rows to %1");
        QTest::newRow("en 0") << QStringLiteral("en") << 0 << QStringLiteral("Exported 0 rows to %1");
        QTest::newRow("zh_CN 3") << QStringLiteral("zh_CN") << 3 << QStringLiteral("已导出 3 行到 %1");
    }

    void pluralsFollowTheCount()
    {
        QFETCH(QString, language);
        QFETCH(int, count);
        QFETCH(QString, said);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/topup_%1.qm").arg(language)));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        QCOMPARE(QCoreApplication::translate("topup::HistoryPage", "Exported %n row(s) to %1", nullptr, count), said);
    }

    void catalogueIsEmbedded()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/topup_zh_CN.qm")));
        QVERIFY(!translator.isEmpty());
        const QString dashboard = translator.translate("topup::MainWindow", "Dashboard");
        QVERIFY(!dashboard.isEmpty());
        QVERIFY(dashboard != QLatin1String("Dashboard"));
    }

    void dataNamesAndListsFollowTheLanguage()
    {
        // What the app shows of stored data in Chinese: the carrier's
        // package names, and lists joined with the ideographic comma.
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/topup_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        QCOMPARE(topup::PackageRecord::displayName(QStringLiteral("5 GB data")), QStringLiteral("5 GB 流量"));
        QCOMPARE(topup::PackageRecord::displayName(QStringLiteral("My pack")), QStringLiteral("My pack"));
        QCOMPARE(topup::Formatter::list({QStringLiteral("家用手机"), QStringLiteral("欧盟平板")}), QStringLiteral("家用手机、欧盟平板"));
        QCOMPARE(translator.translate("DemoWorld", "Home phone"), QStringLiteral("家用手机"));
    }
    // In Chinese, Qt's own catalogue (qtbase_zh_CN) is loaded too: the
    // standard buttons of message boxes and dialogs are not left in English.
    void standardButtonsFollowTheLanguage()
    {
        QTemporaryDir dir;
        topup::AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
        settings.setLanguage(QStringLiteral("zh_CN"));
        topup::Appearance appearance(*qApp, settings);
        QDialogButtonBox box(QDialogButtonBox::Yes | QDialogButtonBox::Cancel | QDialogButtonBox::Save | QDialogButtonBox::Discard);
        const QList<QPair<QDialogButtonBox::StandardButton, QString>> english{{QDialogButtonBox::Yes, QStringLiteral("&Yes")},
                                                                            {QDialogButtonBox::Cancel, QStringLiteral("Cancel")},
                                                                            {QDialogButtonBox::Save, QStringLiteral("Save")},
                                                                            {QDialogButtonBox::Discard, QStringLiteral("Discard")}};
        const QRegularExpression han(QStringLiteral("\\p{Han}"));
        for (const auto &[button, text] : english) {
            const QString shown = box.button(button)->text();
            QVERIFY2(shown.contains(han), qPrintable(text + QStringLiteral(" shown as ") + shown));
        }
    }

    // A card's expiry month in Chinese reads "2027年3月底", not "2027-03 月底";
    // and the alert names the card.
    void expiryAlertInChinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/topup_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const auto english = qScopeGuard([] { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); });
        topup::AlertRow alert;
        alert.kind = topup::AlertKind::CardExpiring;
        alert.methodId = 7;
        alert.cardExpires = topup::YearMonth{2027, 3};
        topup::AlertContext context;
        context.methodLabels.insert(7, QStringLiteral("Mastercard •••• 4444"));
        const QString headline = topup::Wording::headline(alert, context);
        QVERIFY2(headline.contains(QStringLiteral("2027年3月底")), qPrintable(headline));
        QVERIFY2(headline.contains(QStringLiteral("Mastercard •••• 4444")), qPrintable(headline));
        QVERIFY2(!headline.contains(QStringLiteral("2027-03")), qPrintable(headline));
    }
};

TOPUP_TEST_MAIN(TestTranslations)
} // namespace tst_translations
#include "tst_translations.moc"
