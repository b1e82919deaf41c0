#pragma once

#include "domain/expected.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace topup {

class Database;

// Whether the store (`topup.sqlite`) and the provider's journal
// (`gateway.sqlite`) agree charge by charge: every attempt the store wrote
// down with a payment method is a charge in the journal with the same answer
// and amount, and every charge in the journal is an attempt in the store or
// still a pending intent there (reconciling writes it down).
//
// At each clean stop both files get the same high-water mark: the
// journal's last charge and the store's last attempt, the last point both
// were known to agree. At open, after an unclean shutdown (a log beside
// either file) or when the two marks differ, what came after the earlier
// mark is compared charge by charge, before anything is written; a log
// emptied by hand, or one from another copy of the world, shows as a
// disagreement. Only what came after the mark is read: a world with no mark
// yet (from an earlier version) is compared whole, once.
class BooksAgreement final
{
    Q_DECLARE_TR_FUNCTIONS(BooksAgreement)

public:
    struct Mark final
    {
        qint64 journalSeq = 0; // charges.seq in the journal
        qint64 attemptId = 0;  // attempts.id in the store
        bool operator==(const Mark &other) const noexcept
        {
            return journalSeq == other.journalSeq && attemptId == other.attemptId;
        }
    };

    BooksAgreement(Database &store, Database &journal) : m_store(store), m_journal(journal) {}

    // Refused, with a message naming both files, when they disagree; reads only.
    Expected<void> check(bool uncleanShutdown);
    // At a clean stop: the mark, into the journal first and then the store
    // (a stop in between leaves the earlier mark in the store, so the next
    // open compares from there). Nothing is written when it has not moved.
    Expected<void> writeMark();

    // The mark a file holds: none when it has none (or no table for it yet).
    static Expected<std::optional<Mark>> markOf(Database &file);

private:
    // The first disagreement after `from`, in words; empty when none.
    Expected<QString> firstDisagreement(const Mark &from, qint64 agreedJournalSeq);

    Database &m_store;
    Database &m_journal;
};

} // namespace topup
