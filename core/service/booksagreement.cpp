#include "booksagreement.h"

#include "domain/money.h"
#include "domain/reason.h"
#include "store/database.h"
#include "store/statement.h"

#include <algorithm>

namespace topup {
namespace {

// A charge's answer as both files keep it: paid or not, why not, how much.
struct Answer final
{
    bool paid = false;
    QString reason;
    qint64 cents = 0;

    bool operator==(const Answer &other) const noexcept
    {
        return paid == other.paid && reason == other.reason && cents == other.cents;
    }
    QString toString() const
    {
        const QString amount = Money::fromCents(cents).toString();
        return paid ? BooksAgreement::tr("paid %1").arg(amount) : BooksAgreement::tr("failed (%1) for %2").arg(reason, amount);
    }
};

// The answer a lookup of a charge identity found in either file (its
// columns: paid as 0 or 1, reason, amount), if any.
Expected<std::optional<Answer>> answerOf(Statement &lookup)
{
    if (const auto ran = lookup.run(); !ran)
        return Expected<std::optional<Answer>>::failure(ran);
    std::optional<Answer> answer;
    if (lookup.next())
        answer = Answer{lookup.integer(0) != 0, lookup.text(1), lookup.integer(2)};
    lookup.finish();
    return answer;
}

Expected<void> writeMarkInto(Database &file, const BooksAgreement::Mark &mark)
{
    return file.write([&] {
        // An upsert both engines say alike (SQLite's INSERT OR REPLACE is its own).
        Statement set(file, QStringLiteral("INSERT INTO books_agreed (id, journal_seq, attempt_id) VALUES (1, ?, ?) ON CONFLICT (id)"
                                           " DO UPDATE SET journal_seq = excluded.journal_seq, attempt_id = excluded.attempt_id"));
        set.bind(mark.journalSeq).bind(mark.attemptId);
        return set.run();
    });
}

Expected<qint64> scalar(Database &file, const QString &sql)
{
    Statement select(file, sql);
    if (const auto ran = select.run(); !ran)
        return Expected<qint64>::failure(ran);
    return select.next() ? select.integer(0) : qint64(0);
}

} // namespace

Expected<std::optional<BooksAgreement::Mark>> BooksAgreement::markOf(Database &file)
{
    using Result = Expected<std::optional<Mark>>;
    Statement table(file, file.dialect().tableExists());
    table.bind(QStringLiteral("books_agreed"));
    if (const auto ran = table.run(); !ran)
        return Result::failure(ran);
    if (!table.next())
        return Result(std::optional<Mark>()); // from before the mark
    table.finish();
    Statement select(file, QStringLiteral("SELECT journal_seq, attempt_id FROM books_agreed WHERE id = 1"));
    if (const auto ran = select.run(); !ran)
        return Result::failure(ran);
    if (!select.next())
        return Result(std::optional<Mark>());
    return Result(std::optional<Mark>(Mark{select.integer(0), select.integer(1)}));
}

Expected<void> BooksAgreement::check(bool uncleanShutdown)
{
    const Expected<std::optional<Mark>> storeMark = markOf(m_store);
    if (!storeMark)
        return Expected<void>::failure(storeMark);
    const Expected<std::optional<Mark>> journalMark = markOf(m_journal);
    if (!journalMark)
        return Expected<void>::failure(journalMark);
    // Both closed cleanly at the same agreed point: nothing happened since
    // that either file could have lost.
    if (!uncleanShutdown && *storeMark == *journalMark)
        return {};
    // From the earlier of the two marks; a file without one is compared whole.
    const Mark none;
    const Mark fromStore = storeMark->value_or(none);
    const Mark fromJournal = journalMark->value_or(none);
    const Mark from{std::min(fromStore.journalSeq, fromJournal.journalSeq), std::min(fromStore.attemptId, fromJournal.attemptId)};
    const Expected<QString> disagreement = firstDisagreement(from, std::max(fromStore.journalSeq, fromJournal.journalSeq));
    if (!disagreement)
        return Expected<void>::failure(disagreement);
    if (disagreement->isEmpty())
        return {};
    // The same refusal for two files in a folder or two databases on a server, each told how to mend it.
    const bool onServer = m_store.dialect().engine() == Dialect::Engine::Postgresql;
    const QString text = onServer
        ? BooksAgreement::tr("%1 and %2 disagree about the charges made since they were last known to agree: %3. The store and the"
                             " provider's journal must be the two databases written together (one restored from another backup"
                             " than the other breaks that); refused (nothing was changed). Restore both from the same backup, or"
                             " give the address of an empty database to start fresh")
        : BooksAgreement::tr("%1 and %2 disagree about the charges made since they were last known to agree: %3. The store and the"
                             " provider's journal must be the two files written together (a write-ahead log emptied or taken from"
                             " another copy breaks that); refused (nothing was changed). Put both files back as they were, or move"
                             " the folder aside to start fresh");
    const QString sentence = onServer
        ? BooksAgreement::tr("The store's database %1 and the payment journal's database %2 disagree about the charges made since"
                             " they last agreed, so nothing was changed. Restore both databases from the same backup, or give the"
                             " address of an empty database to start fresh.")
        : BooksAgreement::tr("The store %1 and the payment journal %2 disagree about the charges made since they last agreed, so"
                             " nothing was changed. Put both files back as they were, or move the data folder aside to start fresh.");
    return Expected<void>::failure(text.arg(m_store.path(), m_journal.path(), *disagreement),
                                   FieldProblems{{QString(), sentence.arg(m_store.path(), m_journal.path())},
                                                 {QString(), BooksAgreement::tr("Where they differ: %1.").arg(*disagreement)}});
}

Expected<QString> BooksAgreement::firstDisagreement(const Mark &from, qint64 agreedJournalSeq)
{
    using Result = Expected<QString>;
    const Expected<qint64> lastCharge = scalar(m_journal, QStringLiteral("SELECT coalesce(max(seq), 0) FROM charges"));
    if (!lastCharge)
        return Result::failure(lastCharge);
    if (*lastCharge < agreedJournalSeq)
        return BooksAgreement::tr("the payment journal ends at charge number %1, before charge number %2 that both had agreed on")
            .arg(*lastCharge)
            .arg(agreedJournalSeq);

    Statement inJournal(m_journal, QStringLiteral("SELECT succeeded, coalesce(reason, ''), amount_cents FROM charges"
                                                  " WHERE chain_key = ? AND attempt = ? AND token = ?"));
    Statement inStore(m_store, QStringLiteral("SELECT status = 'succeeded', coalesce(reason, ''), amount_cents FROM attempts"
                                              " WHERE chain_key = ? AND attempt = ? AND method_token = ?"));
    Statement intended(m_store, QStringLiteral("SELECT 1 FROM charge_intents WHERE chain_key = ? AND attempt = ? AND method_token = ?"));
    Statement held(m_journal, QStringLiteral("SELECT 1 FROM funding WHERE token = ?"));

    // Every attempt the store wrote down since, charged at the provider
    // (blocked attempts never reached it and have no method token).
    Statement attempts(m_store, QStringLiteral("SELECT chain_key, attempt, method_token, status = 'succeeded', coalesce(reason, ''), amount_cents"
                                               " FROM attempts WHERE id > ? AND method_token IS NOT NULL ORDER BY id"));
    attempts.bind(from.attemptId);
    if (const auto ran = attempts.run(); !ran)
        return Result::failure(ran);
    while (attempts.next()) {
        const Answer stored{attempts.integer(3) != 0, attempts.text(4), attempts.integer(5)};
        inJournal.set(0, attempts.text(0)).set(1, attempts.integer(1)).set(2, attempts.text(2));
        const Expected<std::optional<Answer>> charged = answerOf(inJournal);
        if (!charged)
            return Result::failure(charged);
        if (!*charged) {
            // A charge to an account the provider does not hold is declined
            // and kept nowhere there (JournalGateway::chargeToken).
            held.set(0, attempts.text(2));
            if (const auto ran = held.run(); !ran)
                return Result::failure(ran);
            const bool account = held.next();
            held.finish();
            if (!account && !stored.paid && stored.reason == reasonName(Reason::Declined))
                continue;
        }
        if (!*charged)
            return BooksAgreement::tr("the store has the charge %1 (attempt %2) written down as %3, and the payment journal has no such charge")
                .arg(attempts.text(0))
                .arg(attempts.integer(1))
                .arg(stored.toString());
        if (!(**charged == stored))
            return BooksAgreement::tr("the charge %1 (attempt %2) is %3 in the store but %4 in the payment journal")
                .arg(attempts.text(0))
                .arg(attempts.integer(1))
                .arg(stored.toString(), (*charged)->toString());
    }
    attempts.finish();

    // Every charge the journal made since is written down in the store, or
    // its intent still waits there to be (the crash fell in between).
    Statement charges(m_journal, QStringLiteral("SELECT chain_key, attempt, token, succeeded, coalesce(reason, ''), amount_cents"
                                                " FROM charges WHERE seq > ? ORDER BY seq"));
    charges.bind(from.journalSeq);
    if (const auto ran = charges.run(); !ran)
        return Result::failure(ran);
    while (charges.next()) {
        const Answer charged{charges.integer(3) != 0, charges.text(4), charges.integer(5)};
        inStore.set(0, charges.text(0)).set(1, charges.integer(1)).set(2, charges.text(2));
        const Expected<std::optional<Answer>> stored = answerOf(inStore);
        if (!stored)
            return Result::failure(stored);
        if (*stored) {
            if (!(**stored == charged))
                return BooksAgreement::tr("the charge %1 (attempt %2) is %3 in the store but %4 in the payment journal")
                    .arg(charges.text(0))
                    .arg(charges.integer(1))
                    .arg((*stored)->toString(), charged.toString());
            continue;
        }
        intended.set(0, charges.text(0)).set(1, charges.integer(1)).set(2, charges.text(2));
        if (const auto ran = intended.run(); !ran)
            return Result::failure(ran);
        const bool pending = intended.next();
        intended.finish();
        if (!pending)
            return BooksAgreement::tr("the payment journal has the charge %1 (attempt %2) as %3, and the store has neither that charge"
                                      " nor its intent")
                .arg(charges.text(0))
                .arg(charges.integer(1))
                .arg(charged.toString());
    }
    return QString();
}

Expected<void> BooksAgreement::writeMark()
{
    const Expected<qint64> journalSeq = scalar(m_journal, QStringLiteral("SELECT coalesce(max(seq), 0) FROM charges"));
    if (!journalSeq)
        return Expected<void>::failure(journalSeq);
    const Expected<qint64> attemptId = scalar(m_store, QStringLiteral("SELECT coalesce(max(id), 0) FROM attempts"));
    if (!attemptId)
        return Expected<void>::failure(attemptId);
    const Mark mark{*journalSeq, *attemptId};
    for (Database *file : {&m_journal, &m_store}) {
        const Expected<std::optional<Mark>> held = markOf(*file);
        if (!held)
            return Expected<void>::failure(held);
        if (*held == mark)
            continue;
        if (const Expected<void> written = writeMarkInto(*file, mark); !written)
            return written;
    }
    return {};
}

} // namespace topup
