#pragma once

#include <QIODevice>

namespace topup {

// Standard input as a device to read to its end, whatever the program was
// given: a non-blocking descriptor (a parent that set O_NONBLOCK on a pipe
// or terminal it shares with us) that has nothing yet is waited on rather
// than taken for a failure ("Resource temporarily unavailable"), and an
// interrupted read is read again. The descriptor's flags are left as they
// are: they belong to whoever shares it.
class StandardInput final : public QIODevice
{
    Q_OBJECT

public:
    explicit StandardInput(QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    // A read failed: errorString() says why.
    bool failed() const noexcept { return m_failed; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    bool m_failed = false;
};

} // namespace topup
