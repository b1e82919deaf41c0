#pragma once

#include "app/appsettings.h"
#include "domain/regionoffer.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace topup {

class ErrorLabel;
class Service;

// Buys an eSIM line as one buys a travel eSIM: where it is used (the
// carrier's countries and regions), its name, the first package and the
// payment method, and — for the simulation — how the line is used, in
// words; its usage seed is drawn. Buy charges the package at once; a
// refusal says why under the form and nothing is bought.
class AddLineDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddLineDialog)

public:
    // `units`: GB or GiB in the packages' names and the usage hint.
    AddLineDialog(Service &service, DataUnits units, QWidget *parent = nullptr);

    // Chooses the country or region by its code ("JP").
    void chooseRegion(const QString &code);

public slots:
    void accept() override;

signals:
    void lineBought(qint64 lineId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    void fillRegions();
    void fillPackages();
    void fillMethods();
    void describeProfile();
    void validate();
    const RegionOffer *region() const;
    const PackageOffer *package() const;

    Service &m_service;
    std::vector<RegionOffer> m_regions;
    QString m_catalogProblem;
    QLabel *m_intro;
    QLabel *m_regionLabel;
    QComboBox *m_region;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    ErrorLabel *m_nameError;
    QLabel *m_packageLabel;
    QComboBox *m_package;
    QLabel *m_profileLabel;
    QComboBox *m_profile;
    QLabel *m_profileHint;
    QLabel *m_methodLabel;
    QComboBox *m_method;
    ErrorLabel *m_methodError;
    QLabel *m_summary;
    ErrorLabel *m_serviceError;
    QDialogButtonBox *m_buttons;
    DataUnits m_units;
};

} // namespace topup
