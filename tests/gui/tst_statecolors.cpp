#include "testmain.h"
#include "widgets/statecolors.h"

#include <QApplication>
#include <QTest>

namespace tst_statecolors {

using namespace topup;

class TestStateColors final : public QObject
{
    Q_OBJECT

private slots:
    void darknessFollowsTheBaseColour()
    {
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        QVERIFY(!isDarkPalette(light));
        QVERIFY(isDarkPalette(dark));
    }

    void eachStateReadsOnItsBase_data()
    {
        QTest::addColumn<int>("state");
        QTest::newRow("ok") << int(StateColor::Ok);
        QTest::newRow("warning") << int(StateColor::Warning);
        QTest::newRow("error") << int(StateColor::Error);
        QTest::newRow("info") << int(StateColor::Info);
    }

    void eachStateReadsOnItsBase()
    {
        QFETCH(int, state);
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        // A state colour is darker than a light base and lighter than a dark one.
        QVERIFY(stateColor(StateColor(state), light).lightness() < 140);
        QVERIFY(stateColor(StateColor(state), dark).lightness() > 120);
        QVERIFY(stateColor(StateColor(state), light) != stateColor(StateColor(state), dark));
    }
};

TOPUP_TEST_MAIN(TestStateColors)
} // namespace tst_statecolors
#include "tst_statecolors.moc"
