#include "policyeditor.h"

#include "text/formatter.h"
#include "text/amountunits.h"
#include "forms/paymentchoices.h"
#include "dialogs/rulesadvisordialog.h"
#include "forms/policyformreader.h"
#include "forms/policyproblems.h"
#include "forms/rulechoices.h"
#include "service/service.h"
#include "widgets/errorlabel.h"
#include "widgets/fieldmessages.h"
#include "widgets/policypreviewpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimeEdit>
#include <QTimer>
#include <QVBoxLayout>


namespace topup {
namespace {

constexpr qint64 gigabyte = 1000 * 1000 * 1000;
constexpr qint64 gibibyte = 1024LL * 1024 * 1024;

QLabel *small(QLabel *label)
{
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PolicyEditor::PolicyEditor(Service &service, QWidget *parent)
    : QWidget(parent), m_service(service), m_previewTimer(new QTimer(this))
{
    build();
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(previewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &PolicyEditor::refreshPreview);
    const auto followMethods = [this] {
        if (PaymentChoices::forRules(m_service, storedPolicy()) == m_choices->methodChoices())
            return;
        const QString before = snapshot();
        const bool dirty = isDirty();
        fillChoices();
        if (!dirty && before != snapshot())
            m_saved = snapshot();
        edited();
    };
    connect(&m_service, &Service::methodAdded, this, followMethods);
    connect(&m_service, &Service::methodRemoved, this, followMethods);
    connect(&m_service, &Service::methodsChanged, this, followMethods);
    connect(&m_service, &Service::worldAdvanced, this, followMethods); // a card expires
    // A moving clock (playing: every 200 ms) must not put the preview off as
    // an edit does: it refreshes at most every pause while the world moves.
    // The preview follows whatever its run reads: the lines (an account cap
    // ties them), the methods' funds, the clock.
    const auto previewSoon = [this] {
        if (!m_previewTimer->isActive())
            m_previewTimer->start();
    };
    connect(&m_service, &Service::worldAdvanced, this, previewSoon);
    connect(&m_service, &Service::methodsChanged, this, previewSoon);
    connect(&m_service, &Service::linesChanged, this, [this, previewSoon](const QList<qint64> &lineIds) {
        if (lineIds.contains(m_lineId))
            followStoredPolicy();
        previewSoon();
    });
    retranslateUi();
}

void PolicyEditor::build()
{
    m_enabled = new QCheckBox(this);
    m_enabled->setObjectName(QStringLiteral("enabled"));

    m_thresholdGroup = new QGroupBox(this);
    m_thresholdGroup->setObjectName(QStringLiteral("threshold"));
    m_thresholdGroup->setCheckable(true);
    m_resourceLabel = new QLabel(m_thresholdGroup);
    m_resource = new QComboBox(m_thresholdGroup);
    m_resource->setObjectName(QStringLiteral("thresholdResource"));
    m_resource->addItem(QString(), int(Resource::Data));
    m_resource->addItem(QString(), int(Resource::Voice));
    m_belowLabel = new QLabel(m_thresholdGroup);
    m_below = new QLineEdit(m_thresholdGroup);
    m_below->setObjectName(QStringLiteral("thresholdAmount"));
    m_unit = new QComboBox(m_thresholdGroup);
    m_unit->setObjectName(QStringLiteral("thresholdUnit"));
    m_thresholdPackageLabel = new QLabel(m_thresholdGroup);
    m_thresholdPackage = new QComboBox(m_thresholdGroup);
    m_thresholdPackage->setObjectName(QStringLiteral("thresholdPackage"));
    m_belowError = new ErrorLabel(QStringLiteral("thresholdAmountError"), m_thresholdGroup);
    m_belowWarning = new ErrorLabel(QStringLiteral("thresholdAmountWarning"), m_thresholdGroup, StateColor::Warning);
    m_thresholdError = new ErrorLabel(QStringLiteral("thresholdError"), m_thresholdGroup);
    auto *threshold = new QGridLayout(m_thresholdGroup);
    threshold->addWidget(m_resourceLabel, 0, 0);
    threshold->addWidget(m_resource, 0, 1, 1, 2);
    threshold->addWidget(m_belowLabel, 1, 0);
    threshold->addWidget(m_below, 1, 1);
    threshold->addWidget(m_unit, 1, 2);
    threshold->addWidget(m_belowError, 2, 1, 1, 2);
    threshold->addWidget(m_thresholdPackageLabel, 3, 0);
    threshold->addWidget(m_thresholdPackage, 3, 1, 1, 2);
    threshold->addWidget(m_thresholdError, 4, 1, 1, 2);
    threshold->addWidget(m_belowWarning, 5, 1, 1, 2);
    threshold->setColumnStretch(1, 1);

    m_monthlyGroup = new QGroupBox(this);
    m_monthlyGroup->setObjectName(QStringLiteral("monthly"));
    m_monthlyGroup->setCheckable(true);
    m_dayLabel = new QLabel(m_monthlyGroup);
    m_day = new QLineEdit(m_monthlyGroup);
    m_day->setObjectName(QStringLiteral("monthlyDay"));
    m_day->setMaximumWidth(m_day->fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 24);
    m_dayHint = small(new QLabel(m_monthlyGroup));
    m_dayError = new ErrorLabel(QStringLiteral("monthlyDayError"), m_monthlyGroup);
    m_timeLabel = new QLabel(m_monthlyGroup);
    m_time = new QTimeEdit(m_monthlyGroup);
    m_time->setObjectName(QStringLiteral("monthlyTime"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_monthlyPackageLabel = new QLabel(m_monthlyGroup);
    m_monthlyPackage = new QComboBox(m_monthlyGroup);
    m_monthlyPackage->setObjectName(QStringLiteral("monthlyPackage"));
    m_monthlyError = new ErrorLabel(QStringLiteral("monthlyError"), m_monthlyGroup);
    auto *monthly = new QGridLayout(m_monthlyGroup);
    monthly->addWidget(m_dayLabel, 0, 0);
    monthly->addWidget(m_day, 0, 1);
    monthly->addWidget(m_dayHint, 0, 2);
    monthly->addWidget(m_dayError, 1, 1, 1, 2);
    monthly->addWidget(m_timeLabel, 2, 0);
    monthly->addWidget(m_time, 2, 1);
    monthly->addWidget(m_monthlyPackageLabel, 3, 0);
    monthly->addWidget(m_monthlyPackage, 3, 1, 1, 2);
    monthly->addWidget(m_monthlyError, 4, 1, 1, 2);
    monthly->setColumnStretch(2, 1);

    m_paymentGroup = new QGroupBox(this);
    m_methodLabel = new QLabel(m_paymentGroup);
    m_method = new QComboBox(m_paymentGroup);
    m_method->setObjectName(QStringLiteral("method"));
    m_methodError = new ErrorLabel(QStringLiteral("methodError"), m_paymentGroup);
    m_fallbackLabel = new QLabel(m_paymentGroup);
    m_fallback = new QComboBox(m_paymentGroup);
    m_fallback->setObjectName(QStringLiteral("fallback"));
    m_fallbackError = new ErrorLabel(QStringLiteral("fallbackError"), m_paymentGroup);
    auto *payment = new QGridLayout(m_paymentGroup);
    payment->addWidget(m_methodLabel, 0, 0);
    payment->addWidget(m_method, 0, 1);
    payment->addWidget(m_methodError, 1, 1);
    payment->addWidget(m_fallbackLabel, 2, 0);
    payment->addWidget(m_fallback, 2, 1);
    payment->addWidget(m_fallbackError, 3, 1);
    payment->setColumnStretch(1, 1);

    m_limitsGroup = new QGroupBox(this);
    m_capLabel = new QLabel(m_limitsGroup);
    m_cap = new QLineEdit(m_limitsGroup);
    m_cap->setObjectName(QStringLiteral("monthlyCap"));
    m_capError = new ErrorLabel(QStringLiteral("monthlyCapError"), m_limitsGroup);
    m_maxLabel = new QLabel(m_limitsGroup);
    m_max = new QLineEdit(m_limitsGroup);
    m_max->setObjectName(QStringLiteral("maxPerMonth"));
    m_maxError = new ErrorLabel(QStringLiteral("maxPerMonthError"), m_limitsGroup);
    auto *limits = new QGridLayout(m_limitsGroup);
    limits->addWidget(m_capLabel, 0, 0);
    limits->addWidget(m_cap, 0, 1);
    limits->addWidget(m_capError, 1, 1);
    limits->addWidget(m_maxLabel, 2, 0);
    limits->addWidget(m_max, 2, 1);
    limits->addWidget(m_maxError, 3, 1);
    limits->setColumnStretch(1, 1);

    m_choices = std::make_unique<RuleChoices>(
        RuleChoices::Boxes{m_resource, m_unit, m_thresholdPackage, m_monthlyPackage, m_method, m_fallback});
    m_policyError = new ErrorLabel(QStringLiteral("policyError"), this);
    // In the form's order, the precise paths first.
    m_messages.add(QStringLiteral("threshold.below"), m_belowError, m_below);
    m_messages.add(QStringLiteral("threshold"), m_thresholdError, m_thresholdPackage);
    m_messages.add(QStringLiteral("monthly.day"), m_dayError, m_day);
    m_messages.add(QStringLiteral("monthly"), m_monthlyError, m_monthlyPackage);
    m_messages.add(QStringLiteral("method"), m_methodError, m_method);
    m_messages.add(QStringLiteral("fallback"), m_fallbackError, m_fallback);
    m_messages.add(QStringLiteral("monthly_cap"), m_capError, m_cap);
    m_messages.add(QStringLiteral("max_per_month"), m_maxError, m_max);
    m_messages.setRest(m_policyError, m_enabled);
    m_savedNote = small(new QLabel(this));
    m_savedNote->setObjectName(QStringLiteral("savedNote"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setDefault(true);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_suggest = new QPushButton(this);
    m_suggest->setObjectName(QStringLiteral("suggestRules"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_suggest);
    buttons->addWidget(m_savedNote, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);

    auto *form = new QVBoxLayout;
    form->addWidget(m_enabled);
    form->addWidget(m_thresholdGroup);
    form->addWidget(m_monthlyGroup);
    form->addWidget(m_paymentGroup);
    form->addWidget(m_limitsGroup);
    form->addWidget(m_policyError);
    form->addStretch(1);
    form->addLayout(buttons);

    m_preview = new PolicyPreviewPanel(m_service, previewDays, this);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(form, 2);
    layout->addWidget(m_preview, 3);

    for (QLineEdit *edit : {m_below, m_day, m_cap, m_max}) {
        connect(edit, &QLineEdit::textEdited, this, &PolicyEditor::edited);
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            if (isDirty())
                save();
        });
    }
    for (QComboBox *box : {m_unit, m_thresholdPackage, m_monthlyPackage, m_method, m_fallback})
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &PolicyEditor::edited);
    connect(m_resource, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_choices->fillUnits();
        edited();
    });
    connect(m_time, &QTimeEdit::timeChanged, this, &PolicyEditor::edited);
    for (QGroupBox *group : {m_thresholdGroup, m_monthlyGroup})
        connect(group, &QGroupBox::toggled, this, &PolicyEditor::edited);
    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget *group : {m_thresholdGroup, m_monthlyGroup, m_paymentGroup, m_limitsGroup})
            group->setEnabled(on);
        edited();
    });
    connect(m_save, &QPushButton::clicked, this, &PolicyEditor::save);
    connect(m_cancel, &QPushButton::clicked, this, &PolicyEditor::discard);
    connect(m_suggest, &QPushButton::clicked, this, &PolicyEditor::openAdvisor);

    QWidget *order[] = {m_enabled, m_thresholdGroup, m_resource, m_below, m_unit, m_thresholdPackage, m_monthlyGroup, m_day,
                        m_time, m_monthlyPackage, m_method, m_fallback, m_cap, m_max, m_suggest, m_cancel, m_save, m_preview->table()};
    for (std::size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
}

void PolicyEditor::retranslateUi()
{
    m_enabled->setText(tr("&Auto top-up on for this line"));
    m_thresholdGroup->setTitle(tr("Top up when the balance runs low"));
    m_resourceLabel->setText(tr("Watch:"));
    m_resource->setItemText(0, tr("Data"));
    m_resource->setItemText(1, tr("Voice minutes"));
    m_belowLabel->setText(tr("When below:"));
    m_thresholdPackageLabel->setText(tr("Buy:"));
    m_monthlyGroup->setTitle(tr("Top up every month"));
    m_dayLabel->setText(tr("On day:"));
    m_dayHint->setText(tr("1 to 31; days 29–31: in shorter months, the last day."));
    m_timeLabel->setText(tr("At (local time):"));
    m_monthlyPackageLabel->setText(tr("Buy:"));
    m_paymentGroup->setTitle(tr("Payment"));
    m_methodLabel->setText(tr("Pay with:"));
    m_fallbackLabel->setText(tr("If it fails:"));
    m_limitsGroup->setTitle(tr("Limits per calendar month"));
    m_capLabel->setText(tr("Spend at most:"));
    m_maxLabel->setText(tr("Top up at most:"));
    m_cap->setPlaceholderText(tr("No limit (e.g. 20.00)"));
    m_max->setPlaceholderText(tr("No limit (times a month)"));
    m_save->setText(tr("&Save"));
    m_cancel->setText(tr("Ca&ncel"));
    m_suggest->setText(tr("Su&ggest rules…"));
    m_suggest->setAccessibleName(tr("Suggest rules from this line's usage"));
    m_enabled->setAccessibleName(tr("Auto top-up on"));
    m_thresholdGroup->setAccessibleName(tr("Threshold top-up"));
    m_resource->setAccessibleName(tr("Resource to watch"));
    m_below->setAccessibleName(tr("Threshold amount"));
    m_unit->setAccessibleName(tr("Threshold unit"));
    m_thresholdPackage->setAccessibleName(tr("Package bought below the threshold"));
    m_monthlyGroup->setAccessibleName(tr("Monthly top-up"));
    m_day->setAccessibleName(tr("Day of the month"));
    m_time->setAccessibleName(tr("Time of the monthly top-up"));
    m_monthlyPackage->setAccessibleName(tr("Package bought every month"));
    m_method->setAccessibleName(tr("Payment method"));
    m_fallback->setAccessibleName(tr("Fallback payment method"));
    m_cap->setAccessibleName(tr("Monthly spending cap"));
    m_max->setAccessibleName(tr("Top-ups per month at most"));
    m_choices->fillUnits();
    fillChoices();
    if (m_lineId != 0)
        m_previewTimer->start();
}

void PolicyEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PolicyEditor::setDataUnits(DataUnits units)
{
    if (units == m_choices->dataUnits())
        return;
    m_choices->setDataUnits(units);
    if (!isDirty()) {
        fillChoices();
        loadPolicy(storedRules());
        return;
    }
    m_choices->fillUnits();
    fillChoices();
    edited();
}

void PolicyEditor::fillChoices()
{
    m_choices->fill(m_service, m_lineId, storedPolicy());
}

RulesSeen PolicyEditor::storedRules() const
{
    if (const Expected<std::vector<LineRecord>> lines = m_service.lines()) {
        for (const LineRecord &line : *lines) {
            if (line.id == m_lineId)
                return RulesSeen{line.rulesVersion, line.policy};
        }
    }
    return RulesSeen{};
}

void PolicyEditor::setLine(qint64 lineId)
{
    if (m_advisor && lineId != m_lineId)
        m_advisor->close(); // it was about the other line
    m_lineId = lineId;
    fillChoices();
    loadPolicy(storedRules());
}

void PolicyEditor::followStoredPolicy()
{
    // Rules changed elsewhere (the dashboard's switch, another window) replace
    // an untouched form; the user's unsaved edits are never overwritten.
    if (m_lineId == 0 || isDirty())
        return;
    const RulesSeen stored = storedRules();
    if (stored.policy != m_savedPolicy || stored.version != m_savedVersion)
        loadPolicy(stored);
}

void PolicyEditor::loadPolicy(const RulesSeen &rules)
{
    fillForm(rules.policy);
    m_saved = snapshot();
    m_savedPolicy = rules.policy;
    m_savedVersion = rules.version;
    m_conflictShown = false;
    m_savedNote->clear();
    edited();
}

void PolicyEditor::fillForm(const std::optional<Policy> &policy)
{
    m_loading = true;
    const Policy rules = policy.value_or(Policy{false, {}, {}, {}, {}, {}, {}});
    m_enabled->setChecked(policy.has_value() && rules.enabled);
    for (QWidget *group : {m_thresholdGroup, m_monthlyGroup, m_paymentGroup, m_limitsGroup})
        group->setEnabled(m_enabled->isChecked());
    m_thresholdGroup->setChecked(rules.threshold.has_value());
    // A new rule starts at 1 GB, or 1 GiB when the user counts in GiB.
    const qint64 oneUnit = m_choices->dataUnits() == DataUnits::Binary ? gibibyte : gigabyte;
    const ThresholdTrigger threshold = rules.threshold.value_or(ThresholdTrigger{Resource::Data, oneUnit, QString()});
    m_resource->setCurrentIndex(threshold.resource == Resource::Data ? 0 : 1);
    const AmountInUnits below = AmountUnits::split(threshold.resource, threshold.below, m_choices->dataUnits());
    m_choices->fillUnits(below.unit);
    m_below->setText(below.number);
    m_choices->selectPackage(m_thresholdPackage, threshold.package);
    m_monthlyGroup->setChecked(rules.monthly.has_value());
    const MonthlyTrigger monthly = rules.monthly.value_or(MonthlyTrigger{1, 9 * 60, QString()});
    m_day->setText(QString::number(monthly.day));
    m_time->setTime(QTime(monthly.minuteOfDay / 60, monthly.minuteOfDay % 60));
    m_choices->selectPackage(m_monthlyPackage, monthly.package);
    m_method->setCurrentIndex(std::max(0, m_method->findData(rules.method)));
    m_fallback->setCurrentIndex(std::max(0, m_fallback->findData(rules.fallback)));
    m_cap->setText(rules.monthlyCap ? Formatter::moneyNumber(*rules.monthlyCap) : QString());
    m_max->setText(rules.maxPerMonth ? QString::number(*rules.maxPerMonth) : QString());
    m_loading = false;
}

RulesAdvisorDialog *PolicyEditor::openAdvisor()
{
    if (m_lineId == 0)
        return nullptr;
    if (!m_advisor) {
        m_advisor = new RulesAdvisorDialog(m_service, m_lineId, m_choices->packageNames(), m_choices->dataUnits(), this);
        m_advisor->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_advisor, &RulesAdvisorDialog::rulesChosen, this, &PolicyEditor::useSuggestion);
        m_advisor->show();
        m_advisor->run();
    }
    m_advisor->raise();
    m_advisor->activateWindow();
    return m_advisor;
}

void PolicyEditor::useSuggestion(const Policy &policy)
{
    fillForm(policy);
    edited();
    m_savedNote->setText(isDirty() ? tr("Suggested rules filled in: Save keeps them.") : tr("These are the rules already saved."));
}

QString PolicyEditor::snapshot() const
{
    QStringList parts{QString::number(m_enabled->isChecked()), QString::number(m_thresholdGroup->isChecked()),
                      m_resource->currentData().toString(), m_below->text(), m_unit->currentData().toString(),
                      m_thresholdPackage->currentData().toString(), QString::number(m_monthlyGroup->isChecked()), m_day->text(),
                      m_time->time().toString(QStringLiteral("HH:mm")), m_monthlyPackage->currentData().toString(),
                      m_method->currentData().toString(), m_fallback->currentData().toString(), m_cap->text(), m_max->text()};
    return parts.join(QChar(0x1f));
}

bool PolicyEditor::isDirty() const
{
    return m_lineId != 0 && snapshot() != m_saved;
}

void PolicyEditor::edited()
{
    if (m_loading)
        return;
    validate();
    const bool dirty = isDirty();
    m_save->setEnabled(dirty && m_problems.isEmpty());
    m_cancel->setEnabled(dirty);
    if (dirty != m_wasDirty) {
        m_wasDirty = dirty;
        emit dirtyChanged(dirty);
    }
    if (dirty && !m_conflictShown) // a conflict's sentence stays until the next save or reload
        m_savedNote->clear();
    m_previewTimer->start();
}

PolicyFormInput PolicyEditor::input() const
{
    PolicyFormInput input;
    input.enabled = m_enabled->isChecked();
    input.threshold = m_thresholdGroup->isChecked();
    input.resource = Resource(m_resource->currentData().toInt());
    input.below = m_below->text();
    input.unit = m_unit->currentData().toString();
    input.thresholdPackage = m_thresholdPackage->currentData().toString();
    input.monthly = m_monthlyGroup->isChecked();
    input.day = m_day->text();
    input.minuteOfDay = m_time->time().hour() * 60 + m_time->time().minute();
    input.monthlyPackage = m_monthlyPackage->currentData().toString();
    input.method = m_method->currentData().toString();
    input.fallback = m_fallback->currentData().toString();
    input.cap = m_cap->text();
    input.max = m_max->text();
    return input;
}

void PolicyEditor::validate()
{
    if (m_lineId == 0) {
        m_problems.clear();
        showErrors({});
        m_belowWarning->setError(QString());
        return;
    }
    // Every field at once: what is not a value at all, and what the service refuses of the rest.
    const PolicyFormReading reading = PolicyFormReader::read(input());
    m_problems = PolicyProblems::of(m_service, m_lineId, reading, *m_choices);
    m_policy = reading.policy;
    showErrors(m_problems);
    showThresholdWarning();
}

void PolicyEditor::showThresholdWarning()
{
    const std::optional<ThresholdTrigger> &threshold = m_policy.threshold;
    const bool known = threshold && !m_problems.contains(QStringLiteral("threshold.below")) && m_choices->packages().contains(threshold->package);
    m_belowWarning->setError(known ? PolicyFormReader::thresholdWarning(*threshold, m_choices->packages().value(threshold->package),
                                                                        m_choices->packageNames().value(threshold->package), m_choices->dataUnits())
                                   : QString());
}

void PolicyEditor::showErrors(const QHash<QString, QString> &errors)
{
    m_messages.show(errors);
}

void PolicyEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_previewStale)
        refreshPreview();
}

void PolicyEditor::refreshPreview()
{
    if (m_lineId == 0)
        return;
    // A preview runs the engine (on every line an account cap ties): none
    // for a hidden form, on each step of a playing clock.
    if (!isVisible()) {
        m_previewStale = true;
        return;
    }
    m_previewStale = false;
    validate();
    if (!m_problems.isEmpty()) {
        m_preview->showInvalid();
        return;
    }
    const Expected<LineOutlook> outlook = m_service.previewPolicy(m_lineId, m_policy, previewDays);
    if (!outlook) {
        showErrors(PolicyProblems::byField(outlook.problems()));
        m_preview->showInvalid();
        return;
    }
    m_preview->showOutlook(*outlook, m_choices->packageNames(), m_choices->methodLabels());
}

PreviewModel *PolicyEditor::previewModel() const
{
    return m_preview->model();
}

bool PolicyEditor::save()
{
    if (m_lineId == 0)
        return false;
    m_conflictShown = false; // saved again: what this save says replaces it
    m_previewTimer->stop();
    validate();
    if (!m_problems.isEmpty()) {
        m_savedNote->setText(tr("Not saved: correct the fields marked in red."));
        m_messages.focusFirst();
        return false;
    }
    const Expected<void> stored = m_service.setPolicy(m_lineId, m_policy, RulesSeen{m_savedVersion, m_savedPolicy});
    const RulesSeen now = storedRules();
    if (!stored && now.version != m_savedVersion) {
        // Changed elsewhere (another desktop) since the form loaded them: the
        // sentence says what changed; the edits stay in the fields, and the
        // next Save, once reviewed, saves them over the rules as they are now.
        m_savedPolicy = now.policy;
        m_savedVersion = now.version;
        m_savedNote->setText(stored.sentences());
        m_conflictShown = true;
        return false;
    }
    if (!stored) {
        m_problems = PolicyProblems::byField(stored.problems());
        showErrors(m_problems);
        m_savedNote->setText(tr("Not saved: correct the fields marked in red."));
        m_messages.focusFirst();
        return false;
    }
    // An expired card the old rules named is offered no more.
    if (PaymentChoices::forRules(m_service, m_policy) != m_choices->methodChoices())
        fillChoices();
    m_saved = snapshot();
    m_savedPolicy = m_policy;
    m_savedVersion = now.version;
    edited();
    m_savedNote->setText(tr("Saved."));
    refreshPreview();
    emit saved();
    return true;
}

void PolicyEditor::discard()
{
    setLine(m_lineId);
}

} // namespace topup
