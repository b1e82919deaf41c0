#pragma once

#include "service/service.h"

#include <QDate>
#include <QObject>

#include <functional>
#include <memory>

class QWidget;

namespace topup {

// Start-up: opens the data folder (a store that cannot be opened gets the
// StoreProblemDialog: Quit, or Start fresh with the folder moved aside, or
// Try again when the cause passes: a full disk, a lock held elsewhere),
// then catches up to now off the GUI thread with a progress dialog and
// shows "While you were away" when anything happened.
class StartupFlow final : public QObject
{
    Q_OBJECT

public:
    explicit StartupFlow(QWidget *parent = nullptr);

    // Null when the user chose Quit (or moving the folder aside failed: said in a dialog).
    std::unique_ptr<Service> openService(const Service::Options &options, QDate today);
    // The folder moved aside by "Start fresh", if it happened.
    const QString &backupFolder() const noexcept { return m_backup; }

    // Runs startCatchUp(now) and waits for it with a local event loop;
    // the window stays responsive. Returns the summary, or the error.
    Expected<CatchUpSummary> catchUp(Service &service);
    // "While you were away": the summary in words, empty when nothing happened.
    static QString awaySummary(const CatchUpSummary &summary, const QString &currency, const QTimeZone &zone);
    // Tells the user, in a message box that does not block, when the
    // service's background check finds damage (now or later): what and
    // where, that nothing more is saved, and how to start fresh.
    void watchIntegrity(Service &service);
    static QString damageText(const QString &damage);

private:
    QWidget *m_parent;
    QString m_backup;
};

} // namespace topup
