// The engine's schedule of usage streams (StreamSchedule): streams due at one
// instant come out in file order, whatever their periods and whatever order
// they were put back in; against a plain sorted list of (instant, stream).
#include "testmain.h"
#include "engine/streamschedule.h"
#include "sim/xoshiro256.h"

#include <QTest>

#include <set>
#include <utility>
#include <vector>

namespace tst_streamschedule {

using namespace topup;

class TestStreamSchedule final : public QObject
{
    Q_OBJECT

private slots:
    void streamsComeOutByInstantThenFileOrder_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed = 1; seed <= 20; ++seed)
            QTest::addRow("seed %llu", seed) << seed;
    }

    void streamsComeOutByInstantThenFileOrder()
    {
        QFETCH(quint64, seed);
        Xoshiro256 random(seed);
        const int count = 1 + int(random.below(40));
        std::vector<qint64> every(static_cast<std::size_t>(count));
        StreamSchedule schedule;
        std::set<std::pair<qint64, int>> expected;
        for (int i = count - 1; i >= 0; --i) { // put in backwards
            every[std::size_t(i)] = random.below(2) ? 300 : 1 + random.below(900);
            const qint64 first = random.below(600);
            schedule.add(first, i);
            expected.insert({first, i});
        }
        for (int step = 0; step < 2000; ++step) {
            QVERIFY(!schedule.empty());
            const qint64 now = schedule.nextDue();
            QCOMPARE(now, expected.begin()->first);
            const std::vector<int> due = schedule.takeNext(); // a copy: adding below may reuse its storage
            for (const int stream : due) {
                QVERIFY(!expected.empty());
                QCOMPARE((std::pair<qint64, int>(now, stream)), *expected.begin());
                expected.erase(expected.begin());
            }
            // Put back in a shuffled order.
            std::vector<int> back = due;
            for (std::size_t i = back.size(); i > 1; --i)
                std::swap(back[i - 1], back[random.below(quint32(i))]);
            for (const int stream : back) {
                schedule.add(now + every[std::size_t(stream)], stream);
                expected.insert({now + every[std::size_t(stream)], stream});
            }
        }
    }
};

TOPUP_TEST_GUILESS_MAIN(TestStreamSchedule)
} // namespace tst_streamschedule
#include "tst_streamschedule.moc"
