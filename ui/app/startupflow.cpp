#include "startupflow.h"

#include "datafolderbackup.h"
#include "dialogs/storeproblemdialog.h"
#include "text/formatter.h"

#include <QEventLoop>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>

#include <algorithm>
#include <optional>

namespace topup {

StartupFlow::StartupFlow(QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
{
}

std::unique_ptr<Service> StartupFlow::openService(const Service::Options &options, QDate today)
{
    Expected<std::unique_ptr<Service>> opened = Service::open(options);
    const bool onServer = options.location.onPostgres();
    const QString folder = onServer ? options.location.database()->toString() : Service::resolveDataDir(options.location.dataDir());
    int choice = StoreProblemDialog::TryAgain;
    // A cause that passes (a full disk, a lock) offers to try again, as
    // often as the user likes; nothing in the folder was changed.
    while (!opened && choice == StoreProblemDialog::TryAgain) {
        StoreProblemDialog dialog(folder, opened.sentences(), m_parent);
        // Never move a folder another running instance is using.
        // A world on a server is never moved aside from here.
        dialog.setStartFreshAllowed(!onServer && !Service::dataDirInUse(folder));
        dialog.setOnServer(onServer);
        dialog.setRetryOffered(Service::worthRetrying(options.location));
        choice = dialog.exec();
        if (choice == StoreProblemDialog::TryAgain)
            opened = Service::open(options);
    }
    if (opened)
        return opened.take();
    if (choice != StoreProblemDialog::StartFresh)
        return nullptr;
    const Expected<QString> moved = DataFolderBackup::moveAside(folder, today);
    if (!moved) {
        QMessageBox::critical(m_parent, tr("Cannot start fresh"), moved.sentences());
        return nullptr;
    }
    m_backup = *moved;
    opened = Service::open(options);
    if (!opened) {
        QMessageBox::critical(m_parent, tr("The data folder cannot be opened"), opened.sentences());
        return nullptr;
    }
    QMessageBox::information(m_parent, tr("Started fresh"),
                             tr("The old data is kept in %1. Nothing was deleted.").arg(m_backup));
    return opened.take();
}

Expected<CatchUpSummary> StartupFlow::catchUp(Service &service)
{
    QProgressDialog progress(m_parent);
    progress.setWindowTitle(tr("Catching up"));
    progress.setLabelText(tr("Bringing the simulated world up to now…"));
    progress.setCancelButton(nullptr);
    progress.setRange(0, 1000);
    progress.setMinimumDuration(400);
    progress.setAutoClose(false);
    progress.setValue(0);
    QEventLoop loop;
    std::optional<Expected<CatchUpSummary>> result;
    qint64 startMs = -1;
    const auto onProgress = connect(&service, &Service::catchUpProgress, &progress, [&](qint64 reached, qint64 target) {
        if (startMs < 0)
            startMs = reached;
        const qint64 span = std::max<qint64>(1, target - startMs);
        progress.setValue(int(std::clamp<qint64>((reached - startMs) * 1000 / span, 0, 999)));
    });
    const auto onFinished = connect(&service, &Service::catchUpFinished, &loop,
                                    [&](const CatchUpSummary &summary, const QString &error) {
                                        result = error.isEmpty() ? Expected<CatchUpSummary>(summary)
                                                                 : Expected<CatchUpSummary>::failure(error);
                                        loop.quit();
                                    });
    if (!service.startCatchUpToNow()) {
        disconnect(onProgress);
        disconnect(onFinished);
        return Expected<CatchUpSummary>::failure(tr("a catch-up is already running"));
    }
    if (!result)
        loop.exec();
    disconnect(onProgress);
    disconnect(onFinished);
    return *result;
}

QString StartupFlow::awaySummary(const CatchUpSummary &summary, const QString &currency, const QTimeZone &zone)
{
    if (summary.topUps == 0 && summary.failures == 0 && summary.blocked == 0)
        return {};
    QStringList parts;
    parts << tr("top-ups made: %1, %2 in all").arg(summary.topUps).arg(Formatter::money(summary.spend, currency));
    if (summary.failures > 0)
        parts << tr("failed: %1").arg(summary.failures);
    if (summary.blocked > 0)
        parts << tr("blocked by a budget: %1").arg(summary.blocked);
    return tr("From %1 to %2: %3.")
        .arg(Formatter::dateTime(summary.from, zone), Formatter::dateTime(summary.to, zone), parts.join(QStringLiteral("; ")));
}

QString StartupFlow::damageText(const QString &damage)
{
    return tr("<p><b>TopUp found damage in its data.</b></p><p>%1</p><p>Nothing more is saved to this file, so what it holds "
              "stays as it was; what you see may be incomplete.</p><p>Quit TopUp Dashboard and start it again: it will offer to "
              "move the data folder aside as a dated backup (nothing is deleted) and start fresh.</p>")
        .arg(damage.toHtmlEscaped());
}

void StartupFlow::watchIntegrity(Service &service)
{
    const auto show = [this](const QString &damage) {
        if (damage.isEmpty())
            return;
        auto *box = new QMessageBox(QMessageBox::Critical, tr("The data is damaged"), damageText(damage), QMessageBox::Ok, m_parent);
        box->setObjectName(QStringLiteral("integrityDamageBox"));
        box->setTextFormat(Qt::RichText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    };
    if (service.integrity() == Service::Integrity::Damaged)
        show(service.integrityProblem());
    connect(&service, &Service::integrityChecked, this, show);
}

} // namespace topup
