#include "demoworld.h"

#include "rules/zonedcalendar.h"
#include "service.h"
#include "sim/xoshiro256.h"
#include "store/datadirectory.h"
#include "worldfiles.h"

#include <QDir>

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <memory>

namespace topup {
namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;

} // namespace

MethodStore::TokenSource DemoWorld::tokens(quint64 seed)
{
    auto random = std::make_shared<Xoshiro256>(seed ^ 0x746f6b656e73ULL);
    return [random] {
        QString token = QStringLiteral("tok_demo_");
        for (int i = 0; i < 24; ++i)
            token += QLatin1Char(char('a' + random->below(26))); // letters only, like the product's tokens
        return token;
    };
}

Expected<void> DemoWorld::create(Service &service, quint64 seed, const std::function<void(const QString &step)> &announce)
{
    const Instant now = service.now();
    const Instant start = now.plusMsecs(-qint64(historyDays) * 24 * 3600 * 1000);
    if (const Expected<std::vector<Account>> accounts = service.allAccounts(); !accounts)
        return Expected<void>::failure(accounts);
    else if (!accounts->empty())
        return Expected<void>::failure(DemoWorld::tr("%1 already holds accounts: the demo needs a new data folder (--data-dir)")
                                           .arg(service.dataDir()));
    if (const Expected<void> clock = service.startClockAt(start); !clock)
        return clock;

    Xoshiro256 random(seed);
    QByteArray salt(16, '\0');
    for (char &byte : salt)
        byte = char(random.below(256));
    SignUpForm form{QLatin1String(login), QLatin1String(password), QStringLiteral("EUR"), QStringLiteral("Europe/Berlin"),
                    Money::fromCents(20000)};
    if (const Expected<Account> account = service.signUp(form, salt); !account)
        return Expected<void>::failure(account);
    if (announce)
        announce(QStringLiteral("signed up"));

    const QTimeZone zone("Europe/Berlin");
    const ZonedCalendar calendar(zone);
    const YearMonth soon = calendar.monthOf(now); // runs out at the end of this month
    // Cards print two digits of the year, read as 20YY (SPEC): the Visa
    // runs four more years, the debit card to the end of this month. The
    // years are the account's (Berlin's), and so is the date said back.
    constexpr int visaYears = 4;
    if (soon.year < 2000 || soon.year + visaYears > 2099)
        return Expected<void>::failure(DemoWorld::tr("the demo needs a date from 2000 to %1 in %2, the demo account's time zone: its"
                                                     " cards' expiry is written MM/YY (read as 20YY) and the Visa runs %3 more years;"
                                                     " got %4 there (%5)")
                                           .arg(2099 - visaYears)
                                           .arg(QString::fromLatin1(zone.id()))
                                           .arg(visaYears)
                                           .arg(QDateTime::fromMSecsSinceEpoch(now.msecs(), zone).toString(Qt::ISODate), now.toString()),
                                       DemoWorld::tr("The demo needs a date from 2000 to %1 in %2, the demo account's time zone: its"
                                                     " cards' expiry is written MM/YY (read as 20YY) and the Visa runs %3 more years;"
                                                     " it is %4 there (%5).")
                                           .arg(2099 - visaYears)
                                           .arg(QString::fromLatin1(zone.id()))
                                           .arg(visaYears)
                                           .arg(QDateTime::fromMSecsSinceEpoch(now.msecs(), zone).toString(Qt::ISODate), now.toString()));
    const auto expiry = [](int month, int year) {
        return QStringLiteral("%1/%2").arg(month, 2, 10, QLatin1Char('0')).arg(year - 2000, 2, 10, QLatin1Char('0'));
    };
    const QString soonText = expiry(soon.month, soon.year);
    const Expected<MethodRecord> visa = service.addCard(
        CardForm{MethodKind::CreditCard, QStringLiteral("Alex Demo"), QStringLiteral("4111 1111 1111 1111"),
                 expiry(9, soon.year + visaYears), QStringLiteral("123"), Money::fromCents(100000)});
    if (!visa)
        return Expected<void>::failure(visa);
    const Expected<MethodRecord> debit = service.addCard(
        CardForm{MethodKind::DebitCard, QStringLiteral("Alex Demo"), QStringLiteral("5555 5555 5555 4444"), soonText,
                 QStringLiteral("456"), Money::fromCents(15000)});
    if (!debit)
        return Expected<void>::failure(debit);
    const Expected<MethodRecord> wallet = service.addWallet(WalletForm{QStringLiteral("alex.demo@topup.example"), Money::fromCents(8000)});
    if (!wallet)
        return Expected<void>::failure(wallet);

    const Expected<std::vector<PackageRecord>> packages = service.packages();
    if (!packages)
        return Expected<void>::failure(packages);
    const auto package = [&](const char *name) {
        for (const PackageRecord &record : *packages) {
            if (record.name == QLatin1String(name))
                return record.package.id;
        }
        return QString();
    };

    struct DemoLine
    {
        const char *name;
        const char *region;
        UsageProfile profile;
        qint64 data;
        qint64 voice;
    };
    // Named in the language the app speaks when the demo is made, as a
    // person would have named their own lines; they stay so afterwards.
    const DemoLine demoLines[] = {
        {QT_TRANSLATE_NOOP("DemoWorld", "Home phone"), QT_TRANSLATE_NOOP("DemoWorld", "Germany"), UsageProfile::Light, 6 * gigabyte, 200 * 60},
        {QT_TRANSLATE_NOOP("DemoWorld", "Japan travel eSIM"), QT_TRANSLATE_NOOP("DemoWorld", "Japan"), UsageProfile::Traveller, 3 * gigabyte, 0},
        {QT_TRANSLATE_NOOP("DemoWorld", "EU tablet"), QT_TRANSLATE_NOOP("DemoWorld", "European Union"), UsageProfile::Light, 2 * gigabyte, 0},
    };
    std::vector<qint64> lineIds;
    for (const DemoLine &line : demoLines) {
        const Expected<LineRecord> added = service.addLine(LineForm{DemoWorld::tr(line.name), DemoWorld::tr(line.region), line.profile,
                                                                    random.next() >> 11, DataAmount(line.data), VoiceAmount(line.voice)});
        if (!added)
            return Expected<void>::failure(added);
        lineIds.push_back(added->id);
    }

    Policy home;
    home.threshold = ThresholdTrigger{Resource::Data, 1 * gigabyte, package("5 GB data")};
    home.monthly = MonthlyTrigger{1, 9 * 60, package("100 minutes")};
    home.method = visa->engineId();
    home.fallback = wallet->engineId();
    Policy travel;
    travel.threshold = ThresholdTrigger{Resource::Data, 500 * 1000 * 1000, package("5 GB data")};
    travel.method = visa->engineId();
    travel.fallback = wallet->engineId();
    travel.maxPerMonth = 8;
    Policy tablet;
    tablet.threshold = ThresholdTrigger{Resource::Data, 300 * 1000 * 1000, package("1 GB data")};
    tablet.monthlyCap = Money::fromCents(1000); // two 5.00 top-ups a month: the third is blocked
    tablet.method = debit->engineId();
    for (const auto &[line, policy] : {std::pair{lineIds[0], home}, std::pair{lineIds[1], travel}, std::pair{lineIds[2], tablet}}) {
        if (const Expected<void> set = service.setPolicy(line, policy); !set)
            return set;
    }
    // The card declines once: the wallet pays that top-up, same instant, same attempt.
    if (const Expected<void> fault = service.injectFault(visa->id, {Reason::Declined}); !fault)
        return fault;
    if (const Expected<CatchUpSummary> caughtUp = service.catchUpToNow(); !caughtUp)
        return Expected<void>::failure(caughtUp);
    return {};
}

Expected<void> DemoWorld::build(const Service::Options &options, quint64 seed, const std::function<void(const QString &step)> &announce)
{
    const auto say = [&](const char *step) {
        if (announce)
            announce(QLatin1String(step));
    };
    if (options.location.onPostgres())
        return Expected<void>::failure(DemoWorld::tr("%1: the demo is built in a new data folder and moved in whole; a world on PostgreSQL"
                                                     " starts empty (sign up in topup-dashboard --database URL)")
                                           .arg(options.location.database()->toString()));
    Expected<std::unique_ptr<DataDirectory>> claimed = DataDirectory::claim(DataDirectory::resolve(options.location.dataDir()));
    if (!claimed)
        return Expected<void>::failure(claimed);
    const DataDirectory &directory = **claimed; // held until the demo is in place
    if (const Expected<void> recovered = WorldFiles::recover(directory); !recovered)
        return recovered;
    if (WorldFiles::holdsWorld(directory.path()))
        return Expected<void>::failure(DemoWorld::tr("%1 already holds a world: the demo needs a new data folder (--data-dir)")
                                           .arg(directory.path()));
    const QString staging = WorldFiles::stagingPath(directory.path());
    if (!QDir().mkpath(staging))
        return Expected<void>::failure(DemoWorld::tr("%1: cannot create %2 for the demo").arg(directory.path(), staging));
    say("building");
    Expected<void> built;
    {
        Service::Options staged = options;
        staged.location = WorldLocation::folder(staging);
        staged.tokens = tokens(seed);
        Expected<std::unique_ptr<Service>> service = Service::open(staged);
        built = service ? create(**service, seed, announce) : Expected<void>::failure(service);
    } // closed: both files complete on disk
    if (built) {
        say("built");
        built = WorldFiles::moveIn(staging, directory.path(), announce);
    }
    if (!built && !WorldFiles::holdsWorld(directory.path()))
        QDir(staging).removeRecursively(); // nothing reached the folder: leave nothing
    return built;
}

} // namespace topup
