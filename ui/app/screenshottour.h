#pragma once

#include "domain/expected.h"
#include "domain/instant.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace topup {

class AppSettings;
class MainWindow;
class Service;

// The review interface: builds the demo world in a fresh temporary folder
// (never a real world: it drains lines and tops them up), walks the user's
// journey in a 1280×800 window and writes one PNG per screen, then a new
// account's first steps (sign-up, the empty dashboard, buying a line). No
// wall clock (the service's clock is --now), no
// animation, one font: the same arguments give the same bytes.
class ScreenshotTour final
{
    Q_DECLARE_TR_FUNCTIONS(topup::ScreenshotTour)

public:
    static constexpr int width = 1280;
    static constexpr int height = 800;
    static constexpr const char *defaultNow = "2027-03-15T10:00:00Z";

    ScreenshotTour(AppSettings &settings, QString outputDir, Instant now);

    // The files written, in order; an error names the step that failed.
    [[nodiscard]] Expected<QStringList> run();
    static QStringList fileNames();

private:
    Expected<void> save(QWidget &window, const QString &name, QWidget *overlay = nullptr);
    // Signs out of the demo and walks a new account's first steps.
    Expected<void> newAccount(MainWindow &window, Service &service);
    Expected<void> fleetDashboard(MainWindow &window, Service &service);

    AppSettings &m_settings;
    QString m_outputDir;
    Instant m_now;
    QStringList m_written;
};

} // namespace topup
