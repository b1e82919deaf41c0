#include "addlinedialog.h"

#include "app/appsettings.h"
#include "text/wording.h"
#include "domain/linename.h"
#include "text/formatter.h"
#include "forms/paymentchoices.h"
#include "service/service.h"
#include "widgets/errorlabel.h"

#include <QCollator>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace topup {
namespace {

QLabel *hint(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

AddLineDialog::AddLineDialog(Service &service, DataUnits units, QWidget *parent)
    : QDialog(parent), m_service(service), m_intro(new QLabel(this)), m_regionLabel(new QLabel(this)),
      m_region(new QComboBox(this)), m_nameLabel(new QLabel(this)), m_name(new QLineEdit(this)),
      m_nameError(new ErrorLabel(QStringLiteral("lineNameError"), this)), m_packageLabel(new QLabel(this)),
      m_package(new QComboBox(this)), m_profileLabel(new QLabel(this)), m_profile(new QComboBox(this)), m_profileHint(hint(this)),
      m_methodLabel(new QLabel(this)), m_method(new QComboBox(this)), m_methodError(new ErrorLabel(QStringLiteral("methodError"), this)),
      m_summary(hint(this)), m_serviceError(new ErrorLabel(QStringLiteral("purchaseError"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)), m_units(units)
{
    setObjectName(QStringLiteral("addLineDialog"));
    m_region->setObjectName(QStringLiteral("region"));
    m_name->setObjectName(QStringLiteral("lineName"));
    m_package->setObjectName(QStringLiteral("firstPackage"));
    m_profile->setObjectName(QStringLiteral("usageProfile"));
    m_method->setObjectName(QStringLiteral("payWith"));
    m_summary->setObjectName(QStringLiteral("purchaseSummary"));
    m_profileHint->setObjectName(QStringLiteral("usageProfileHint"));
    m_intro->setWordWrap(true);
    for (UsageProfile profile : {UsageProfile::Light, UsageProfile::Regular, UsageProfile::Heavy, UsageProfile::Traveller})
        m_profile->addItem(QString(), int(profile));
    m_profile->setCurrentIndex(1);

    auto *grid = new QGridLayout;
    int row = 0;
    const auto addField = [&](QLabel *label, QWidget *field, QWidget *below = nullptr) {
        label->setBuddy(field);
        grid->addWidget(label, row, 0, Qt::AlignLeft | Qt::AlignVCenter);
        grid->addWidget(field, row++, 1);
        if (below)
            grid->addWidget(below, row++, 1);
    };
    addField(m_regionLabel, m_region);
    addField(m_nameLabel, m_name, m_nameError);
    addField(m_packageLabel, m_package);
    addField(m_profileLabel, m_profile, m_profileHint);
    addField(m_methodLabel, m_method, m_methodError);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addSpacing(6);
    layout->addLayout(grid);
    layout->addSpacing(6);
    layout->addWidget(m_summary);
    layout->addWidget(m_serviceError);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setTabOrder(m_region, m_name);
    setTabOrder(m_name, m_package);
    setTabOrder(m_package, m_profile);
    setTabOrder(m_profile, m_method);
    setTabOrder(m_method, m_buttons);

    connect(m_region, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        fillPackages();
        validate();
    });
    connect(m_name, &QLineEdit::textChanged, this, &AddLineDialog::validate);
    connect(m_package, qOverload<int>(&QComboBox::currentIndexChanged), this, &AddLineDialog::validate);
    connect(m_method, qOverload<int>(&QComboBox::currentIndexChanged), this, &AddLineDialog::validate);
    connect(m_profile, qOverload<int>(&QComboBox::currentIndexChanged), this, &AddLineDialog::describeProfile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddLineDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddLineDialog::reject);
    setMinimumWidth(560);
    retranslateUi();
}

void AddLineDialog::retranslateUi()
{
    setWindowTitle(tr("Add an eSIM line"));
    m_intro->setText(tr("Buy a line from the carrier as you would a travel eSIM: choose where it is used and its first "
                        "package. The package is charged now, like a top-up, and the line starts with it."));
    m_regionLabel->setText(tr("&Where it is used:"));
    m_nameLabel->setText(tr("&Name:"));
    m_packageLabel->setText(tr("First &package:"));
    m_profileLabel->setText(tr("&How it is used:"));
    m_methodLabel->setText(tr("Pay &with:"));
    m_name->setPlaceholderText(tr("e.g. Japan trip"));
    m_region->setAccessibleName(tr("Country or region where the line is used"));
    m_name->setAccessibleName(tr("Name of the line"));
    m_package->setAccessibleName(tr("First package"));
    m_profile->setAccessibleName(tr("How the line is used"));
    m_method->setAccessibleName(tr("Payment method for the purchase"));
    m_profile->setItemText(0, tr("Lightly: messages, maps, a short call"));
    m_profile->setItemText(1, tr("Every day: music, social media, some calls"));
    m_profile->setItemText(2, tr("A lot: video streaming most evenings"));
    m_profile->setItemText(3, tr("Travelling: maps and photos by day, hotel Wi-Fi at night"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    fillRegions();
    fillMethods();
    describeProfile();
    validate();
}

void AddLineDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AddLineDialog::fillRegions()
{
    const QString chosen = m_region->currentData().toString();
    const Expected<std::vector<RegionOffer>> regions = m_service.regions();
    m_regions = regions ? *regions : std::vector<RegionOffer>();
    // Regions first as the carrier lists them, then countries by name in the language shown.
    QCollator collator;
    std::stable_sort(m_regions.begin(), m_regions.end(), [&](const RegionOffer &a, const RegionOffer &b) {
        const bool aCountry = a.kind == RegionKind::Country;
        const bool bCountry = b.kind == RegionKind::Country;
        if (aCountry != bCountry)
            return bCountry;
        return aCountry && collator.compare(RegionOffer::displayName(a.name), RegionOffer::displayName(b.name)) < 0;
    });
    const QSignalBlocker quiet(m_region);
    m_region->clear();
    for (const RegionOffer &region : m_regions)
        m_region->addItem(RegionOffer::displayName(region.name), region.code);
    m_region->setCurrentIndex(std::max(0, m_region->findData(chosen)));
    m_catalogProblem = regions ? QString() : regions.sentences();
    fillPackages();
}

void AddLineDialog::fillPackages()
{
    const QString chosen = m_package->currentData().toString();
    const QString currency = Formatter::currencyOf(m_service);
    const QSignalBlocker quiet(m_package);
    m_package->clear();
    if (const RegionOffer *offers = region()) {
        for (const PackageOffer &offer : offers->packages) {
            //: A package and its price, e.g. "5 GB data — 15.00 EUR"
            m_package->addItem(tr("%1 — %2").arg(Formatter::packageName(offer.name, m_units), Formatter::money(offer.price, currency)),
                               offer.code);
        }
    }
    m_package->setCurrentIndex(std::max(0, m_package->findData(chosen)));
}

void AddLineDialog::fillMethods()
{
    const QVariant chosen = m_method->currentData();
    const QSignalBlocker quiet(m_method);
    m_method->clear();
    int preferred = 0;
    for (const MethodRecord &method : PaymentChoices::usable(m_service)) {
        if (method.isDefault)
            preferred = m_method->count();
        m_method->addItem(method.label(), method.id);
    }
    const int kept = chosen.isValid() ? m_method->findData(chosen) : -1;
    m_method->setCurrentIndex(kept >= 0 ? kept : preferred);
    m_method->setEnabled(m_method->count() > 0);
}

void AddLineDialog::describeProfile()
{
    const UsageProfile profile = UsageProfile(m_profile->currentData().toInt());
    m_profileHint->setText(tr("About %1 of data and %2 of calls on an average day, in the simulation.")
                               .arg(Formatter::data(Service::averageDailyData(profile).bytes(), m_units),
                                    Formatter::voice(Service::averageDailyVoice(profile).seconds())));
}

void AddLineDialog::chooseRegion(const QString &code)
{
    m_region->setCurrentIndex(std::max(0, m_region->findData(code)));
}

const RegionOffer *AddLineDialog::region() const
{
    const QString code = m_region->currentData().toString();
    for (const RegionOffer &each : m_regions) {
        if (each.code == code)
            return &each;
    }
    return nullptr;
}

const PackageOffer *AddLineDialog::package() const
{
    const RegionOffer *offers = region();
    if (!offers)
        return nullptr;
    const QString code = m_package->currentData().toString();
    for (const PackageOffer &each : offers->packages) {
        if (each.code == code)
            return &each;
    }
    return nullptr;
}

void AddLineDialog::validate()
{
    // An untouched name says nothing yet; Buy stays off until the form is
    // whole. A change clears what the last Buy was told.
    m_serviceError->setError(m_catalogProblem);
    const std::optional<Failure> nameProblem = LineName::problem(m_name->text());
    m_nameError->setError(m_name->text().isEmpty() || !nameProblem ? QString() : nameProblem->sentences());
    m_methodError->setError(m_method->count() == 0 ? tr("Add a card or a PayPal wallet under Payment methods first; "
                                                        "expired cards are not offered.")
                                                   : QString());
    const PackageOffer *offer = package();
    const QString price = offer ? Formatter::money(offer->price, Formatter::currencyOf(m_service)) : QString();
    m_summary->setText(offer && m_method->count() > 0
                           ? tr("%1 is charged now to %2. Top-ups of this line buy %3's packages.")
                                 .arg(price, m_method->currentText(), m_region->currentText())
                           : QString());
    QPushButton *buy = m_buttons->button(QDialogButtonBox::Ok);
    buy->setText(offer ? tr("&Buy for %1").arg(price) : tr("&Buy"));
    buy->setEnabled(!nameProblem && offer && m_method->count() > 0);
}

void AddLineDialog::accept()
{
    validate();
    const PackageOffer *offer = package();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled() || !offer)
        return;
    LinePurchaseForm form;
    form.name = m_name->text();
    form.region = m_region->currentData().toString();
    form.package = offer->code;
    form.methodId = m_method->currentData().toLongLong();
    form.profile = UsageProfile(m_profile->currentData().toInt());
    const Expected<LinePurchaseResult> bought = m_service.buyLine(form);
    if (!bought) {
        m_serviceError->setError(bought.sentences());
        return;
    }
    if (bought->refusal) {
        m_serviceError->setError(tr("%1 refused the payment: %2. No line was bought and nothing was charged.")
                                     .arg(bought->methodLabel, Wording::reason(*bought->refusal)));
        return;
    }
    emit lineBought(bought->line->id);
    QDialog::accept();
}

} // namespace topup
