// --lang and --theme on topup-dashboard's command line hold for that run
// only: the settings file keeps the person's own choice (issue 14).
#include "testmain.h"
#include "programrun.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace tst_runoptions {

using namespace topup::test;

class TestRunOptions final : public QObject
{
    Q_OBJECT

private slots:
    void languageAndThemeAreNotSaved_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("--lang") << QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN")};
        QTest::newRow("--theme") << QStringList{QStringLiteral("--theme"), QStringLiteral("dark")};
        QTest::newRow("both") << QStringList{QStringLiteral("--theme"), QStringLiteral("dark"), QStringLiteral("--lang"),
                                             QStringLiteral("zh_CN")};
    }

    void languageAndThemeAreNotSaved()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString ini = home.filePath(QStringLiteral("config/TopUp/topup-dashboard.ini"));
        {
            QSettings chosen(ini, QSettings::IniFormat); // the person chose English and the light theme
            chosen.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
            chosen.setValue(QStringLiteral("ui/theme"), QStringLiteral("light"));
        }
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
        const ProgramRun ran = runProgram(QStringLiteral(TOPUP_DASHBOARD),
                                          QStringList{QStringLiteral("--data-dir"), home.filePath(QStringLiteral("world")),
                                                      QStringLiteral("--demo"), QStringLiteral("--now"),
                                                      QStringLiteral("2027-03-15T10:00:00Z"), QStringLiteral("--profile-startup")}
                                              + arguments);
        QVERIFY2(ran.exitCode == 0, ran.err.constData());
        QVERIFY2(ran.out.contains("first paint"), ran.out.constData());
        QSettings after(ini, QSettings::IniFormat);
        QCOMPARE(after.value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
        QCOMPARE(after.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestRunOptions)
} // namespace tst_runoptions
#include "tst_runoptions.moc"
