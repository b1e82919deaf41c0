#include "testmain.h"
#include "domain/instant.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

namespace tst_instant {

using namespace topup;

// SPEC §1: YYYY-MM-DDTHH:MM:SS, optionally '.' and 1–3 digits, then Z or ±HH:MM.
class TestInstant final : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void toString_data();
    void toString();
    void wholeSecondsAgreesWithParse();
};

namespace {

// What Instant::parseWholeSeconds makes of `text`: the instant parse() reads
// when the text is of its forms (no fraction), none otherwise.
std::optional<qint64> wholeSeconds(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    const std::optional<Instant> instant = Instant::parseWholeSeconds(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    return instant ? std::optional<qint64>(instant->msecs()) : std::nullopt;
}

} // namespace

void TestInstant::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<QString>("utc"); // what toString() gives back
    QTest::addColumn<bool>("compareQt"); // QDateTime reads this form the same way

    QTest::newRow("Z") << "2027-01-31T09:00:00Z" << qint64(1801386000000) << "2027-01-31T09:00:00Z" << true;
    QTest::newRow("+08:00 with ms") << "2027-01-31T17:00:00.250+08:00" << qint64(1801386000250)
                                    << "2027-01-31T09:00:00.250Z" << true;
    QTest::newRow("1 fraction digit") << "2027-01-31T09:00:00.5Z" << qint64(1801386000500)
                                      << "2027-01-31T09:00:00.500Z" << false;
    QTest::newRow("2 fraction digits") << "2027-01-31T09:00:00.25Z" << qint64(1801386000250)
                                       << "2027-01-31T09:00:00.250Z" << false;
    QTest::newRow("3 fraction digits") << "2027-01-31T09:00:00.007Z" << qint64(1801386000007)
                                       << "2027-01-31T09:00:00.007Z" << true;
    QTest::newRow(".000 is dropped") << "2027-01-31T09:00:00.000Z" << qint64(1801386000000)
                                     << "2027-01-31T09:00:00Z" << true;
    QTest::newRow("offset crosses day back") << "2027-03-01T01:00:00+02:00" << qint64(1803855600000)
                                             << "2027-02-28T23:00:00Z" << true;
    QTest::newRow("offset crosses year forward") << "2027-12-31T20:00:00-05:00" << qint64(1830301200000)
                                                 << "2028-01-01T01:00:00Z" << true;
    QTest::newRow("+05:45") << "2027-01-31T09:00:00+05:45" << qint64(1801365300000) << "2027-01-31T03:15:00Z"
                            << true;
    QTest::newRow("+18:00") << "2027-01-31T09:00:00+18:00" << qint64(1801321200000) << "2027-01-30T15:00:00Z"
                            << true;
    QTest::newRow("-18:00") << "2027-01-31T09:00:00-18:00" << qint64(1801450800000) << "2027-02-01T03:00:00Z"
                            << true;
    QTest::newRow("-00:00") << "2027-01-31T09:00:00-00:00" << qint64(1801386000000) << "2027-01-31T09:00:00Z"
                            << true;
    QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << qint64(0) << "1970-01-01T00:00:00Z" << true;
    QTest::newRow("epoch at +00:01") << "1970-01-01T00:00:00+00:01" << qint64(-60000) << "1969-12-31T23:59:00Z"
                                     << true;
    QTest::newRow("1 ms before epoch") << "1969-12-31T23:59:59.999Z" << qint64(-1) << "1969-12-31T23:59:59.999Z"
                                       << true;
    QTest::newRow("1969 with offset") << "1969-07-20T20:17:40-05:00" << qint64(-14164940000)
                                      << "1969-07-21T01:17:40Z" << true;
    QTest::newRow("1900-03-01") << "1900-03-01T00:00:00Z" << qint64(-2203891200000) << "1900-03-01T00:00:00Z"
                                << true;
    QTest::newRow("year 1") << "0001-01-01T00:00:00Z" << qint64(-62135596800000) << "0001-01-01T00:00:00Z"
                            << true;
    QTest::newRow("year 9999") << "9999-12-31T23:59:59.999Z" << qint64(253402300799999)
                               << "9999-12-31T23:59:59.999Z" << true;
    QTest::newRow("year 1 reached through +14:00") << "0001-01-01T14:00:00+14:00" << qint64(-62135596800000)
                                               << "0001-01-01T00:00:00Z" << true;
    QTest::newRow("year 9999 reached through -12:00") << "9999-12-31T11:59:59.999-12:00" << qint64(253402300799999)
                                                  << "9999-12-31T23:59:59.999Z" << true;
    QTest::newRow("Feb 29 2028") << "2028-02-29T12:00:00Z" << qint64(1835438400000) << "2028-02-29T12:00:00Z"
                                 << true;
    QTest::newRow("Feb 29 2000") << "2000-02-29T00:00:00Z" << qint64(951782400000) << "2000-02-29T00:00:00Z"
                                 << true;
}

void TestInstant::parseValid()
{
    QFETCH(QString, text);
    QFETCH(qint64, msecs);
    QFETCH(QString, utc);
    QFETCH(bool, compareQt);

    const Expected<Instant> parsed = Instant::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed->msecs(), msecs);
    QCOMPARE(parsed->toString(), utc);
    // The fast form reads the same instant, or leaves a fraction to parse().
    if (text.contains(QLatin1Char('.')))
        QCOMPARE(wholeSeconds(text), std::nullopt);
    else
        QCOMPARE(wholeSeconds(text), std::optional<qint64>(msecs));
    if (compareQt) {
        const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
        QVERIFY(qt.isValid());
        QCOMPARE(parsed->msecs(), qt.toMSecsSinceEpoch());
    }
    // What toString() writes reads back as the same instant.
    const Expected<Instant> again = Instant::parse(utc);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(again->msecs(), msecs);
}

void TestInstant::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    const QString shape = QStringLiteral("not an instant");
    const QString noDate = QStringLiteral("no such date");
    const QString noTime = QStringLiteral("no such time of day");
    const QString offset = QStringLiteral("UTC offset out of range");

    QTest::newRow("empty") << "" << shape;
    QTest::newRow("lowercase z") << "2027-01-31T09:00:00z" << shape;
    QTest::newRow("lowercase t") << "2027-01-31t09:00:00Z" << shape;
    QTest::newRow("space for T") << "2027-01-31 09:00:00Z" << shape;
    QTest::newRow("no zone") << "2027-01-31T09:00:00" << shape;
    QTest::newRow("missing seconds") << "2027-01-31T09:00Z" << shape;
    QTest::newRow("date only") << "2027-01-31" << shape;
    QTest::newRow("one-digit month") << "2027-1-31T09:00:00Z" << shape;
    QTest::newRow("two-digit year") << "27-01-31T09:00:00Z" << shape;
    QTest::newRow("five-digit year") << "12027-01-31T09:00:00Z" << shape;
    QTest::newRow("4 fraction digits") << "2027-01-31T09:00:00.1234Z" << QStringLiteral("more than 3 decimals");
    QTest::newRow("dot without digits") << "2027-01-31T09:00:00.Z" << shape;
    QTest::newRow("comma fraction") << "2027-01-31T09:00:00,5Z" << shape;
    QTest::newRow("offset without colon") << "2027-01-31T09:00:00+0800" << shape;
    QTest::newRow("offset hours only") << "2027-01-31T09:00:00+08" << shape;
    QTest::newRow("offset one-digit hour") << "2027-01-31T09:00:00+8:00" << shape;
    QTest::newRow("Z and offset") << "2027-01-31T09:00:00Z+01:00" << shape;
    QTest::newRow("trailing garbage") << "2027-01-31T09:00:00Zx" << shape;
    QTest::newRow("trailing space") << "2027-01-31T09:00:00+08:00 " << shape;
    QTest::newRow("leading space") << " 2027-01-31T09:00:00Z" << shape;
    QTest::newRow("fullwidth digit") << QStringLiteral("2027-01-31T09:00:0\uFF10Z") << shape;
    QTest::newRow("Feb 29 2027") << "2027-02-29T00:00:00Z" << noDate;
    QTest::newRow("Feb 29 1900") << "1900-02-29T00:00:00Z" << noDate;
    QTest::newRow("Apr 31") << "2027-04-31T00:00:00Z" << noDate;
    QTest::newRow("day 32") << "2027-01-32T00:00:00Z" << noDate;
    QTest::newRow("day 00") << "2027-01-00T00:00:00Z" << noDate;
    QTest::newRow("month 13") << "2027-13-01T00:00:00Z" << noDate;
    QTest::newRow("month 00") << "2027-00-01T00:00:00Z" << noDate;
    QTest::newRow("year 0000") << "0000-01-01T00:00:00Z" << noDate;
    QTest::newRow("hour 24") << "2027-01-31T24:00:00Z" << noTime;
    QTest::newRow("minute 60") << "2027-01-31T09:60:00Z" << noTime;
    QTest::newRow("second 60") << "2027-01-31T09:00:60Z" << noTime;
    QTest::newRow("offset +18:01") << "2027-01-31T09:00:00+18:01" << offset;
    QTest::newRow("offset -19:00") << "2027-01-31T09:00:00-19:00" << offset;
    QTest::newRow("offset minutes 60") << "2027-01-31T09:00:00+05:60" << offset;
    // The date is in range, the instant is not: it would print as year 0 or
    // 10000, which this very parser refuses.
    const QString outside = QStringLiteral("is outside the years 0001 to 9999 in UTC");
    QTest::newRow("year 1 at +14:00 is year 0") << "0001-01-01T00:00:00+14:00" << outside;
    QTest::newRow("year 1 at +00:01 is year 0") << "0001-01-01T00:00:59.999+00:01" << outside;
    QTest::newRow("year 9999 at -00:01 is year 10000") << "9999-12-31T23:59:00-00:01" << outside;
    QTest::newRow("year 9999 at -18:00 is year 10000") << "9999-12-31T06:00:00-18:00" << outside;
}

void TestInstant::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, error);

    const Expected<Instant> parsed = Instant::parse(text);
    QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("parsed as %1").arg(parsed ? parsed->toString() : QString())));
    QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
    QCOMPARE(wholeSeconds(text), std::nullopt);
}

void TestInstant::toString_data()
{
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00Z";
    QTest::newRow("1 ms") << qint64(1) << "1970-01-01T00:00:00.001Z";
    QTest::newRow("-1 ms") << qint64(-1) << "1969-12-31T23:59:59.999Z";
    QTest::newRow("-1 day") << qint64(-86400000) << "1969-12-31T00:00:00Z";
    QTest::newRow("-1 day - 1 ms") << qint64(-86400001) << "1969-12-30T23:59:59.999Z";
    QTest::newRow("120 ms") << qint64(1801386000120) << "2027-01-31T09:00:00.120Z";
    QTest::newRow("whole second") << qint64(1801386001000) << "2027-01-31T09:00:01Z";
    QTest::newRow("end of day") << qint64(1801439999999) << "2027-01-31T23:59:59.999Z";
    QTest::newRow("plusMsecs") << Instant::fromMsecs(1801386000000).plusMsecs(86400000).msecs()
                               << "2027-02-01T09:00:00Z";
}

void TestInstant::toString()
{
    QFETCH(qint64, msecs);
    QFETCH(QString, expected);
    QCOMPARE(Instant::fromMsecs(msecs).toString(), expected);
    const QDateTime qt = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    const QString qtText = qt.toString(msecs % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
    QCOMPARE(Instant::fromMsecs(msecs).toString(), qtText);
}

void TestInstant::wholeSecondsAgreesWithParse()
{
    // Texts near the forms, each character drawn from what the forms hold
    // (seeded): whenever parse() reads one without a fraction, so does the
    // fast form, to the same millisecond, and it reads nothing parse() refuses.
    QRandomGenerator random(20261125);
    const QByteArray alphabet = "0123456789-T:Z+-.z ";
    const QByteArray shapes[] = {"2027-03-28T01:59:59Z", "2027-10-31T02:30:00+01:00", "0001-01-01T00:00:00+14:00",
                                 "9999-12-31T23:59:59-12:00", "2028-02-29T23:59:59-18:00"};
    int read = 0;
    for (int i = 0; i < 200000; ++i) {
        QByteArray text = shapes[random.bounded(int(std::size(shapes)))];
        for (int changes = random.bounded(1, 4); changes > 0; --changes) {
            const int at = random.bounded(int(text.size()));
            // Digits mostly, so that many texts stay well-formed but name
            // other dates, times and offsets; sometimes a separator, a cut or
            // an extra character.
            switch (random.bounded(10)) {
            case 0: text[at] = alphabet[random.bounded(int(alphabet.size()))]; break;
            case 1: text.truncate(at); break;
            case 2: text.insert(at, alphabet[random.bounded(int(alphabet.size()))]); break;
            default: text[at] = char('0' + random.bounded(10)); break;
            }
            if (text.isEmpty())
                break;
        }
        const QString asText = QString::fromLatin1(text);
        const Expected<Instant> parsed = Instant::parse(asText);
        const std::optional<qint64> fast = wholeSeconds(asText);
        if (parsed && !text.contains('.')) {
            QVERIFY2(fast == parsed->msecs(), text.constData());
            ++read;
        } else {
            QVERIFY2(!fast, text.constData());
        }
    }
    QVERIFY2(read > 10000, qPrintable(QString::number(read))); // the draw exercised both ways
}

TOPUP_TEST_GUILESS_MAIN(TestInstant)
} // namespace tst_instant
#include "tst_instant.moc"
