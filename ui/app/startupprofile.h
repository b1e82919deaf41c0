#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace topup {

// `--profile-startup`: the time from process start to the first paint of
// a widget, and the resident memory then, as one line
// ("first paint 212 ms, 96 MB resident").
class StartupProfile final : public QObject
{
    Q_OBJECT

public:
    // Watches `widget` for its first paint.
    explicit StartupProfile(QWidget *widget);

    bool painted() const noexcept { return m_painted; }
    // Milliseconds since the process started (from /proc; -1 if unknown).
    static qint64 msSinceProcessStart();
    // Resident set size in bytes (from /proc; -1 if unknown).
    static qint64 residentBytes();
    QString report() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_widget;
    bool m_painted = false;
    qint64 m_paintMs = -1;
    qint64 m_resident = -1;
};

} // namespace topup
