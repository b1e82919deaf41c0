#pragma once

#include "app/appsettings.h"
#include "domain/package.h"
#include "domain/policy.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

class QComboBox;

namespace topup {

class Service;

// What the rules form offers in its boxes: the threshold's units for the
// chosen resource, the packages the line's region sells (and one the saved
// rules still buy, marked as no longer offered), the methods that may pay.
// Filling them again keeps what was chosen and emits no change: the form
// reads the boxes when the user moves them, not when they are refilled.
class RuleChoices final
{
    // The form's words, with the form's translations.
    Q_DECLARE_TR_FUNCTIONS(topup::PolicyEditor)

public:
    struct Boxes
    {
        QComboBox *resource;
        QComboBox *unit;
        QComboBox *thresholdPackage;
        QComboBox *monthlyPackage;
        QComboBox *method;
        QComboBox *fallback;
    };

    explicit RuleChoices(const Boxes &boxes);

    // GB or GiB, as the user chose in Settings: the units and the packages' names.
    void setDataUnits(DataUnits units) noexcept { m_units = units; }
    DataUnits dataUnits() const noexcept { return m_units; }

    // The threshold's units for the chosen resource and family; `wanted`
    // (else the current one) stays chosen.
    void fillUnits(const QString &wanted = QString());
    // The line's packages and the methods `saved` rules may pay with.
    void fill(Service &service, qint64 lineId, const std::optional<Policy> &saved);
    // Chooses package `id` in `box`, added as no longer offered when the line's region lacks it.
    void selectPackage(QComboBox *box, const QString &id);

    // Engine id and label of each method offered.
    const std::vector<std::pair<QString, QString>> &methodChoices() const noexcept { return m_methodChoices; }
    // Every package of the account by id, named in the chosen unit.
    const QHash<QString, QString> &packageNames() const noexcept { return m_packageNames; }
    // The packages the line's region offers, by id.
    const QHash<QString, Package> &packages() const noexcept { return m_packages; }
    const QHash<QString, QString> &methodLabels() const noexcept { return m_methodLabels; }

private:
    Boxes m_boxes;
    DataUnits m_units = DataUnits::Decimal;
    std::vector<std::pair<QString, QString>> m_methodChoices;
    QHash<QString, QString> m_packageNames;
    QHash<QString, Package> m_packages;
    QHash<QString, QString> m_methodLabels;
};

} // namespace topup
