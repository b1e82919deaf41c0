// Reading a large scenario (issue 8, "Reading scenarios"): ScenarioReader::read
// with every check against a bare QJsonDocument::fromJson of the same bytes,
// in turns in one run, min and median of each and their ratio. Not a test:
// scripts/test builds it, a person runs it.
//
//   build/tests/bench/bench_reader               # 15 runs of each
//   build/tests/bench/bench_reader --runs 30
//   build/tests/bench/bench_reader --write reader.json   # just write the file
//   /usr/bin/time -v build/app/topup-sim run reader.json >/dev/null   # peak memory
#include "scenario/jsonscan.h"
#include "scenario/scenarioreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace topup;

namespace {

// 10 lines over 60 days, 52 000 explicit `use` events in time order, plus a
// few top-ups, policy changes, deposits and injected failures. Valid.
QByteArray readerScenario()
{
    constexpr int lines = 10;
    constexpr int uses = 52'000;
    constexpr qint64 start = 1'806'537'600; // 2027-04-01T00:00:00Z
    constexpr qint64 span = qint64(60) * 86'400;
    QByteArray out;
    out.reserve(5 << 20);
    out += "{\n  \"format\": \"topup-scenario/1\",\n  \"timezone\": \"Europe/Berlin\",\n  \"currency\": \"EUR\",\n"
           "  \"start\": \"2027-04-01T00:00:00Z\",\n  \"end\": \"2027-05-31T00:00:00Z\",\n"
           "  \"packages\": [\n    {\"id\": \"1GB\", \"data\": \"1GB\", \"price\": \"5.00\"},\n"
           "    {\"id\": \"voice\", \"voice\": \"60min\", \"price\": \"3.00\"}\n  ],\n"
           "  \"methods\": [\n    {\"id\": \"card\", \"kind\": \"credit_card\", \"funds\": \"5000.00\", \"expires\": \"2031-06\"},\n"
           "    {\"id\": \"wallet\", \"kind\": \"paypal\", \"funds\": \"100.00\"}\n  ],\n  \"lines\": [\n";
    for (int l = 0; l < lines; ++l) {
        out += QStringLiteral("    {\"id\": \"line%1\", \"data\": \"2GB\", \"voice\": \"30min\", \"policy\": {\"enabled\": true, "
                              "\"threshold\": {\"resource\": \"data\", \"below\": \"500MB\", \"package\": \"1GB\"}, "
                              "\"method\": \"card\", \"fallback\": \"wallet\"}}%2\n")
                   .arg(l, 2, 10, QLatin1Char('0'))
                   .arg(l + 1 < lines ? QStringLiteral(",") : QString())
                   .toUtf8();
    }
    out += "  ],\n  \"events\": [\n";
    const auto at = [&](qint64 seconds) {
        return QDateTime::fromSecsSinceEpoch(start + seconds, QTimeZone::utc()).toString(Qt::ISODate).toUtf8();
    };
    for (int i = 0; i < uses; ++i) {
        const qint64 t = span * i / uses + 1;
        const int line = i % lines;
        if (i % 5'000 == 2'500) { // a few of each other kind
            out += "    {\"at\": \"" + at(t) + "\", \"line\": \"line0" + QByteArray::number(line)
                   + "\", \"topup\": {\"package\": \"1GB\", \"method\": \"card\"}},\n";
            out += "    {\"at\": \"" + at(t) + "\", \"method\": \"wallet\", \"deposit\": \"10.00\"},\n";
            out += "    {\"at\": \"" + at(t) + "\", \"method\": \"card\", \"fail_next\": [\"declined\"]},\n";
            out += "    {\"at\": \"" + at(t) + "\", \"line\": \"line0" + QByteArray::number(line)
                   + "\", \"policy\": {\"enabled\": true, \"monthly\": {\"day\": 15, \"package\": \"voice\"}, \"method\": \"card\"}},\n";
        }
        out += "    {\"at\": \"" + at(t) + "\", \"line\": \"line0" + QByteArray::number(line) + "\", \"use\": {\"data\": \""
               + QByteArray::number(1 + i % 37) + "MB\"" + (i % 3 == 0 ? ", \"voice\": \"2min\"" : "") + "}}"
               + (i + 1 < uses ? ",\n" : "\n");
    }
    out += "  ]\n}\n";
    return out;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QByteArray json = readerScenario();
    if (args.size() == 3 && args[1] == QLatin1String("--write")) {
        QFile out(args[2]);
        if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(args[2]));
            return 1;
        }
        return 0;
    }
    int runs = 15;
    if (args.size() == 3 && args[1] == QLatin1String("--runs"))
        runs = std::max(1, args[2].toInt());

    // Check once that the file is what it claims to be before timing it.
    const ScenarioReader::Result check = ScenarioReader::read(json);
    if (!check.world) {
        for (const Problem &problem : check.problems)
            std::fprintf(stderr, "%s: %s\n", qPrintable(problem.path), qPrintable(problem.message));
        return 1;
    }
    std::printf("scenario: %.2f MB, %zu events, %zu lines\n", double(json.size()) / 1e6, check.world->events.size(),
                check.world->lines.size());

    std::vector<double> bare;
    std::vector<double> full;
    std::vector<double> scans;
    qint64 sink = 0;
    for (int run = 0; run < runs; ++run) { // in turns, so both see the same load
        QElapsedTimer timer;
        timer.start();
        const QJsonDocument document = QJsonDocument::fromJson(json);
        bare.push_back(double(timer.nsecsElapsed()) / 1e6);
        sink += document.isObject() ? 1 : 0;

        timer.start();
        const ScenarioReader::Result result = ScenarioReader::read(json);
        full.push_back(double(timer.nsecsElapsed()) / 1e6);
        sink += result.world ? qint64(result.world->events.size()) : 0;

        timer.start();
        const JsonScan::Result scan = JsonScan::scan(json);
        scans.push_back(double(timer.nsecsElapsed()) / 1e6);
        sink += qint64(scan.events.size());
    }
    const double bareMin = *std::min_element(bare.begin(), bare.end());
    const double fullMin = *std::min_element(full.begin(), full.end());
    std::printf("%d runs each, in turns\n", runs);
    std::printf("QJsonDocument::fromJson (bare)   min %8.1f ms   median %8.1f ms\n", bareMin, median(bare));
    std::printf("ScenarioReader::read (checked)   min %8.1f ms   median %8.1f ms\n", fullMin, median(full));
    std::printf("  of which the one-pass check     min %8.1f ms   median %8.1f ms   (JsonScan::scan)\n",
                *std::min_element(scans.begin(), scans.end()), median(scans));
    std::printf("fromJson / read: %.2fx (min), %.2fx (median)   [target >= 3x]\n", bareMin / fullMin, median(bare) / median(full));
    return sink > 0 ? 0 : 1;
}
