#include "testmain.h"
#include "widgets/statecolors.h"
#include "app/theme.h"

#include <QApplication>
#include <QStyle>
#include <QTest>

namespace tst_theme {

using namespace topup;

class TestTheme final : public QObject
{
    Q_OBJECT

private slots:
    void paletteForEachChoice_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<QColor>("platformWindow");
        QTest::addColumn<bool>("dark");
        const QColor lightPlatform(0xef, 0xef, 0xef);
        const QColor darkPlatform(0x2a, 0x2a, 0x2a);
        QTest::newRow("light on a dark platform") << int(ThemeChoice::Light) << darkPlatform << false;
        QTest::newRow("dark on a light platform") << int(ThemeChoice::Dark) << lightPlatform << true;
        QTest::newRow("system follows a light platform") << int(ThemeChoice::System) << lightPlatform << false;
        QTest::newRow("system follows a dark platform") << int(ThemeChoice::System) << darkPlatform << true;
    }

    void paletteForEachChoice()
    {
        QFETCH(int, choice);
        QFETCH(QColor, platformWindow);
        QFETCH(bool, dark);
        QPalette platform;
        platform.setColor(QPalette::Window, platformWindow);
        const QPalette palette = Theme::paletteFor(ThemeChoice(choice), platform);
        QCOMPARE(isDarkPalette(palette), dark);
        // Text reads on its background in either palette.
        QVERIFY(qAbs(palette.color(QPalette::Text).lightness() - palette.color(QPalette::Base).lightness()) > 120);
        QVERIFY(qAbs(palette.color(QPalette::WindowText).lightness() - palette.color(QPalette::Window).lightness()) > 120);
    }

    void keysRoundTrip_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("valid");
        QTest::newRow("system") << QStringLiteral("system") << true;
        QTest::newRow("light") << QStringLiteral("light") << true;
        QTest::newRow("dark") << QStringLiteral("dark") << true;
        QTest::newRow("unknown") << QStringLiteral("sepia") << false;
    }

    void keysRoundTrip()
    {
        QFETCH(QString, key);
        QFETCH(bool, valid);
        bool ok = false;
        const ThemeChoice choice = Theme::fromKey(key, &ok);
        QCOMPARE(ok, valid);
        QCOMPARE(Theme::key(choice), valid ? key : QStringLiteral("system"));
    }

    void applyUsesFusionAndSetsThePalette()
    {
        auto &app = *static_cast<QApplication *>(QCoreApplication::instance());
        Theme::apply(app, ThemeChoice::Dark);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QVERIFY(isDarkPalette(QApplication::palette()));
        Theme::apply(app, ThemeChoice::Light);
        QVERIFY(!isDarkPalette(QApplication::palette()));
    }
};

TOPUP_TEST_MAIN(TestTheme)
} // namespace tst_theme
#include "tst_theme.moc"
