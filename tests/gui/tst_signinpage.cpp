#include "testmain.h"
#include "pages/signinpage.h"
#include "service/service.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

namespace tst_signinpage {

using namespace topup;

class TestSignInPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<SignInPage> m_page;

    template<typename T>
    T *child(const char *name)
    {
        T *found = m_page->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }

    void type(const char *field, const QString &text)
    {
        auto *edit = child<QLineEdit>(field);
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        Service::Options options;
        options.location = WorldLocation::folder(m_dir.filePath(QStringLiteral("data-%1-%2")
                                             .arg(QLatin1String(QTest::currentTestFunction()),
                                                  QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char('/'), QLatin1Char('-')))));
        options.fixedNow = *Instant::parse(u"2027-03-15T10:00:00Z");
        options.passwordIterations = 1000; // a test, not the product
        Expected<std::unique_ptr<Service>> opened = Service::open(options);
        QVERIFY2(opened, qPrintable(opened.error()));
        m_service = opened.take();
        m_page = std::make_unique<SignInPage>(*m_service);
        m_page->resize(800, 600);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_service.reset();
    }

    void signUpWithBadThenGoodInput()
    {
        auto *mode = child<QPushButton>("modeButton");
        QVERIFY(mode);
        QTest::mouseClick(mode, Qt::LeftButton);
        QVERIFY(m_page->isSignUpMode());
        auto *submit = child<QPushButton>("submitButton");
        auto *loginMessage = child<QLabel>("loginMessage");
        auto *passwordMessage = child<QLabel>("passwordMessage");
        auto *confirmMessage = child<QLabel>("confirmMessage");
        QVERIFY(submit && loginMessage && passwordMessage && confirmMessage);

        type("login", QStringLiteral("jane@"));
        QVERIFY(loginMessage->isVisible());
        QVERIFY2(loginMessage->text().contains(QLatin1String("e-mail")), qPrintable(loginMessage->text()));
        type("password", QStringLiteral("short"));
        QVERIFY(passwordMessage->isVisible());
        QVERIFY2(passwordMessage->text().contains(QLatin1String("at least 10")), qPrintable(passwordMessage->text()));
        type("password", QStringLiteral("password123"));
        QVERIFY2(passwordMessage->text().contains(QLatin1String("common")), qPrintable(passwordMessage->text()));
        type("confirmPassword", QStringLiteral("something else"));
        QVERIFY(confirmMessage->isVisible());
        QVERIFY(!submit->isEnabled());
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY(!m_service->account());

        type("login", QStringLiteral("jane@example.com"));
        QVERIFY(!loginMessage->isVisible());
        type("password", QStringLiteral("violet-harbour-42"));
        QVERIFY(!passwordMessage->isVisible());
        type("confirmPassword", QStringLiteral("violet-harbour-42"));
        QVERIFY(!confirmMessage->isVisible());
        QVERIFY(submit->isEnabled());
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY(m_service->account());
        QCOMPARE(m_service->account()->login, QStringLiteral("jane@example.com"));
    }

    // Every zone the account may have is accepted as typed, those of the
    // tz database Qt does not list included: Etc/UTC is the system's zone on
    // many machines (a Debian container's), and the form fills it in.
    void signUpTakesEveryZoneTheCoreKnows_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("Etc/UTC") << QStringLiteral("Etc/UTC") << true;
        QTest::newRow("Europe/Paris") << QStringLiteral("Europe/Paris") << true;
        QTest::newRow("UTC") << QStringLiteral("UTC") << true;
        QTest::newRow("Mars/Olympus") << QStringLiteral("Mars/Olympus") << false;
        QTest::newRow("UTC+02:00") << QStringLiteral("UTC+02:00") << false;
    }

    void signUpTakesEveryZoneTheCoreKnows()
    {
        QFETCH(QString, zone);
        QFETCH(bool, accepted);
        QTest::mouseClick(child<QPushButton>("modeButton"), Qt::LeftButton);
        QVERIFY(m_page->isSignUpMode());
        type("login", QStringLiteral("jane@example.com"));
        type("password", QStringLiteral("violet-harbour-42"));
        type("confirmPassword", QStringLiteral("violet-harbour-42"));
        auto *zoneBox = child<QComboBox>("signUpTimezone");
        QVERIFY(zoneBox && zoneBox->lineEdit());
        zoneBox->lineEdit()->clear();
        QTest::keyClicks(zoneBox->lineEdit(), zone);
        QCOMPARE(zoneBox->currentText(), zone);
        auto *message = child<QLabel>("signUpTimezoneMessage");
        QVERIFY(message);
        QVERIFY2(message->isVisible() != accepted, qPrintable(message->text()));
        auto *submit = child<QPushButton>("submitButton");
        QCOMPARE(submit->isEnabled(), accepted);
        QTest::mouseClick(submit, Qt::LeftButton);
        QCOMPARE(m_service->account().has_value(), accepted);
        if (accepted)
            QCOMPARE(m_service->account()->timezone, zone);
    }

    void fiveWrongPasswordsLockTheAccount()
    {
        SignUpForm form;
        form.login = QStringLiteral("+8613800138000");
        form.password = QStringLiteral("violet-harbour-42");
        const Expected<Account> created = m_service->signUp(form);
        QVERIFY2(created, qPrintable(created.error()));
        m_service->signOut();
        QVERIFY(!m_service->account());

        auto *submit = child<QPushButton>("submitButton");
        auto *message = child<QLabel>("formMessage");
        QVERIFY(submit && message);
        type("login", QStringLiteral("+86 138 0013 8000"));
        for (int i = 0; i < 5; ++i) {
            type("password", QStringLiteral("wrong-password-%1").arg(i));
            QTest::mouseClick(submit, Qt::LeftButton);
            QVERIFY(!m_service->account());
            QVERIFY(message->isVisible());
            // Four times "wrong"; the fifth says the account is now locked, and until when.
            QCOMPARE(message->text().contains(QLatin1String("locked until")), i == 4);
        }
        QVERIFY2(message->text().contains(QLatin1String("10:15")), qPrintable(message->text()));
        // Locked even with the right password now.
        type("password", form.password);
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY(!m_service->account());
        QVERIFY2(message->text().contains(QLatin1String("locked until")), qPrintable(message->text()));
    }

    void signInWithTheRightPassword()
    {
        SignUpForm form;
        form.login = QStringLiteral("ana@example.org");
        form.password = QStringLiteral("violet-harbour-42");
        QVERIFY(m_service->signUp(form));
        m_service->signOut();
        type("login", form.login);
        type("password", form.password);
        QTest::keyClick(child<QLineEdit>("password"), Qt::Key_Return);
        QVERIFY(m_service->account());
    }
};

TOPUP_TEST_MAIN(TestSignInPage)
} // namespace tst_signinpage
#include "tst_signinpage.moc"
