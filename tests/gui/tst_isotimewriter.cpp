// IsoTimeWriter writes what QDateTime's Qt::ISODate writes, in zones with
// and without daylight saving, around their transitions and in any order.
#include "testmain.h"
#include "text/isotimewriter.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

namespace tst_isotimewriter {

using namespace topup;

class TestIsoTimeWriter final : public QObject
{
    Q_OBJECT

    static QDateTime utc(int year) { return QDateTime(QDate(year, 1, 1), QTime(0, 0), QTimeZone::utc()); }

private slots:
    void sameAsQDateTime_data()
    {
        QTest::addColumn<QByteArray>("zone");
        for (const char *zone : {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham",
                                 "America/St_Johns", "UTC", "Asia/Shanghai", "Africa/Casablanca"})
            QTest::newRow(zone) << QByteArray(zone);
    }

    void sameAsQDateTime()
    {
        QFETCH(QByteArray, zone);
        const QTimeZone timeZone(zone);
        QVERIFY2(timeZone.isValid(), zone.constData());
        IsoTimeWriter writer(timeZone);
        const auto check = [&](qint64 ms) {
            const QString expected = QDateTime::fromMSecsSinceEpoch(ms, timeZone).toString(Qt::ISODate);
            const QString written = writer.text(Instant::fromMsecs(ms));
            QVERIFY2(written == expected, qPrintable(QStringLiteral("%1 at %2 ms: %3, QDateTime: %4")
                                                         .arg(QString::fromLatin1(zone)).arg(ms).arg(written, expected)));
        };
        // Every transition of 2020–2030 and the milliseconds around it.
        const QDateTime from = utc(2020);
        for (const QTimeZone::OffsetData &transition : timeZone.transitions(from, from.addYears(10))) {
            const qint64 at = transition.atUtc.toMSecsSinceEpoch();
            for (const qint64 delta : {-3600001LL, -1001LL, -1LL, 0LL, 1LL, 999LL, 3600000LL})
                check(at + delta);
        }
        // Seeded random instants over two centuries, then a run newest first
        // a few minutes apart (as an export walks them).
        QRandomGenerator random(20261205);
        const qint64 low = utc(1950).toMSecsSinceEpoch();
        const qint64 high = utc(2150).toMSecsSinceEpoch();
        for (int i = 0; i < 3000; ++i)
            check(low + qint64(random.bounded(quint64(high - low))));
        for (qint64 ms = utc(2028).toMSecsSinceEpoch(); ms > utc(2026).toMSecsSinceEpoch();
             ms -= 1 + qint64(random.bounded(4 * 60 * 60 * 1000)))
            check(ms);
    }

    void farYearsAsQDateTime()
    {
        const QTimeZone zone("Europe/Berlin");
        IsoTimeWriter writer(zone);
        for (const qint64 ms : {-62135596800001LL, 253402300800000LL, -1LL, 0LL}) {
            QCOMPARE(writer.text(Instant::fromMsecs(ms)), QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODate));
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestIsoTimeWriter)
} // namespace tst_isotimewriter
#include "tst_isotimewriter.moc"
