// The dashboard of a fleet: first paint of the dashboard page — built,
// shown at the size it has beside the navigation of a 1280×800 window, its
// first paint processed — on generated worlds of one account with N lines
// and a year of history (tests/bench/fleetworld: 20, 200 and 2 000 lines by
// default), offscreen. In the same run, the service's queries the page
// makes, each alone: the outlook (every line's summary), the chart's 30
// days of usage, the latest alerts, and the methods' and packages' names.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_dashboard [--cards] [--png DIR] [runs] [lines...]   (default 5 runs; 20 200 2000)
//
// Up to DashboardPage::MostLinesAsCards lines the page shows a card per
// line; past that, a table of the lines and the selected line's card.
// --cards: a card per line whatever the number, as before the table.
// --png DIR: the first paint of each size as DIR/dashboard-<lines>.png, to look at.
#include "fleetworld.h"
#include "benchmeasure.h"

#include "app/appsettings.h"
#include "pages/dashboardpage.h"
#include "service/service.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <vector>

using namespace topup;
using topup::bench::timedMs;

namespace {

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    const bool cardsAlways = arguments.removeAll(QStringLiteral("--cards")) > 0;
    QString pngDir;
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--png")); at >= 0 && at + 1 < arguments.size()) {
        pngDir = arguments.at(at + 1);
        arguments.remove(at, 2);
    }
    const int runs = !arguments.isEmpty() ? std::max(1, arguments.takeFirst().toInt()) : 5;
    std::vector<int> sizes;
    for (const QString &argument : arguments)
        sizes.push_back(std::max(1, argument.toInt()));
    if (sizes.empty())
        sizes = {20, 200, 2000};
    const Instant now = *Instant::parse(u"2028-03-15T10:00:00Z");
    QTemporaryDir settingsDir;
    AppSettings settings(settingsDir.filePath(QStringLiteral("settings.ini")));

    for (const int lineCount : sizes) {
        const std::unique_ptr<bench::Fleet> fleet = bench::openFleet("bench_dashboard", now, lineCount, 90000000);
        if (!fleet)
            return 1;
        Service &service = *fleet->service;
        std::vector<double> paintMs, outlookMs, usageMs, alertsMs, namesMs;
        bool table = false;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            {
                DashboardPage page(service, settings);
                if (cardsAlways)
                    page.setMostLinesAsCards(std::numeric_limits<int>::max());
                page.resize(1060, 760); // beside the navigation in a 1280×800 window
                page.show();
                QCoreApplication::processEvents();
                const QPixmap painted = page.grab();
                paintMs.push_back(double(timer.nsecsElapsed()) / 1e6);
                table = page.showsTable();
                if (run == 0 && !pngDir.isEmpty())
                    painted.save(QDir(pngDir).filePath(QStringLiteral("dashboard-%1.png").arg(lineCount)), "PNG");
            }
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            outlookMs.push_back(timedMs([&] { return bool(service.outlook()); }));
            usageMs.push_back(timedMs([&] { return bool(service.dailyUsage(0, 31)); }));
            alertsMs.push_back(timedMs([&] { return bool(service.alerts(false, 5)); }));
            namesMs.push_back(timedMs([&] { return service.methods() && service.packages(); }));
        }
        for (const std::vector<double> *each : {&paintMs, &outlookMs, &usageMs, &alertsMs, &namesMs}) {
            if (std::find(each->begin(), each->end(), -1.0) != each->end()) {
                std::fprintf(stderr, "bench_dashboard: a query of the service failed\n");
                return 1;
            }
        }
        std::printf("%d lines (%s): first paint min %.0f ms, median %.0f ms; of which the service's queries alone (median): "
                    "outlook %.0f ms, 30 days of usage %.1f ms, alerts %.1f ms, names %.1f ms (%d runs)\n",
                    lineCount, table ? "table" : "cards", *std::min_element(paintMs.begin(), paintMs.end()), bench::median(paintMs),
                    bench::median(outlookMs), bench::median(usageMs), bench::median(alertsMs), bench::median(namesMs), runs);
        std::fflush(stdout);
    }
    return 0;
}
