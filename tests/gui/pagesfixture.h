#pragma once

// A service on a temporary data folder for the page tests: a fixed clock,
// few PBKDF2 rounds, and either a fresh account or the demo world.
#include "app/appsettings.h"
#include "app/demoaccess.h"
#include "domain/engineid.h"
#include "pages/linepage.h"
#include "service/demoworld.h"
#include "service/service.h"
#include "storeengine.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>

#include <functional>
#include <memory>

namespace topup::testing {

inline Instant at(const char *text)
{
    return *Instant::parse(QString::fromLatin1(text));
}

inline std::unique_ptr<Service> openService(const QString &dir, Instant now, MethodStore::TokenSource tokens = {})
{
    Service::Options options;
    // A test that started an engine (tst_journey_postgresql) keeps its
    // world there; the others in the folder.
    if (test::StoreEngine *engine = test::StoreEngine::current()) {
        Expected<WorldLocation> location = engine->worldAt(dir);
        if (!location) {
            qWarning("%s", qPrintable(location.error()));
            return nullptr;
        }
        options.location = location.take();
    } else {
        options.location = WorldLocation::folder(dir);
    }
    options.fixedNow = now;
    options.passwordIterations = 1000;
    options.tokens = std::move(tokens);
    Expected<std::unique_ptr<Service>> service = Service::open(options);
    if (!service) {
        qWarning("%s", qPrintable(service.error()));
        return nullptr;
    }
    return service.take();
}

// A new account in Europe/Paris, EUR, its clock started at `now`.
inline std::unique_ptr<Service> freshAccount(const QString &dir, Instant now)
{
    std::unique_ptr<Service> service = openService(dir, now);
    if (!service)
        return nullptr;
    const Expected<Account> account = service->signUp(SignUpForm{QStringLiteral("ana@example.com"),
                                                                 QStringLiteral("correct-horse-battery"), QStringLiteral("EUR"),
                                                                 QStringLiteral("Europe/Paris"), std::nullopt});
    if (!account || !service->catchUpToNow()) {
        qWarning("sign-up failed: %s", qPrintable(account ? QString() : account.error()));
        return nullptr;
    }
    return service;
}

inline std::unique_ptr<Service> demoWorld(const QString &dir, Instant now)
{
    std::unique_ptr<Service> service = openService(dir, now, DemoWorld::tokens(1));
    if (!service)
        return nullptr;
    if (const Expected<void> created = DemoWorld::create(*service, 1); !created) {
        qWarning("%s", qPrintable(created.error()));
        return nullptr;
    }
    return service;
}

// The demo account signed in, as the app opens it (DemoAccess: the demo
// world made on first use), with the demo's payment tokens.
inline std::unique_ptr<Service> demoAccount(const QString &dir, Instant now)
{
    std::unique_ptr<Service> service = openService(dir, now, DemoWorld::tokens(1));
    if (!service)
        return nullptr;
    if (const Expected<void> demo = DemoAccess::open(*service); !demo) {
        qWarning("%s", qPrintable(demo.error()));
        return nullptr;
    }
    return service;
}

inline QString packageId(Service &service, const char *name)
{
    if (const Expected<std::vector<PackageRecord>> packages = service.packages()) {
        for (const PackageRecord &record : *packages) {
            if (record.name == QLatin1String(name))
                return record.package.id;
        }
    }
    return {};
}

inline qint64 packageRow(Service &service, const char *name)
{
    const QString id = packageId(service, name);
    return EngineId::packageRow(id).value_or(0);
}

// The child widget called `name`, or null.
template<typename T>
T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

// The page of line `lineId`, shown at the size of the app's window.
inline std::unique_ptr<LinePage> openLinePage(Service &service, qint64 lineId)
{
    auto page = std::make_unique<LinePage>(service);
    page->resize(1280, 800);
    page->show();
    page->showLine(lineId);
    return page;
}

// Ana Lima's Visa card, valid to the end of 2030, with `cents` of funds.
inline Expected<MethodRecord> addVisa(Service &service, qint64 cents)
{
    return service.addCard(CardForm{MethodKind::CreditCard, QStringLiteral("Ana Lima"), QStringLiteral("4111 1111 1111 1111"),
                                    QStringLiteral("12/30"), QStringLiteral("123"), Money::fromCents(cents)});
}

// A new account with a Visa card, a wallet and one 5 GB line; with a
// threshold policy (below 1 GB buy 5 GB, card then wallet) when asked.
struct LineWorld
{
    QTemporaryDir dir;
    std::unique_ptr<Service> service;
    MethodRecord card;
    MethodRecord wallet;
    LineRecord line;
};

inline std::unique_ptr<LineWorld> makeLineWorld(bool withPolicy)
{
    constexpr qint64 gigabyte = 1000 * 1000 * 1000;
    auto world = std::make_unique<LineWorld>();
    world->service = freshAccount(world->dir.path(), at("2027-04-10T10:00:00Z"));
    if (!world->service)
        return nullptr;
    Service &service = *world->service;
    const Expected<MethodRecord> card = addVisa(service, 10000);
    const Expected<MethodRecord> wallet = service.addWallet(WalletForm{QStringLiteral("ana@example.com"), Money::fromCents(10000)});
    const Expected<LineRecord> line = service.addLine(LineForm{QStringLiteral("Travel phone"), QStringLiteral("Japan"),
                                                               UsageProfile::Light, 3, DataAmount(5 * gigabyte), VoiceAmount()});
    if (!card || !wallet || !line)
        return nullptr;
    world->card = *card;
    world->wallet = *wallet;
    world->line = *line;
    if (withPolicy) {
        Policy policy;
        policy.threshold = ThresholdTrigger{Resource::Data, gigabyte, packageId(service, "5 GB data")};
        policy.method = card->engineId();
        policy.fallback = wallet->engineId();
        if (!service.setPolicy(line->id, policy))
            return nullptr;
    }
    return world;
}

// A service on a temporary folder of its own and the app's settings in a
// file there: what the main window and the pages that keep settings take.
struct AppWorld
{
    QTemporaryDir dir;
    std::unique_ptr<Service> service;
    std::unique_ptr<AppSettings> settings;
};

// `open` opens the service on the folder (e.g. freshAccount); null when it
// fails.
inline std::unique_ptr<AppWorld> appWorld(const std::function<std::unique_ptr<Service>(const QString &dir)> &open)
{
    auto world = std::make_unique<AppWorld>();
    world->service = open(world->dir.path());
    if (!world->service)
        return nullptr;
    world->settings = std::make_unique<AppSettings>(world->dir.filePath(QStringLiteral("settings.ini")));
    return world;
}

// A `Widget(service, settings)` of `world` (the main window, the dashboard,
// Settings) at the app window's size, shown.
template<typename Widget>
std::unique_ptr<Widget> showWith(AppWorld &world)
{
    auto widget = std::make_unique<Widget>(*world.service, *world.settings);
    widget->resize(1280, 800);
    widget->show();
    return widget;
}

// Replaces a field's text by typing, as a person does.
inline void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// Steps a combo box to the entry holding `data` with the keyboard, as a
// person would; false when no entry holds it.
inline bool choose(QComboBox *combo, const QVariant &data)
{
    const int index = combo ? combo->findData(data) : -1;
    if (index < 0)
        return false;
    combo->setFocus();
    while (combo->currentIndex() != index)
        QTest::keyClick(combo, combo->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    return true;
}

// Runs `answer` on the next modal dialog once it is up (QTimer::singleShot
// before the call that opens it), and closes that dialog whatever happens.
inline void answerNextModal(std::function<void(QDialog *)> answer)
{
    QTimer::singleShot(0, [answer = std::move(answer)] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            qWarning("no modal dialog is open");
            return;
        }
        answer(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
}

} // namespace topup::testing
