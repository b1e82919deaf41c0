// The child of tst_demoatomic: builds the demo world with DemoWorld::build,
// printing "at STEP" for each step it reaches; at the step named on its
// command line it stops and waits (reading standard input) to be killed.
//   demobuilder DATA_DIR NOW STOP_AT
#include "service/demoworld.h"

#include <QCoreApplication>

#include <cstdio>

using namespace topup;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 4) {
        std::fprintf(stderr, "usage: demobuilder DATA_DIR NOW STOP_AT\n");
        return 64;
    }
    const Expected<Instant> now = Instant::parse(arguments[2]);
    if (!now) {
        std::fprintf(stderr, "%s\n", qPrintable(now.error()));
        return 64;
    }
    Service::Options options;
    options.location = WorldLocation::folder(arguments[1]);
    options.fixedNow = *now;
    options.passwordIterations = 1000;
    const QString stopAt = arguments[3];
    const Expected<void> built = DemoWorld::build(options, 1, [&](const QString &step) {
        std::printf("at %s\n", qPrintable(step));
        std::fflush(stdout);
        if (step == stopAt) {
            int c = 0;
            while ((c = std::getchar()) != EOF) {
            } // until killed (or the parent closes the pipe)
        }
    });
    if (!built) {
        std::fprintf(stderr, "%s\n", qPrintable(built.error()));
        return 1;
    }
    std::printf("done\n");
    return 0;
}
