#pragma once

#include "app/appsettings.h"
#include "domain/linerecord.h"
#include "domain/package.h"
#include "domain/policy.h"
#include "forms/rulechoices.h"
#include "widgets/fieldmessages.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimeEdit;
class QTimer;

namespace topup {

class ErrorLabel;
struct PolicyFormInput;
class PolicyPreviewPanel;
class PreviewModel;
class RulesAdvisorDialog;
class Service;

// The "Rules" tab of a line: the auto top-up policy as a form that keeps
// every character typed, a message under each field that is not valid —
// all of them at once, from the form's reading and the service's own
// checks (SPEC §2) — with Save off until none is left, a warning when the
// threshold is at or above the package it buys, and beside it a 30-day
// preview that follows the edits (debounced). Save is one
// Service::setPolicy call; Cancel puts back what is saved.
class PolicyEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyEditor)

public:
    static constexpr int previewDelayMs = 300;
    static constexpr int previewDays = 30;

    explicit PolicyEditor(Service &service, QWidget *parent = nullptr);

    void setLine(qint64 lineId);
    qint64 lineId() const noexcept { return m_lineId; }
    bool isDirty() const;
    // Saves valid rules; with problems, saves nothing and focuses the first.
    bool save();
    void discard();
    PreviewModel *previewModel() const;
    // A preview came due while the form was hidden: it runs when shown.
    bool isPreviewStale() const noexcept { return m_previewStale; }
    // The preview now, without waiting for the edits to settle; for a hidden
    // form, once it is shown (a preview runs the engine).
    void refreshPreview();
    // "Suggest rules…": the advisor's dialog for this line, opened (or
    // raised) and running; null without a line.
    RulesAdvisorDialog *openAdvisor();
    // Fills the form with `policy` (a suggestion); the user still saves.
    void useSuggestion(const Policy &policy);
    // GB or GiB, as the user chose in Settings: the threshold's units, the
    // packages' names, the preview and the suggestions. An untouched form is
    // filled again in the new unit; edits in progress keep what was typed.
    void setDataUnits(DataUnits units);

signals:
    void dirtyChanged(bool dirty);
    void saved();

protected:
    void changeEvent(QEvent *event) override;
    // A preview due while hidden (another tab or page shown) runs when shown.
    void showEvent(QShowEvent *event) override;

private:
    void build();
    void retranslateUi();
    // The boxes' packages and methods again (m_choices), for this line and its saved rules.
    void fillChoices();
    void loadPolicy(const RulesSeen &rules);
    void fillForm(const std::optional<Policy> &policy);
    // The line's rules as the service has them now, with their version.
    RulesSeen storedRules() const;
    std::optional<Policy> storedPolicy() const { return storedRules().policy; }
    void followStoredPolicy();
    void edited();
    PolicyFormInput input() const;
    // Reads the form and asks the service: m_policy and m_problems.
    void validate();
    void showThresholdWarning();
    void showErrors(const QHash<QString, QString> &errors);
    QString snapshot() const;

    Service &m_service;
    qint64 m_lineId = 0;
    QString m_saved;
    Policy m_policy;                   // as the form reads, valid or not
    QHash<QString, QString> m_problems; // by field path; empty: Save may save
    FieldMessages m_messages;
    std::optional<Policy> m_savedPolicy; // as the service has it, to notice a change made elsewhere
    qint64 m_savedVersion = 0;           // its version: a save over rules changed elsewhere since is refused
    bool m_loading = false;
    bool m_conflictShown = false; // the note says the rules changed elsewhere: kept until a save or a reload
    bool m_wasDirty = false;
    bool m_previewStale = false; // a preview came due while hidden

    QCheckBox *m_enabled;
    QGroupBox *m_thresholdGroup;
    QLabel *m_resourceLabel;
    QComboBox *m_resource;
    QLabel *m_belowLabel;
    QLineEdit *m_below;
    QComboBox *m_unit;
    QLabel *m_thresholdPackageLabel;
    QComboBox *m_thresholdPackage;
    ErrorLabel *m_belowError;
    ErrorLabel *m_belowWarning;
    ErrorLabel *m_thresholdError;
    QGroupBox *m_monthlyGroup;
    QLabel *m_dayLabel;
    QLineEdit *m_day;
    QLabel *m_dayHint;
    ErrorLabel *m_dayError;
    QLabel *m_timeLabel;
    QTimeEdit *m_time;
    QLabel *m_monthlyPackageLabel;
    QComboBox *m_monthlyPackage;
    ErrorLabel *m_monthlyError;
    QGroupBox *m_paymentGroup;
    QLabel *m_methodLabel;
    QComboBox *m_method;
    ErrorLabel *m_methodError;
    QLabel *m_fallbackLabel;
    QComboBox *m_fallback;
    ErrorLabel *m_fallbackError;
    QGroupBox *m_limitsGroup;
    QLabel *m_capLabel;
    QLineEdit *m_cap;
    ErrorLabel *m_capError;
    QLabel *m_maxLabel;
    QLineEdit *m_max;
    ErrorLabel *m_maxError;
    ErrorLabel *m_policyError;
    QLabel *m_savedNote;
    QPushButton *m_save;
    QPushButton *m_cancel;
    QPushButton *m_suggest;
    QPointer<RulesAdvisorDialog> m_advisor;

    PolicyPreviewPanel *m_preview;
    QTimer *m_previewTimer;
    std::unique_ptr<RuleChoices> m_choices; // made with the boxes it fills
};

} // namespace topup
