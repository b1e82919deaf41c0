#include "methodstore.h"

#include "database.h"
#include "domain/engineid.h"
#include "domain/cardexpiry.h"
#include "domain/cardnumber.h"
#include "domain/cardsecuritycode.h"
#include "domain/printabletext.h"
#include "domain/walletaddress.h"
#include "linestore.h"
#include "rules/zonedcalendar.h"
#include "store/journalgateway.h"
#include "statement.h"
#include "storedname.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace topup {
namespace {

// 128 random bits as 28 letters: no digits, so a token can never look like
// a card number to a scan of the files.
QString randomToken()
{
    quint64 words[2];
    QRandomGenerator::system()->fillRange(words);
    QString token = QStringLiteral("tok_");
    for (quint64 word : words) {
        for (int i = 0; i < 14; ++i) {
            token += QLatin1Char(char('a' + word % 26));
            word /= 26;
        }
    }
    return token;
}

const char *const methodColumns = "id, kind, holder, brand, last_four, expires, wallet_masked, token, is_default";

Expected<MethodRecord> methodFrom(const Statement &row)
{
    MethodRecord method;
    method.id = row.integer(0);
    const Expected<MethodKind> kind = StoredName::read(row.text(1), parseMethodKind, "method", method.id, "kind");
    if (!kind)
        return Expected<MethodRecord>::failure(kind);
    method.kind = *kind;
    method.holder = row.text(2);
    method.brand = row.text(3);
    method.lastFour = row.text(4);
    if (!row.isNull(5)) {
        const QString expires = row.text(5);
        method.expires = YearMonth{expires.left(4).toInt(), expires.mid(5, 2).toInt()};
    }
    method.walletMasked = row.text(6);
    method.token = row.text(7);
    method.isDefault = row.integer(8) != 0;
    return method;
}

} // namespace

MethodStore::MethodStore(Database &database, JournalGateway &provider, TokenSource tokens)
    : m_database(database), m_provider(provider), m_tokens(tokens ? std::move(tokens) : TokenSource(&randomToken))
{
}

Expected<MethodRecord> MethodStore::addCard(qint64 accountId, const CardForm &form, Instant now,
                                            const ZonedCalendar &calendar)
{
    using Result = Expected<MethodRecord>;
    if (form.kind == MethodKind::PayPal)
        return Result::failure(MethodStore::tr("a wallet is not a card"), MethodStore::tr("A wallet is not a card."));
    if (const std::optional<QString> problem = PrintableText::problem(form.holder))
        //: %1 says what the name holds and what to do, e.g. "holds an invisible control character (U+0007) at character 3; remove it"
        return Result::failure(MethodStore::tr("the card holder's name %1").arg(*problem),
                               MethodStore::tr("The card holder's name %1.").arg(*problem));
    const QString holder = form.holder.simplified();
    if (holder.isEmpty())
        return Result::failure(MethodStore::tr("the card holder's name is missing"), MethodStore::tr("The card holder's name is missing."));
    if (holder.size() > 100)
        return Result::failure(MethodStore::tr("the card holder's name is longer than 100 characters"),
                               MethodStore::tr("The card holder's name is longer than 100 characters."));
    const Expected<CardNumber> number = CardNumber::parse(form.number);
    if (!number)
        return Result::failure(number);
    const Expected<YearMonth> expiry = parseCardExpiry(form.expiry, calendar.monthOf(now));
    if (!expiry)
        return Result::failure(expiry);
    if (const Expected<void> code = checkSecurityCode(form.securityCode, number->brand()); !code)
        return Result::failure(code);

    MethodRecord method;
    method.kind = form.kind;
    method.holder = holder;
    method.brand = cardBrandName(number->brand());
    method.lastFour = number->lastFour();
    method.expires = *expiry;
    method.token = m_tokens();
    method.funds = form.funds;
    if (const Expected<void> opened = m_provider.openAccount(method.token, form.funds, calendar.monthStart(expiry->next()));
        !opened)
        return Result::failure(opened);
    return insert(accountId, method, now);
}

Expected<MethodRecord> MethodStore::addWallet(qint64 accountId, const WalletForm &form, Instant now)
{
    const Expected<WalletAddress> address = WalletAddress::parse(form.email.trimmed());
    if (!address)
        return Expected<MethodRecord>::failure(address);
    MethodRecord method;
    method.kind = MethodKind::PayPal;
    method.walletMasked = address->masked();
    method.token = m_tokens();
    method.funds = form.funds;
    if (const Expected<void> opened = m_provider.openAccount(method.token, form.funds, std::nullopt); !opened)
        return Expected<MethodRecord>::failure(opened);
    return insert(accountId, method, now);
}

Expected<MethodRecord> MethodStore::insert(qint64 accountId, const MethodRecord &method, Instant now)
{
    MethodRecord stored = method;
    const Expected<void> written = m_database.write([&]() -> Expected<void> {
        Statement count(m_database, QStringLiteral("SELECT count(*) FROM methods WHERE account_id = ? AND removed = 0"));
        count.bind(accountId);
        if (const auto ran = count.run(); !ran)
            return ran;
        stored.isDefault = count.next() && count.integer(0) == 0; // the first method is the default
        count.finish();
        Statement add(m_database, QStringLiteral("INSERT INTO methods (account_id, code, kind, holder, brand, last_four, expires,"
                                                 " wallet_masked, token, is_default, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                      + m_database.dialect().returningId());
        add.bind(accountId).bind(method.token).bind(methodKindName(method.kind));
        add.bindNullable(method.isCard(), method.holder).bindNullable(method.isCard(), method.brand);
        add.bindNullable(method.isCard(), method.lastFour);
        add.bindNullable(method.expires.has_value(), method.expires ? method.expires->toString() : QString());
        add.bindNullable(!method.isCard(), method.walletMasked);
        add.bind(method.token).bind(stored.isDefault ? 1 : 0).bind(now.msecs());
        if (const auto ran = add.run(); !ran)
            return ran;
        const Expected<qint64> id = add.insertedId();
        if (!id)
            return Expected<void>::failure(id);
        stored.id = *id;
        return {};
    });
    if (!written)
        return Expected<MethodRecord>::failure(written);
    return stored;
}

Expected<std::vector<MethodRecord>> MethodStore::list(qint64 accountId)
{
    Statement select(m_database, QStringLiteral("SELECT %1 FROM methods WHERE account_id = ? AND removed = 0 ORDER BY id")
                                     .arg(QLatin1String(methodColumns)));
    select.bind(accountId);
    if (const auto ran = select.run(); !ran)
        return Expected<std::vector<MethodRecord>>::failure(ran);
    std::vector<MethodRecord> methods;
    while (select.next()) {
        Expected<MethodRecord> method = methodFrom(select);
        if (!method)
            return Expected<std::vector<MethodRecord>>::failure(method);
        methods.push_back(*method);
    }
    MethodRecord::tellApart(methods);
    for (MethodRecord &method : methods) {
        // Funds the provider cannot tell are unknown, not 0.00: said so, with why.
        const Expected<std::optional<Money>> held = m_provider.accountFunds(method.token);
        const Expected<Money> funds = !held ? Expected<Money>::failure(held) : *held ? Expected<Money>(**held) : JournalGateway::noSuchAccount();
        method.fundsKnown = funds.ok();
        method.funds = funds ? *funds : Money();
        method.fundsProblem = funds ? QString() : funds.error();
        method.atProvider = !held || held->has_value(); // a read that failed says nothing of the account
    }
    return methods;
}

Expected<MethodRecord> MethodStore::find(qint64 accountId, qint64 methodId)
{
    Statement select(m_database, QStringLiteral("SELECT %1 FROM methods WHERE account_id = ? AND id = ? AND removed = 0")
                                     .arg(QLatin1String(methodColumns)));
    select.bind(accountId).bind(methodId);
    if (const auto ran = select.run(); !ran)
        return Expected<MethodRecord>::failure(ran);
    if (!select.next())
        return Expected<MethodRecord>::failure(MethodStore::tr("no such payment method"), MethodStore::tr("No such payment method."));
    select.finish();
    // Listed, so that its label tells it apart from its look-alikes.
    const Expected<std::vector<MethodRecord>> all = list(accountId);
    if (!all)
        return Expected<MethodRecord>::failure(all);
    for (const MethodRecord &method : *all) {
        if (method.id == methodId)
            return method;
    }
    return Expected<MethodRecord>::failure(MethodStore::tr("no such payment method"), MethodStore::tr("No such payment method."));
}

Expected<void> MethodStore::deposit(qint64 accountId, qint64 methodId, Money amount, Instant now)
{
    if (amount.isZero() || amount < Money())
        return Expected<void>::failure(MethodStore::tr("a deposit must be more than zero"), MethodStore::tr("A deposit must be more than zero."));
    const Expected<MethodRecord> method = find(accountId, methodId);
    if (!method)
        return Expected<void>::failure(method);
    if (const Expected<void> done = m_provider.depositTo(method->token, amount, now); !done)
        //: %1 is the payment method ("Visa •••• 4242"), %2 why the provider refused the deposit
        return Expected<void>::failure(
            Failure(MethodStore::tr("%1: %2").arg(method->label(), done.error()),
                    //: %1 is the payment method ("Visa •••• 4242"); the provider's own sentences follow
                    MethodStore::tr("%1 cannot take the deposit.").arg(method->label()), done.whyFailed()));
    return {};
}

Expected<void> MethodStore::requireMethod(qint64 accountId, qint64 methodId)
{
    Statement check(m_database, QStringLiteral("SELECT 1 FROM methods WHERE account_id = ? AND id = ? AND removed = 0"));
    check.bind(accountId).bind(methodId);
    if (const auto ran = check.run(); !ran)
        return ran;
    if (!check.next())
        return Expected<void>::failure(MethodStore::tr("no such payment method"), MethodStore::tr("No such payment method."));
    return {};
}

Expected<void> MethodStore::setDefault(qint64 accountId, qint64 methodId)
{
    return m_database.write([&]() -> Expected<void> {
        if (const Expected<void> mine = requireMethod(accountId, methodId); !mine)
            return mine;
        Statement update(m_database, QStringLiteral("UPDATE methods SET is_default = CASE WHEN id = ? THEN 1 ELSE 0 END WHERE account_id = ?"));
        update.bind(methodId).bind(accountId);
        return update.run();
    });
}

Expected<void> MethodStore::checkRemovable(qint64 accountId, qint64 methodId)
{
    if (const Expected<void> mine = requireMethod(accountId, methodId); !mine)
        return mine;
    const Expected<QStringList> users = LineStore(m_database).linesPayingWith(accountId, EngineId::method(methodId));
    if (!users)
        return Expected<void>::failure(users);
    if (!users->isEmpty())
        return Expected<void>::failure(MethodStore::tr("this method pays the auto top-ups of %1; choose another method there first")
                                           .arg(users->join(QStringLiteral(", "))),
                                       MethodStore::tr("This method pays the auto top-ups of %1; choose another method there first.")
                                           .arg(users->join(QStringLiteral(", "))));
    return {};
}

Expected<void> MethodStore::remove(qint64 accountId, qint64 methodId)
{
    return m_database.write([&]() -> Expected<void> {
        if (const Expected<void> removable = checkRemovable(accountId, methodId); !removable)
            return removable;
        Statement update(m_database, QStringLiteral("UPDATE methods SET removed = 1, is_default = 0 WHERE id = ?"));
        update.bind(methodId);
        if (const auto ran = update.run(); !ran)
            return ran;
        // The oldest remaining method becomes the default when the default goes.
        Statement promote(m_database, QStringLiteral("UPDATE methods SET is_default = 1 WHERE id = (SELECT min(id) FROM methods"
                                                     " WHERE account_id = ? AND removed = 0) AND NOT EXISTS (SELECT 1 FROM methods"
                                                     " WHERE account_id = ? AND removed = 0 AND is_default = 1)"));
        promote.bind(accountId).bind(accountId);
        return promote.run();
    });
}

} // namespace topup
