#include "rulechoices.h"

#include "forms/paymentchoices.h"
#include "service/service.h"
#include "text/amountunits.h"
#include "text/formatter.h"

#include <QComboBox>
#include <QSignalBlocker>

#include <algorithm>

namespace topup {

RuleChoices::RuleChoices(const Boxes &boxes)
    : m_boxes(boxes)
{
}

void RuleChoices::fillUnits(const QString &wanted)
{
    QComboBox *box = m_boxes.unit;
    const QString unit = wanted.isEmpty() ? box->currentData().toString() : wanted;
    const QSignalBlocker quiet(box);
    const Resource resource = Resource(m_boxes.resource->currentData().toInt());
    QStringList units = AmountUnits::choices(resource, m_units);
    const bool sameResource = AmountUnits::choices(resource, DataUnits::Decimal).contains(unit)
                              || AmountUnits::choices(resource, DataUnits::Binary).contains(unit) || unit == QLatin1String("KiB");
    // A unit typed or stored that the chosen family lacks stays offered:
    // the form never changes an amount behind the user's back.
    if (sameResource && !units.contains(unit))
        units.prepend(unit);
    box->clear();
    for (const QString &each : units)
        box->addItem(AmountUnits::unitName(each), each);
    const int index = box->findData(unit);
    box->setCurrentIndex(index >= 0 ? index : box->findData(resource == Resource::Data ? units.constLast() : QStringLiteral("min")));
}

void RuleChoices::fill(Service &service, qint64 lineId, const std::optional<Policy> &saved)
{
    const QSignalBlocker quietThreshold(m_boxes.thresholdPackage);
    const QSignalBlocker quietMonthly(m_boxes.monthlyPackage);
    const QSignalBlocker quietMethod(m_boxes.method);
    const QSignalBlocker quietFallback(m_boxes.fallback);
    const QString currency = Formatter::currencyOf(service);
    m_methodChoices = PaymentChoices::forRules(service, saved);
    const QString thresholdPackage = m_boxes.thresholdPackage->currentData().toString();
    const QString monthlyPackage = m_boxes.monthlyPackage->currentData().toString();
    const QString method = m_boxes.method->currentData().toString();
    const QString fallback = m_boxes.fallback->currentData().toString();
    for (QComboBox *box : {m_boxes.thresholdPackage, m_boxes.monthlyPackage, m_boxes.method, m_boxes.fallback})
        box->clear();
    m_packageNames.clear();
    m_packages.clear();
    m_methodLabels.clear();
    // The line's own region's packages: all its top-ups may buy.
    if (const Expected<std::vector<PackageRecord>> packages =
            lineId ? service.packages(lineId) : Expected<std::vector<PackageRecord>>(std::vector<PackageRecord>())) {
        for (const PackageRecord &record : *packages) {
            const QString name = Formatter::packageName(record.name, m_units);
            //: A package and its price, e.g. "5 GB data — 15.00 EUR"
            const QString text = tr("%1 — %2").arg(name, Formatter::money(record.package.price, currency));
            m_boxes.thresholdPackage->addItem(text, record.package.id);
            m_boxes.monthlyPackage->addItem(text, record.package.id);
            m_packages.insert(record.package.id, record.package);
        }
    }
    // Names of every package of the account: saved rules may still buy one
    // the line's region no longer offers (the preview and the advisor show it).
    if (const Expected<std::vector<PackageRecord>> packages = service.packages()) {
        for (const PackageRecord &record : *packages)
            m_packageNames.insert(record.package.id, Formatter::packageName(record.name, m_units));
    }
    m_boxes.method->addItem(tr("Choose a method"), QString());
    m_boxes.fallback->addItem(tr("No fallback"), QString());
    for (const auto &[id, label] : m_methodChoices) {
        m_boxes.method->addItem(label, id);
        m_boxes.fallback->addItem(label, id);
        m_methodLabels.insert(id, label);
    }
    const auto select = [](QComboBox *box, const QString &id) { box->setCurrentIndex(std::max(0, box->findData(id))); };
    selectPackage(m_boxes.thresholdPackage, thresholdPackage);
    selectPackage(m_boxes.monthlyPackage, monthlyPackage);
    select(m_boxes.method, method);
    select(m_boxes.fallback, fallback);
}

void RuleChoices::selectPackage(QComboBox *box, const QString &id)
{
    // Saved rules may buy a package the line's region no longer offers: it
    // is shown as such (the form says so under the box), never replaced
    // by the first package offered, which the engine would not buy.
    int index = box->findData(id);
    if (index < 0 && !id.isEmpty()) {
        //: A package the saved rules buy that the line's region no longer sells, e.g. "5 GB data — no longer offered"
        box->addItem(tr("%1 — no longer offered").arg(m_packageNames.value(id, id)), id);
        index = box->count() - 1;
    }
    box->setCurrentIndex(std::max(0, index));
}

} // namespace topup
