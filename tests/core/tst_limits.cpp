#include "testmain.h"
#include "domain/policy.h"
#include "rules/limits.h"
#include "rules/spendbook.h"

#include <QTest>

namespace tst_limits {

using namespace topup;

namespace {

YearMonth monthOf(const QString &text)
{
    return YearMonth{text.left(4).toInt(), text.mid(5, 2).toInt()};
}

// "line month kind cents", e.g. "0 2027-01 auto 450"; false for an entry
// of another shape (a typo in a test row).
[[nodiscard]] bool record(SpendBook &book, const QString &entry)
{
    const QStringList parts = entry.split(QLatin1Char(' '));
    if (parts.size() != 4 || (parts[2] != QLatin1String("auto") && parts[2] != QLatin1String("manual")))
        return false;
    const int line = parts[0].toInt();
    const Money price = Money::fromCents(parts[3].toLongLong());
    if (parts[2] == QLatin1String("auto"))
        book.addAuto(line, monthOf(parts[1]), price);
    else
        book.addManual(line, monthOf(parts[1]), price);
    return true;
}

} // namespace

// SPEC §7.1: line cap, then line count, then account cap; only succeeded auto
// top-ups of the same local month count.
class TestLimits final : public QObject
{
    Q_OBJECT

private slots:
    void checkLimits_data();
    void checkLimits();
    void spendBook();
};

void TestLimits::checkLimits_data()
{
    QTest::addColumn<qint64>("lineCap");     // cents; -1: none
    QTest::addColumn<int>("maxPerMonth");    // -1: none
    QTest::addColumn<qint64>("accountCap");  // cents; -1: none
    QTest::addColumn<QStringList>("book");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("month");
    QTest::addColumn<qint64>("price");
    QTest::addColumn<QString>("expected");   // reason name; empty: go ahead

    const QStringList busy{"0 2027-01 auto 450", "0 2027-01 auto 450", "0 2027-01 auto 450",
                           "1 2027-01 auto 5000", "0 2027-01 manual 9999"};
    QTest::newRow("no limits never block") << qint64(-1) << -1 << qint64(-1) << busy << 0 << "2027-01"
                                           << qint64(100000) << QString();
    QTest::newRow("empty book, no limits") << qint64(-1) << -1 << qint64(-1) << QStringList() << 0 << "2027-01"
                                           << qint64(450) << QString();

    // Line cap: spend + price > cap blocks; equal does not.
    const QStringList spent1600{"0 2027-01 auto 800", "0 2027-01 auto 800"};
    QTest::newRow("budget: 1600+450 > 2000") << qint64(2000) << -1 << qint64(-1) << spent1600 << 0 << "2027-01"
                                              << qint64(450) << "budget_cap";
    QTest::newRow("budget: 1600+450 = 2050") << qint64(2050) << -1 << qint64(-1) << spent1600 << 0 << "2027-01"
                                              << qint64(450) << QString();
    QTest::newRow("budget: 1600+450 > 2049") << qint64(2049) << -1 << qint64(-1) << spent1600 << 0 << "2027-01"
                                                << qint64(450) << "budget_cap";
    QTest::newRow("budget: price alone over cap") << qint64(400) << -1 << qint64(-1) << QStringList() << 0
                                                   << "2027-01" << qint64(450) << "budget_cap";
    QTest::newRow("budget: price alone equals cap") << qint64(450) << -1 << qint64(-1) << QStringList() << 0
                                                     << "2027-01" << qint64(450) << QString();
    QTest::newRow("budget: other line's spend ignored") << qint64(500) << -1 << qint64(-1)
                                                        << QStringList{"1 2027-01 auto 450"} << 0 << "2027-01"
                                                        << qint64(450) << QString();

    // Count cap: count ≥ max blocks.
    const QStringList two{"0 2027-01 auto 450", "0 2027-01 auto 450"};
    QTest::newRow("count: 2 of max 2") << qint64(-1) << 2 << qint64(-1) << two << 0 << "2027-01" << qint64(450)
                                       << "count_cap";
    QTest::newRow("count: 2 of max 3") << qint64(-1) << 3 << qint64(-1) << two << 0 << "2027-01" << qint64(450)
                                       << QString();
    QTest::newRow("count: 0 of max 1") << qint64(-1) << 1 << qint64(-1) << QStringList() << 0 << "2027-01"
                                       << qint64(450) << QString();
    QTest::newRow("count: 1 of max 1") << qint64(-1) << 1 << qint64(-1) << QStringList{"0 2027-01 auto 1"} << 0
                                       << "2027-01" << qint64(450) << "count_cap";

    // Account cap across lines.
    const QStringList twoLines{"0 2027-01 auto 450", "1 2027-01 auto 450"};
    QTest::newRow("account: 900+450 > 1000") << qint64(-1) << -1 << qint64(1000) << twoLines << 0 << "2027-01"
                                              << qint64(450) << "account_budget_cap";
    QTest::newRow("account: from the other line") << qint64(-1) << -1 << qint64(1000) << twoLines << 1
                                                   << "2027-01" << qint64(450) << "account_budget_cap";
    QTest::newRow("account: a third line with no spend") << qint64(-1) << -1 << qint64(1000) << twoLines << 2
                                                          << "2027-01" << qint64(450) << "account_budget_cap";
    QTest::newRow("account: 900+450 = 1350") << qint64(-1) << -1 << qint64(1350) << twoLines << 0 << "2027-01"
                                              << qint64(450) << QString();
    QTest::newRow("account: line cap fine, account not") << qint64(2000) << 5 << qint64(1000) << twoLines << 0
                                                          << "2027-01" << qint64(450) << "account_budget_cap";

    // Order when several hold.
    QTest::newRow("order: cap and count → budget") << qint64(1000) << 2 << qint64(-1) << two << 0 << "2027-01"
                                                    << qint64(450) << "budget_cap";
    QTest::newRow("order: count and account → count") << qint64(-1) << 2 << qint64(1000) << two << 0 << "2027-01"
                                                       << qint64(450) << "count_cap";
    QTest::newRow("order: cap and account → budget") << qint64(1000) << -1 << qint64(1000) << two << 0
                                                      << "2027-01" << qint64(450) << "budget_cap";
    QTest::newRow("order: all three → budget") << qint64(1000) << 2 << qint64(1000) << two << 0 << "2027-01"
                                                << qint64(450) << "budget_cap";

    // Manual top-ups never count.
    const QStringList manual{"0 2027-01 manual 5000", "0 2027-01 manual 5000", "1 2027-01 manual 5000"};
    QTest::newRow("manual: not in line cap") << qint64(450) << -1 << qint64(-1) << manual << 0 << "2027-01"
                                              << qint64(450) << QString();
    QTest::newRow("manual: not in count") << qint64(-1) << 1 << qint64(-1) << manual << 0 << "2027-01"
                                           << qint64(450) << QString();
    QTest::newRow("manual: not in account cap") << qint64(-1) << -1 << qint64(450) << manual << 0 << "2027-01"
                                                 << qint64(450) << QString();

    // Other months do not count (the month before, the month after, a year apart).
    const QStringList otherMonths{"0 2026-02 auto 900", "0 2027-01 auto 900", "0 2027-03 auto 900",
                                  "1 2027-01 auto 900"};
    QTest::newRow("months: line cap") << qint64(450) << -1 << qint64(-1) << otherMonths << 0 << "2027-02"
                                      << qint64(450) << QString();
    QTest::newRow("months: count") << qint64(-1) << 1 << qint64(-1) << otherMonths << 0 << "2027-02"
                                   << qint64(450) << QString();
    QTest::newRow("months: account") << qint64(-1) << -1 << qint64(450) << otherMonths << 0 << "2027-02"
                                     << qint64(450) << QString();
    QTest::newRow("months: same month still counts") << qint64(1349) << -1 << qint64(-1) << otherMonths << 0
                                                      << "2027-03" << qint64(450) << "budget_cap";
}

void TestLimits::checkLimits()
{
    QFETCH(qint64, lineCap);
    QFETCH(int, maxPerMonth);
    QFETCH(qint64, accountCap);
    QFETCH(QStringList, book);
    QFETCH(int, line);
    QFETCH(QString, month);
    QFETCH(qint64, price);
    QFETCH(QString, expected);

    Policy policy;
    policy.method = QStringLiteral("visa");
    if (lineCap >= 0)
        policy.monthlyCap = Money::fromCents(lineCap);
    if (maxPerMonth >= 0)
        policy.maxPerMonth = maxPerMonth;
    std::optional<Money> account;
    if (accountCap >= 0)
        account = Money::fromCents(accountCap);
    SpendBook spend;
    for (const QString &entry : book)
        QVERIFY2(record(spend, entry), qPrintable(QStringLiteral("not \"line month auto|manual cents\": %1").arg(entry)));

    const std::optional<Reason> reason =
        topup::checkLimits(policy, account, spend, line, monthOf(month), Money::fromCents(price));
    QCOMPARE(reason ? reasonName(*reason) : QString(), expected);
}

void TestLimits::spendBook()
{
    SpendBook book;
    const YearMonth jan{2027, 1};
    const YearMonth feb{2027, 2};
    book.addAuto(0, jan, Money::fromCents(450));
    book.addAuto(0, jan, Money::fromCents(250));
    book.addManual(0, jan, Money::fromCents(1000));
    book.addAuto(1, jan, Money::fromCents(100));
    book.addAuto(0, feb, Money::fromCents(7));

    QCOMPARE(book.lineAuto(0, jan).cents(), qint64(700));
    QCOMPARE(book.lineAutoCount(0, jan), 2);
    QCOMPARE(book.lineAuto(1, jan).cents(), qint64(100));
    QCOMPARE(book.accountAuto(jan).cents(), qint64(800));
    QCOMPARE(book.accountAuto(feb).cents(), qint64(7));
    QCOMPARE(book.accountAuto(YearMonth{2027, 3}).cents(), qint64(0));
    QCOMPARE(book.lineAutoCount(2, jan), 0);

    // Ordered by line, then month.
    const auto &entries = book.entries();
    QCOMPARE(int(entries.size()), 3);
    auto it = entries.begin();
    QCOMPARE(it->first, std::make_pair(0, jan.index()));
    QCOMPARE(it->second.manualSpend.cents(), qint64(1000));
    ++it;
    QCOMPARE(it->first, std::make_pair(0, feb.index()));
    ++it;
    QCOMPARE(it->first, std::make_pair(1, jan.index()));
}

TOPUP_TEST_GUILESS_MAIN(TestLimits)
} // namespace tst_limits
#include "tst_limits.moc"
