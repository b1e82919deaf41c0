#include "testmain.h"
#include "app/appsettings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace tst_appsettings {

using namespace topup;

class TestAppSettings final : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
        QCOMPARE(settings.language(), QStringLiteral("en"));
        QCOMPARE(settings.theme(), ThemeChoice::System);
        QCOMPARE(settings.dataUnits(), DataUnits::Decimal);
        QCOMPARE(settings.lastPage(), 0);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("theme");
        QTest::addColumn<int>("units");
        QTest::addColumn<int>("page");
        QTest::newRow("chinese dark GiB") << QStringLiteral("zh_CN") << int(ThemeChoice::Dark) << int(DataUnits::Binary) << 4;
        QTest::newRow("english light GB") << QStringLiteral("en") << int(ThemeChoice::Light) << int(DataUnits::Decimal) << 2;
    }

    void roundTrip()
    {
        QFETCH(QString, language);
        QFETCH(int, theme);
        QFETCH(int, units);
        QFETCH(int, page);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            AppSettings settings(file);
            QSignalSpy changed(&settings, &AppSettings::changed);
            settings.setLanguage(language);
            settings.setTheme(ThemeChoice(theme));
            settings.setDataUnits(DataUnits(units));
            settings.setLastPage(page);
            settings.setWindowGeometry(QByteArray("geometry"));
            QVERIFY(changed.count() >= 3);
            settings.sync();
        }
        AppSettings again(file);
        QCOMPARE(again.language(), language);
        QCOMPARE(int(again.theme()), theme);
        QCOMPARE(int(again.dataUnits()), units);
        QCOMPARE(again.lastPage(), page);
        QCOMPARE(again.windowGeometry(), QByteArray("geometry"));
    }

    // Each change names its key (KeePassXC's changed(ConfigKey)): a page
    // follows only the keys it shows.
    void aChangeNamesItsKey()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
        QSignalSpy changed(&settings, &AppSettings::changed);
        settings.setDataUnits(DataUnits::Binary);
        settings.setLastPage(3);
        settings.setTheme(ThemeChoice::Dark);
        settings.setLanguage(QStringLiteral("zh_CN"));
        settings.setWindowGeometry(QByteArray("geometry"));
        settings.setThemeForThisRun(ThemeChoice::Light);
        const QList<AppSettings::Key> expected{AppSettings::Key::DataUnits, AppSettings::Key::LastPage, AppSettings::Key::Theme,
                                               AppSettings::Key::Language, AppSettings::Key::WindowGeometry,
                                               AppSettings::Key::Theme};
        QCOMPARE(changed.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(changed.at(i).at(0).value<AppSettings::Key>(), expected.at(i));
    }

    void unknownValuesFallBack()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
        QSignalSpy changed(&settings, &AppSettings::changed);
        settings.setLanguage(QStringLiteral("klingon"));
        QCOMPARE(settings.language(), QStringLiteral("en"));
        QCOMPARE(changed.count(), 0);
        settings.setLanguage(QStringLiteral("en")); // unchanged: no signal
        QCOMPARE(changed.count(), 0);
    }

    void notPersistentKeepsValuesInMemory()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            AppSettings settings(file);
            settings.setPersistent(false);
            settings.setTheme(ThemeChoice::Dark);
            QCOMPARE(settings.theme(), ThemeChoice::Dark);
            settings.sync();
        }
        AppSettings again(file);
        QCOMPARE(again.theme(), ThemeChoice::System);
    }
    // --lang and --theme: read back during the run, never saved; a choice
    // made in Settings afterwards replaces the run's value and is saved,
    // even when it is the same value.
    void forThisRunIsNotSavedUntilChosen()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            AppSettings settings(file);
            settings.setTheme(ThemeChoice::Light);
            QSignalSpy changed(&settings, &AppSettings::changed);
            settings.setThemeForThisRun(ThemeChoice::Dark);
            settings.setLanguageForThisRun(QStringLiteral("zh_CN"));
            QCOMPARE(changed.count(), 2);
            QCOMPARE(settings.theme(), ThemeChoice::Dark);
            QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
            settings.sync();
            AppSettings meanwhile(file);
            QCOMPARE(meanwhile.theme(), ThemeChoice::Light);
            QCOMPARE(meanwhile.language(), QStringLiteral("en"));
            settings.setLanguage(QStringLiteral("zh_CN")); // chosen in Settings: now saved
            QCOMPARE(changed.count(), 2);
        }
        AppSettings again(file);
        QCOMPARE(again.theme(), ThemeChoice::Light);
        QCOMPARE(again.language(), QStringLiteral("zh_CN"));
    }
};

TOPUP_TEST_GUILESS_MAIN(TestAppSettings)
} // namespace tst_appsettings
#include "tst_appsettings.moc"
