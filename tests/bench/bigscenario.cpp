#include "bigscenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace topup::bench {

QByteArray bigScenario(int lineCount)
{
    static const char *const profiles[] = {"light", "regular", "heavy", "traveller"};
    QJsonArray packages{
        QJsonObject{{"id", "1GB"}, {"data", "1GB"}, {"voice", "30min"}, {"price", "4.50"}},
        QJsonObject{{"id", "5GB"}, {"data", "5GB"}, {"voice", "100min"}, {"price", "15.00"}},
        QJsonObject{{"id", "20GB"}, {"data", "20GB"}, {"voice", "300min"}, {"price", "40.00"}},
    };
    QJsonArray methods{
        QJsonObject{{"id", "visa"}, {"kind", "credit_card"}, {"funds", "250000.00"}, {"expires", "2029-12"}},
        QJsonObject{{"id", "debit"}, {"kind", "debit_card"}, {"funds", "300.00"}, {"expires", "2027-06"}},
        QJsonObject{{"id", "wallet"}, {"kind", "paypal"}, {"funds", "100000.00"}},
    };
    QJsonArray lines;
    QJsonArray generate;
    for (int i = 0; i < lineCount; ++i) {
        const QString id = QStringLiteral("line%1").arg(i, 2, 10, QLatin1Char('0'));
        QJsonObject policy{{"method", i % 5 == 0 ? "debit" : "visa"}, {"fallback", "wallet"}};
        if (i % 4 != 3 || i % 3 != 0)
            policy.insert("threshold", QJsonObject{{"resource", "data"}, {"below", "1GB"}, {"package", i % 2 ? "5GB" : "20GB"}});
        if (i % 3 == 0)
            policy.insert("monthly", QJsonObject{{"day", 1 + i % 31}, {"time", "08:30"}, {"package", "1GB"}});
        if (i % 7 == 0)
            policy.insert("monthly_cap", "120.00");
        if (i % 11 == 0)
            policy.insert("max_per_month", 6);
        lines.append(QJsonObject{{"id", id}, {"data", "3GB"}, {"voice", "60min"}, {"policy", policy}});
        generate.append(QJsonObject{{"line", id}, {"profile", profiles[i % 4]}, {"seed", 1000 + i}, {"every", "5min"}});
    }
    QJsonArray events{
        QJsonObject{{"at", "2027-02-10T00:00:00Z"}, {"method", "visa"}, {"fail_next", QJsonArray{"declined", "gateway_error", "declined"}}},
        QJsonObject{{"at", "2027-05-01T00:00:00Z"}, {"method", "wallet"}, {"fail_next", QJsonArray{"gateway_error", "gateway_error"}}},
        QJsonObject{{"at", "2027-08-15T12:00:00Z"}, {"method", "debit"}, {"deposit", "500.00"}},
    };
    const QJsonObject scenario{
        {"format", "topup-scenario/1"}, {"timezone", "Europe/Berlin"}, {"currency", "EUR"},
        {"start", "2027-01-01T00:00:00Z"}, {"end", "2027-12-31T23:59:59Z"},
        {"account", QJsonObject{{"monthly_cap", "20000.00"}}},
        {"packages", packages}, {"methods", methods}, {"lines", lines}, {"events", events}, {"generate", generate},
    };
    return QJsonDocument(scenario).toJson(QJsonDocument::Indented);
}

} // namespace topup::bench
