#pragma once

#include "fieldproblem.h"

#include <QString>

#include <optional>
#include <utility>

namespace topup {

template<typename T>
class Expected;

// Why something failed, worded where it failed: `text` for logs and the
// command line (lower case: it is also part of other messages, "topup-sim:
// <text>"), and the problems it is made of, each with the field it is about
// and a whole sentence a screen shows as it is.
class Failure final
{
public:
    Failure() = default;
    // A message about the whole that has no sentence of its own yet: its one
    // problem's sentence is the text.
    explicit Failure(QString text) : m_text(std::move(text)), m_problems{FieldProblem{QString(), m_text}} {}
    // A message about the whole, worded twice: one problem without a field
    // whose sentence is `sentence` ("A line needs a name.").
    Failure(QString text, QString sentence)
        : m_text(std::move(text)), m_problems{FieldProblem{QString(), std::move(sentence)}}
    {
    }
    Failure(QString text, FieldProblems problems) : m_text(std::move(text)), m_problems(std::move(problems)) {}
    // A message about the whole worded twice, caused by another failure:
    // `sentence` first, then what `cause` says a screen shows.
    Failure(QString text, QString sentence, const Failure &cause)
        : m_text(std::move(text)), m_problems{FieldProblem{QString(), std::move(sentence)}}
    {
        m_problems.insert(m_problems.end(), cause.problems().begin(), cause.problems().end());
    }

    const QString &text() const noexcept { return m_text; }
    const FieldProblems &problems() const noexcept { return m_problems; }
    // What a screen shows: every problem's sentence, one a line.
    QString sentences() const
    {
        QString shown;
        for (const FieldProblem &problem : m_problems)
            shown += (shown.isEmpty() ? QString() : QStringLiteral("\n")) + problem.sentence;
        return shown;
    }

private:
    QString m_text;
    FieldProblems m_problems;
};

// A value, or a message saying what is wrong with the input that should have
// produced it. Errors caused by a person or a file travel as values.
template<typename T>
class [[nodiscard]] Expected final
{
public:
    Expected(T value) : m_value(std::move(value)) {} // NOLINT: implicit by design
    static Expected failure(QString error) { return Expected(Failure(std::move(error))); }
    // The whole message (error()) and the sentence a screen shows.
    static Expected failure(QString text, QString sentence) { return Expected(Failure(std::move(text), std::move(sentence))); }
    // Problems by field; `text` is the whole message (error()).
    static Expected failure(QString text, FieldProblems problems) { return Expected(Failure(std::move(text), std::move(problems))); }
    static Expected failure(Failure why) { return Expected(std::move(why)); }
    // The failure of `other`, with its problems (other must have failed).
    template<typename U>
    static Expected failure(const Expected<U> &other) { return Expected(other.whyFailed()); }

    bool ok() const noexcept { return m_value.has_value(); }
    explicit operator bool() const noexcept { return ok(); }
    const T &value() const { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    // The whole message: every problem, as logs and the command line print it.
    const QString &error() const noexcept { return m_failure.text(); }
    // What is wrong, field by field.
    const FieldProblems &problems() const noexcept { return m_failure.problems(); }
    // What a screen shows: every problem's sentence, one a line.
    QString sentences() const { return m_failure.sentences(); }
    const Failure &whyFailed() const noexcept { return m_failure; }
    // Moves the value out (for move-only values such as unique_ptr).
    T take() { return std::move(*m_value); }

private:
    explicit Expected(Failure failure) : m_failure(std::move(failure)) {}

    std::optional<T> m_value;
    Failure m_failure;
};

// Done, or a message saying why not: for work that has no value to give back.
// A default-constructed Expected<void> means done.
template<>
class [[nodiscard]] Expected<void> final
{
public:
    Expected() = default;
    static Expected success() { return {}; }
    static Expected failure(QString error) { return Expected(Failure(std::move(error))); }
    static Expected failure(QString text, QString sentence) { return Expected(Failure(std::move(text), std::move(sentence))); }
    static Expected failure(QString text, FieldProblems problems) { return Expected(Failure(std::move(text), std::move(problems))); }
    static Expected failure(Failure why) { return Expected(std::move(why)); }
    template<typename U>
    static Expected failure(const Expected<U> &other) { return Expected(other.whyFailed()); }

    bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    const QString &error() const noexcept { return m_failure.text(); }
    const FieldProblems &problems() const noexcept { return m_failure.problems(); }
    QString sentences() const { return m_failure.sentences(); }
    const Failure &whyFailed() const noexcept { return m_failure; }

private:
    explicit Expected(Failure failure) : m_failure(std::move(failure)), m_failed(true) {}

    Failure m_failure;
    bool m_failed = false;
};

} // namespace topup
