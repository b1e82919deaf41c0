#include <QTest>
class T final : public QObject { Q_OBJECT private slots: void placeholder() { QSKIP("written next"); } };
QTEST_GUILESS_MAIN(T)
#include "tst_engine.moc"
