// What a form shows when the core refuses is the sentence the core made, in
// English and in Chinese, as it was made: no widget upper-cases a first
// letter of its own (issue 14, "Errors with a place"), so a language without
// capitals and a message starting with a name come out as written.
#include "pagesfixture.h"

#include "app/appsettings.h"
#include "app/demoaccess.h"
#include "app/mainwindow.h"
#include "dialogs/addlinedialog.h"
#include "dialogs/renamelinedialog.h"
#include "domain/linename.h"
#include "pages/signinpage.h"
#include "widgets/errorlabel.h"

#include <QHash>
#include <QLocale>
#include <QScopeGuard>
#include <QTranslator>

#include <functional>

using namespace topup;
using namespace topup::testing;

class TestCoreSentences final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTranslator m_translator;
    bool m_translated = false;

    // The language of the row: "" is English (the source texts).
    void useLanguage(const QString &language)
    {
        if (language.isEmpty())
            return;
        QVERIFY(m_translator.load(QStringLiteral(":/i18n/topup_%1.qm").arg(language)));
        QLocale::setDefault(QLocale(language));
        QCoreApplication::installTranslator(&m_translator);
        m_translated = true;
    }

    static void addLanguages()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
    }

    QString folder() const
    {
        return m_dir.filePath(QStringLiteral("data-%1-%2").arg(QLatin1String(QTest::currentTestFunction()),
                                                                QLatin1String(QTest::currentDataTag())));
    }

private slots:
    void cleanup()
    {
        if (m_translated)
            QCoreApplication::removeTranslator(&m_translator);
        m_translated = false;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void theRenameDialogShowsTheCoresSentence_data()
    {
        addLanguages();
        QTest::newRow("en") << QString() << QStringLiteral("A line needs a name.");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("线路需要一个名称。");
    }

    void theRenameDialogShowsTheCoresSentence()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        useLanguage(language);
        std::unique_ptr<Service> service = freshAccount(folder(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        RenameLineDialog dialog(*service, 1, QStringLiteral("Tokyo"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *name = child<QLineEdit>(&dialog, "lineName");
        auto *error = child<ErrorLabel>(&dialog, "lineNameError");
        name->selectAll();
        QTest::keyClick(name, Qt::Key_Delete);
        QVERIFY(error->isVisible());
        const std::optional<Failure> problem = LineName::problem(QString());
        QVERIFY(problem);
        QCOMPARE(error->text(), problem->sentences());
        QCOMPARE(error->text(), expected);
        // The service refuses with the same sentence, and the command line's
        // text stays the lower-case one it prints after "topup-sim: ".
        const Expected<void> renamed = service->renameLine(1, QString());
        QVERIFY(!renamed);
        QCOMPARE(renamed.sentences(), expected);
        QCOMPARE(renamed.error(), problem->text());
        QVERIFY(renamed.error() != expected);
    }

    void theAddLineDialogShowsTheCoresSentence_data()
    {
        addLanguages();
        QTest::newRow("en") << QString() << QStringLiteral("A line's name is at most 60 characters.");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("线路名称最多 60 个字符。");
    }

    void theAddLineDialogShowsTheCoresSentence()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        useLanguage(language);
        std::unique_ptr<Service> service = freshAccount(folder(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        AddLineDialog dialog(*service, DataUnits::Decimal);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString tooLong(LineName::maxLength + 1, QLatin1Char('x'));
        QTest::keyClicks(child<QLineEdit>(&dialog, "lineName"), tooLong);
        auto *error = child<ErrorLabel>(&dialog, "lineNameError");
        QVERIFY(error->isVisible());
        const std::optional<Failure> problem = LineName::problem(tooLong);
        QVERIFY(problem);
        QCOMPARE(error->text(), problem->sentences());
        QCOMPARE(error->text(), expected);
    }

    void theSignInPageShowsTheCoresSentence_data()
    {
        addLanguages();
        QTest::newRow("en") << QString() << QStringLiteral("Wrong login or password.");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("账号或密码错误。");
    }

    void theSignInPageShowsTheCoresSentence()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        useLanguage(language);
        std::unique_ptr<Service> service = freshAccount(folder(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        service->signOut();
        const Expected<Account> refused = service->signIn(QStringLiteral("ana@example.com"), QStringLiteral("wrong-password-1"));
        QVERIFY(!refused);
        QCOMPARE(refused.sentences(), expected);

        SignInPage page(*service);
        page.resize(800, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::keyClicks(child<QLineEdit>(&page, "login"), QStringLiteral("ana@example.com"));
        QTest::keyClicks(child<QLineEdit>(&page, "password"), QStringLiteral("wrong-password-2"));
        QTest::mouseClick(child<QPushButton>(&page, "submitButton"), Qt::LeftButton);
        QVERIFY(!service->account());
        auto *message = child<QLabel>(&page, "formMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), refused.sentences());
    }

    // The demo refused in a folder that has other accounts: the window says
    // DemoAccess's sentence as it is.
    void theDemoRefusalIsShownAsMade_data()
    {
        addLanguages();
        QTest::newRow("en") << QString()
                            << QStringLiteral("This data folder has accounts but not the demo one; start with an empty data folder "
                                              "to see the demo.");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN")
                               << QStringLiteral("此数据文件夹中已有账户，但没有演示账户；请使用一个空的数据文件夹来查看演示。");
    }

    void theDemoRefusalIsShownAsMade()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        useLanguage(language);
        std::unique_ptr<Service> service = freshAccount(folder(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        service->signOut();
        const Expected<void> refused = DemoAccess::open(*service);
        QVERIFY(!refused);
        QCOMPARE(refused.sentences(), expected);
        AppSettings settings(m_dir.filePath(QStringLiteral("%1-%2.ini").arg(QLatin1String(QTest::currentTestFunction()),
                                                                          QLatin1String(QTest::currentDataTag()))));
        MainWindow window(*service, settings);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *page = window.findChild<SignInPage *>();
        QVERIFY(page);
        QTest::mouseClick(child<QPushButton>(page, "demoButton"), Qt::LeftButton);
        auto *message = child<QLabel>(page, "formMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), expected);
    }

    // The account's cap: refused at zero and when nobody is signed in, each
    // with its sentence beside the command line's text.
    void theCapRefusalsAreSentences_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("zero");
        QTest::addColumn<QString>("signedOut");
        QTest::newRow("en") << QString() << QStringLiteral("A monthly cap must be more than zero.") << QStringLiteral("Sign in first.");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("每月上限必须大于零。") << QStringLiteral("请先登录。");
    }

    void theCapRefusalsAreSentences()
    {
        QFETCH(QString, language);
        QFETCH(QString, zero);
        QFETCH(QString, signedOut);
        useLanguage(language);
        std::unique_ptr<Service> service = freshAccount(folder(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        const Expected<void> atZero = service->setAccountCap(Money());
        QVERIFY(!atZero);
        QCOMPARE(atZero.sentences(), zero);
        if (language.isEmpty())
            QCOMPARE(atZero.error(), QStringLiteral("a monthly cap must be more than zero"));
        service->signOut();
        const Expected<void> nobody = service->setAccountCap(Money::fromCents(5000));
        QVERIFY(!nobody);
        QCOMPARE(nobody.sentences(), signedOut);
        if (language.isEmpty())
            QCOMPARE(nobody.error(), QStringLiteral("sign in first"));
    }

    // What the Test tab shows when a manual top-up names a method the
    // account does not have: the store's sentence.
    void theManualTopUpRefusalIsASentence_data()
    {
        addLanguages();
        QTest::newRow("en") << QString() << QStringLiteral("No such payment method.");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("付款方式不存在。");
    }

    void theManualTopUpRefusalIsASentence()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        useLanguage(language);
        std::unique_ptr<Service> service = freshAccount(folder(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        const Expected<ChargeAnswer> answer = service->manualTopUp(404, 1, 1);
        QVERIFY(!answer);
        QCOMPARE(answer.sentences(), expected);
    }

    // Every refusal a page or dialog can get from the service is worded for
    // the screen where it is made: a sentence of its own (capital, full
    // stop), not the command line's lower-case text shown as it is.
    void everyRefusalAScreenGetsIsASentence_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("clock backwards") << QStringLiteral("advanceBy");
        QTest::newRow("play at zero") << QStringLiteral("playZero");
        QTest::newRow("play too fast") << QStringLiteral("playTooFast");
        QTest::newRow("inject nothing") << QStringLiteral("injectNothing");
        QTest::newRow("preview of no days") << QStringLiteral("previewDays");
        QTest::newRow("no such alert") << QStringLiteral("markAlert");
        QTest::newRow("a wallet as a card") << QStringLiteral("walletCard");
        QTest::newRow("no such method: default") << QStringLiteral("setDefault");
        QTest::newRow("no such method: remove") << QStringLiteral("removeMethod");
        QTest::newRow("no such line: remove") << QStringLiteral("removeLine");
        QTest::newRow("unknown zone") << QStringLiteral("timeZone");
        QTest::newRow("threshold amount") << QStringLiteral("amount");
        QTest::newRow("threshold unit") << QStringLiteral("unit");
    }

    void everyRefusalAScreenGetsIsASentence()
    {
        QFETCH(QString, what);
        std::unique_ptr<Service> service = freshAccount(folder(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        const Expected<MethodRecord> card = addVisa(*service, 5000);
        QVERIFY2(card, qPrintable(card.error()));
        const Expected<LineRecord> line =
            service->addLine(LineForm{QStringLiteral("Phone"), {}, UsageProfile::Regular, 3, DataAmount(2'000'000'000), {}});
        QVERIFY2(line, qPrintable(line.error()));
        const QHash<QString, std::function<Failure()>> refusals{
            {QStringLiteral("advanceBy"), [&] { return service->advanceBy(0).whyFailed(); }},
            {QStringLiteral("playZero"), [&] { return service->startPlaying(0).whyFailed(); }},
            {QStringLiteral("playTooFast"), [&] { return service->startPlaying(qint64(1) << 50).whyFailed(); }},
            {QStringLiteral("injectNothing"), [&] { return service->injectFault(card->id, {}).whyFailed(); }},
            {QStringLiteral("previewDays"), [&] {
                 Policy policy;
                 policy.monthly = MonthlyTrigger{15, 9 * 60, packageId(*service, "1 GB data")};
                 policy.method = card->engineId();
                 return service->previewPolicy(line->id, policy, 0).whyFailed();
             }},
            {QStringLiteral("markAlert"), [&] { return service->markAlertRead(404).whyFailed(); }},
            {QStringLiteral("walletCard"), [&] {
                 return service->addCard(CardForm{MethodKind::PayPal, QStringLiteral("Ana Lima"), QStringLiteral("4111 1111 1111 1111"),
                                                  QStringLiteral("12/30"), QStringLiteral("123"), Money::fromCents(100)})
                     .whyFailed();
             }},
            {QStringLiteral("setDefault"), [&] { return service->setDefaultMethod(404).whyFailed(); }},
            {QStringLiteral("removeMethod"), [&] { return service->removeMethod(404).whyFailed(); }},
            {QStringLiteral("removeLine"), [&] { return service->removeLine(404).whyFailed(); }},
            {QStringLiteral("timeZone"), [&] { return service->setTimeZone(QStringLiteral("Mars/Olympus_Mons")).whyFailed(); }},
            {QStringLiteral("amount"), [] { return DataAmount::parse(QStringLiteral("1e30 GB")).whyFailed(); }},
            {QStringLiteral("unit"), [] { return DataAmount::parse(QStringLiteral("5 GBB")).whyFailed(); }},
        };
        QVERIFY(refusals.contains(what));
        const Failure why = refusals.value(what)();
        QVERIFY2(!why.text().isEmpty(), "it was not refused");
        const QString shown = why.sentences();
        QVERIFY2(shown != why.text(), qPrintable(QStringLiteral("no sentence of its own: \"%1\"").arg(shown)));
        QVERIFY2(shown.front().isUpper() && shown.endsWith(QLatin1Char('.')), qPrintable(shown));
    }

    // A failure that has no sentence of its own yet shows its text as the
    // core wrote it: nothing is upper-cased on the way ("eSIM", a path).
    void aFailureWithoutASentenceIsShownAsWritten()
    {
        const Expected<int> failed = Expected<int>::failure(QStringLiteral("eSIM catalog unavailable"));
        QCOMPARE(failed.sentences(), QStringLiteral("eSIM catalog unavailable"));
        ErrorLabel label;
        label.setError(failed.sentences());
        QCOMPARE(label.text(), QStringLiteral("eSIM catalog unavailable"));
    }
};

QTEST_MAIN(TestCoreSentences)
#include "tst_coresentences.moc"
