#pragma once

#include "fieldproblem.h"

#include <QString>

#include <optional>
#include <utility>

namespace topup {

template<typename T>
class Expected;

// Why something failed: the message for logs, dialogs and the command line,
// and the problems it is made of, each with the field it is about.
class Failure final
{
public:
    Failure() = default;
    // A message about the whole: one problem without a field.
    explicit Failure(QString text) : m_text(std::move(text)), m_problems{FieldProblem{QString(), m_text}} {}
    Failure(QString text, FieldProblems problems) : m_text(std::move(text)), m_problems(std::move(problems)) {}

    const QString &text() const noexcept { return m_text; }
    const FieldProblems &problems() const noexcept { return m_problems; }

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
    // Problems by field; `text` is the whole message (error()).
    static Expected failure(QString text, FieldProblems problems) { return Expected(Failure(std::move(text), std::move(problems))); }
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
    static Expected failure(QString text, FieldProblems problems) { return Expected(Failure(std::move(text), std::move(problems))); }
    template<typename U>
    static Expected failure(const Expected<U> &other) { return Expected(other.whyFailed()); }

    bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    const QString &error() const noexcept { return m_failure.text(); }
    const FieldProblems &problems() const noexcept { return m_failure.problems(); }
    const Failure &whyFailed() const noexcept { return m_failure; }

private:
    explicit Expected(Failure failure) : m_failure(std::move(failure)), m_failed(true) {}

    Failure m_failure;
    bool m_failed = false;
};

} // namespace topup
