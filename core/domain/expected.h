#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace topup {

// A value, or a message saying what is wrong with the input that should have
// produced it. Errors caused by a person or a file travel as values.
template<typename T>
class [[nodiscard]] Expected final
{
public:
    Expected(T value) : m_value(std::move(value)) {} // NOLINT: implicit by design
    static Expected failure(QString error) { return Expected(std::move(error), 0); }

    bool ok() const noexcept { return m_value.has_value(); }
    explicit operator bool() const noexcept { return ok(); }
    const T &value() const { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const QString &error() const noexcept { return m_error; }
    // Moves the value out (for move-only values such as unique_ptr).
    T take() { return std::move(*m_value); }

private:
    Expected(QString error, int) : m_error(std::move(error)) {}

    std::optional<T> m_value;
    QString m_error;
};

// Done, or a message saying why not: for work that has no value to give back.
// A default-constructed Expected<void> means done.
template<>
class [[nodiscard]] Expected<void> final
{
public:
    Expected() = default;
    static Expected success() { return {}; }
    static Expected failure(QString error) { return Expected(std::move(error)); }

    bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    const QString &error() const noexcept { return m_error; }

private:
    explicit Expected(QString error) : m_error(std::move(error)), m_failed(true) {}

    QString m_error;
    bool m_failed = false;
};

} // namespace topup
