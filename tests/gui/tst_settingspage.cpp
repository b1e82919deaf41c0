// The settings page says what the background check of the data files
// found this session: whole, or damaged (naming the file).
#include "pagesfixture.h"

#include "appsettings.h"
#include "damagedfile.h"
#include "pages/settingspage.h"

#include <QDir>
#include <QLabel>
#include <QSignalSpy>

using namespace topup;
using namespace topup::testing;

namespace {

constexpr int checkTimeoutMs = 60000; // a loaded 2-core machine

// The demo world, closed cleanly with a usage table of many pages, and
// opened again: its full check runs in the background.
std::unique_ptr<Service> reopenedDemo(const QString &dir, bool damaged)
{
    if (!demoWorld(dir, at("2027-06-20T10:00:00Z")))
        return nullptr;
    const QString store = QDir(dir).filePath(QStringLiteral("topup.sqlite"));
    if (!test::fillUsageTable(store, QStringLiteral("usage_samples"), 30000))
        return nullptr;
    if (damaged) {
        const Expected<test::Page> page = test::middleLeafOf(store, QStringLiteral("usage_samples"));
        if (!page || !test::scribbleOver(store, *page))
            return nullptr;
    }
    return openService(dir, at("2027-06-20T10:00:00Z"));
}

} // namespace

class TestSettingsPage final : public QObject
{
    Q_OBJECT

private slots:
    void showsWhatTheCheckOfTheDataFilesFound_data()
    {
        QTest::addColumn<bool>("damaged");
        QTest::addColumn<QString>("shown");
        QTest::newRow("whole") << false << QStringLiteral("are whole");
        QTest::newRow("damaged") << true << QStringLiteral("Damaged: ");
    }

    void showsWhatTheCheckOfTheDataFilesFound()
    {
        QFETCH(bool, damaged);
        QFETCH(QString, shown);
        QTemporaryDir dir;
        auto service = reopenedDemo(dir.path(), damaged);
        QVERIFY(service);
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        SettingsPage page(*service, settings);
        page.resize(1060, 760);
        page.show();
        auto *status = page.findChild<QLabel *>(QStringLiteral("integrityStatus"));
        QVERIFY(status);
        QSignalSpy checked(service.get(), &Service::integrityChecked);
        if (service->integrity() == Service::Integrity::Checking) {
            QVERIFY2(status->text().contains(QLatin1String("in the background")), qPrintable(status->text()));
            QVERIFY(checked.wait(checkTimeoutMs));
        }
        QVERIFY2(status->text().contains(shown), qPrintable(status->text()));
        if (damaged)
            QVERIFY2(status->text().contains(QDir(dir.path()).filePath(QStringLiteral("topup.sqlite"))), qPrintable(status->text()));
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
