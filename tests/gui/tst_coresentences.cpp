// What a form shows when the core refuses is the sentence the core made, in
// English and in Chinese, as it was made: no widget upper-cases a first
// letter of its own (issue 14, "Errors with a place"), so a language without
// capitals and a message starting with a name come out as written.
#include "testmain.h"
#include "pagesfixture.h"
#include "sentencelanguages.h"

#include "app/appsettings.h"
#include "app/demoaccess.h"
#include "app/mainwindow.h"
#include "dialogs/addlinedialog.h"
#include "dialogs/depositdialog.h"
#include "dialogs/renamelinedialog.h"
#include "domain/linename.h"
#include "domain/loginid.h"
#include "domain/passwordpolicy.h"
#include "pages/signinpage.h"
#include "widgets/errorlabel.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>

namespace tst_coresentences {

using namespace topup;
using namespace topup::testing;

class TestCoreSentences final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SentenceLanguages m_languages;
    // The row's language in use, and a new account in the row's own folder.
    std::unique_ptr<Service> accountIn(const QString &language)
    {
        m_languages.use(language);
        return freshAccount(folder(), at("2027-03-15T10:00:00Z"));
    }

    // Shown (at `size` when given) and exposed.
    static bool shown(QWidget &widget, QSize size = {})
    {
        if (size.isValid())
            widget.resize(size);
        widget.show();
        return QTest::qWaitForWindowExposed(&widget);
    }

    static void addLanguages(const QString &english, const QString &chinese)
    {
        SentenceLanguages::addRows(english, chinese);
    }

    QString folder() const
    {
        return m_dir.filePath(QStringLiteral("data-%1-%2").arg(QLatin1String(QTest::currentTestFunction()),
                                                                QLatin1String(QTest::currentDataTag())));
    }

private slots:
    void cleanup()
    {
        m_languages.restore();
    }

    void theRenameDialogShowsTheCoresSentence_data()
    {
        addLanguages(QStringLiteral("A line needs a name."), QStringLiteral("线路需要一个名称。"));
    }

    void theRenameDialogShowsTheCoresSentence()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        const std::unique_ptr<Service> service = accountIn(language);
        QVERIFY(service);
        RenameLineDialog dialog(*service, 1, QStringLiteral("Tokyo"));
        QVERIFY(shown(dialog));
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
        addLanguages(QStringLiteral("A line's name is at most 60 characters."), QStringLiteral("线路名称最多 60 个字符。"));
    }

    void theAddLineDialogShowsTheCoresSentence()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        const std::unique_ptr<Service> service = accountIn(language);
        QVERIFY(service);
        AddLineDialog dialog(*service, DataUnits::Decimal);
        QVERIFY(shown(dialog));
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
        addLanguages(QStringLiteral("Wrong login or password."), QStringLiteral("账号或密码错误。"));
    }

    void theSignInPageShowsTheCoresSentence()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        const std::unique_ptr<Service> service = accountIn(language);
        QVERIFY(service);
        service->signOut();
        const Expected<Account> refused = service->signIn(QStringLiteral("ana@example.com"), QStringLiteral("wrong-password-1"));
        QVERIFY(!refused);
        QCOMPARE(refused.sentences(), expected);

        SignInPage page(*service);
        QVERIFY(shown(page, QSize(800, 600)));
        QTest::keyClicks(child<QLineEdit>(&page, "login"), QStringLiteral("ana@example.com"));
        QTest::keyClicks(child<QLineEdit>(&page, "password"), QStringLiteral("wrong-password-2"));
        QTest::mouseClick(child<QPushButton>(&page, "submitButton"), Qt::LeftButton);
        QVERIFY(!service->account());
        auto *message = child<QLabel>(&page, "formMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), refused.sentences());
    }

    // A password the policy refuses for a reason the page does not check
    // itself (it is the login): the page shows the policy's sentence as it
    // is, not glued into "Too weak: …." with the command line's text.
    void theSignUpPageShowsThePasswordPolicysSentence_data()
    {
        addLanguages(QStringLiteral("A password must not be your e-mail address or phone number."),
                     QStringLiteral("密码不能是您的电子邮件地址或手机号码。"));
    }

    void theSignUpPageShowsThePasswordPolicysSentence()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        m_languages.use(language);
        std::unique_ptr<Service> service = openService(folder(), at("2027-03-15T10:00:00Z"));
        QVERIFY(service);
        SignInPage page(*service);
        QVERIFY(shown(page, QSize(800, 600)));
        if (!page.isSignUpMode())
            QTest::mouseClick(child<QPushButton>(&page, "modeButton"), Qt::LeftButton);
        QVERIFY(page.isSignUpMode());
        const QString login = QStringLiteral("ana.lima.sousa@example.com");
        QTest::keyClicks(child<QLineEdit>(&page, "login"), login);
        QTest::keyClicks(child<QLineEdit>(&page, "password"), login);
        const Expected<LoginId> parsed = LoginId::parse(login);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        const Expected<void> refused = PasswordPolicy::check(login, *parsed);
        QVERIFY(!refused);
        auto *message = child<QLabel>(&page, "passwordMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), refused.sentences());
        QCOMPARE(message->text(), expected);
    }

    // The demo refused in a folder that has other accounts: the window says
    // DemoAccess's sentence as it is.
    void theDemoRefusalIsShownAsMade_data()
    {
        addLanguages(QStringLiteral("This data folder has accounts but not the demo one; start with an empty data folder "
                                    "to see the demo."),
                     QStringLiteral("此数据文件夹中已有账户，但没有演示账户；请使用一个空的数据文件夹来查看演示。"));
    }

    void theDemoRefusalIsShownAsMade()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        const std::unique_ptr<Service> service = accountIn(language);
        QVERIFY(service);
        service->signOut();
        const Expected<void> refused = DemoAccess::open(*service);
        QVERIFY(!refused);
        QCOMPARE(refused.sentences(), expected);
        AppSettings settings(m_dir.filePath(QStringLiteral("%1-%2.ini").arg(QLatin1String(QTest::currentTestFunction()),
                                                                          QLatin1String(QTest::currentDataTag()))));
        MainWindow window(*service, settings);
        QVERIFY(shown(window, QSize(1280, 800)));
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
        const std::unique_ptr<Service> service = accountIn(language);
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
        addLanguages(QStringLiteral("No such payment method."), QStringLiteral("付款方式不存在。"));
    }

    void theManualTopUpRefusalIsASentence()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        const std::unique_ptr<Service> service = accountIn(language);
        QVERIFY(service);
        const Expected<ChargeAnswer> answer = service->manualTopUp(404, 1, 1);
        QVERIFY(!answer);
        QCOMPARE(answer.sentences(), expected);
    }

    // A data folder another TopUp Dashboard holds: the window that offers to
    // try again shows the data folder's own sentence, which the open passed
    // on whole (it used to pass on only the lower-case text).
    void aFolderInUseIsRefusedWithASentence_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("starts");
        QTest::addColumn<QString>("ends");
        QTest::newRow("en") << QString() << QStringLiteral("The data folder %1 is in use by another TopUp Dashboard (")
                            << QStringLiteral("). Close that one first.");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("数据文件夹 %1 正被另一个 TopUp Dashboard 使用（")
                               << QStringLiteral("）。请先关闭那一个。");
    }

    void aFolderInUseIsRefusedWithASentence()
    {
        QFETCH(QString, language);
        QFETCH(QString, starts);
        QFETCH(QString, ends);
        const std::unique_ptr<Service> first = accountIn(language);
        QVERIFY(first);
        Service::Options options;
        options.location = WorldLocation::folder(folder());
        options.fixedNow = at("2027-03-15T10:00:00Z");
        const Expected<std::unique_ptr<Service>> second = Service::open(options);
        QVERIFY(!second);
        const QString shown = second.sentences();
        QVERIFY2(shown.startsWith(starts.arg(QDir(folder()).absolutePath())), qPrintable(shown));
        QVERIFY2(shown.endsWith(ends), qPrintable(shown));
        QVERIFY(second.error() != shown); // the command line's text stays its own
    }

    // A data folder whose files cannot be used: the window that offers to
    // try again or start fresh says what is wrong with which file and what
    // to do, then what was found (the command line's text stays its own).
    void aFolderThatCannotBeOpenedSaysWhyInSentences_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // %1: the file's path
        QTest::newRow("not SQLite") << QString() << QStringLiteral("topup.sqlite") << QByteArray("hello, world")
                                    << QStringLiteral("%1 is not a TopUp Dashboard data file; it was left untouched. Choose another data"
                                                      " folder, or move the file out of this one.");
        QTest::newRow("truncated") << QString() << QStringLiteral("topup.sqlite") << QByteArray("SQLite format 3\0", 16) + QByteArray(100, '\0')
                                   << QStringLiteral("The data file %1 is damaged; nothing was changed. Put back a copy of it, or move the"
                                                     " data folder aside to start fresh.\nWhat is wrong: the file is truncated.");
        QTest::newRow("truncated, zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("topup.sqlite")
                                          << QByteArray("SQLite format 3\0", 16) + QByteArray(100, '\0')
                                          << QStringLiteral("数据文件 %1 已损坏；未做任何更改。请放回它的副本，或将数据文件夹移到一旁以重新开始。\n"
                                                            "问题所在：文件被截断了。");
        QTest::newRow("a log alone") << QString() << QStringLiteral("gateway.sqlite-wal") << QByteArray("log")
                                     << QStringLiteral("%1 is a write-ahead log without its database %2; nothing was changed. Put the"
                                                       " database back, or move the folder aside to start fresh.");
    }

    void aFolderThatCannotBeOpenedSaysWhyInSentences()
    {
        QFETCH(QString, language);
        QFETCH(QString, file);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        m_languages.use(language);
        const QString dir = folder();
        QVERIFY(QDir().mkpath(dir));
        const QString path = QDir(dir).filePath(file);
        {
            QFile written(path);
            QVERIFY(written.open(QIODevice::WriteOnly));
            QCOMPARE(written.write(bytes), qint64(bytes.size()));
        }
        Service::Options options;
        options.location = WorldLocation::folder(dir);
        options.fixedNow = at("2027-03-15T10:00:00Z");
        const Expected<std::unique_ptr<Service>> opened = Service::open(options);
        QVERIFY(!opened);
        QString database = path;
        database.chop(file.endsWith(QLatin1String("-wal")) ? 4 : 0);
        QCOMPARE(opened.sentences(), expected.contains(QLatin1String("%2")) ? expected.arg(path, database) : expected.arg(path));
        QVERIFY(opened.error() != opened.sentences());
    }

    // A call that reads the world's clock (forAccountAt) on a world whose
    // clock no version writes: the deposit dialog shows the store's
    // sentences (which file, what to do, what is wrong), as made.
    void aDamagedClockIsRefusedInSentences_data()
    {
        addLanguages(QStringLiteral("The data file %1 is damaged; nothing was changed. Put back a copy of it, or move the data folder aside"
                                    " to start fresh.\nWhat is wrong: the world's clock reads %2 ms from 1970, outside the years 0001"
                                    " to 9999."),
                     QStringLiteral("数据文件 %1 已损坏；未做任何更改。请放回它的副本，或将数据文件夹移到一旁以重新开始。\n"
                                    "问题所在：世界时钟读数为自 1970 年起 %2 毫秒，超出 0001 至 9999 年的范围。"));
    }

    void aDamagedClockIsRefusedInSentences()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        const std::unique_ptr<Service> service = accountIn(language);
        QVERIFY(service);
        const Expected<MethodRecord> wallet = service->addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(1000)});
        QVERIFY2(wallet, qPrintable(wallet.error()));
        constexpr qint64 farFuture = 400'000'000'000'000; // past the year 9999
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("behind"));
            db.setDatabaseName(QDir(folder()).filePath(QStringLiteral("topup.sqlite")));
            QVERIFY(db.open());
            QSqlQuery damage(db);
            QVERIFY(damage.exec(QStringLiteral("UPDATE world SET clock_ms = %1").arg(farFuture)));
            QCOMPARE(damage.numRowsAffected(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("behind"));
        const QString sentences = expected.arg(QDir(folder()).absoluteFilePath(QStringLiteral("topup.sqlite"))).arg(farFuture);
        const Expected<void> refused = service->deposit(wallet->id, Money::fromCents(500));
        QVERIFY(!refused);
        QCOMPARE(refused.sentences(), sentences);
        QVERIFY(refused.error() != sentences); // the command line's text stays its own

        DepositDialog dialog(*service, wallet->id, QStringLiteral("PayPal"));
        QVERIFY(shown(dialog));
        QTest::keyClicks(child<QLineEdit>(&dialog, "amount"), QStringLiteral("5.00"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        auto *error = child<ErrorLabel>(&dialog, "serviceError");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), sentences);
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

TOPUP_TEST_MAIN(TestCoreSentences)
} // namespace tst_coresentences
#include "tst_coresentences.moc"
