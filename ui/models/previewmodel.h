#pragma once

#include "service/service.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimeZone>

#include <vector>

namespace topup {

// The top-ups a policy would make in the next days (Service::previewPolicy):
// date in the account's zone, trigger, package, method, amount, and the
// blocked and failed ones marked with an icon and a colour.
class PreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewModel)

public:
    enum Column { Time, Trigger, Package, Method, Amount, Status, ColumnCount };
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit PreviewModel(QObject *parent = nullptr);

    // Names for the engine's ids: packages "P<row>", methods "M<row>".
    void setItems(std::vector<PreviewItem> items, QHash<QString, QString> packageNames, QHash<QString, QString> methodLabels,
                  const QTimeZone &zone, const QString &currency);
    void clear();
    const std::vector<PreviewItem> &items() const noexcept { return m_items; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const PreviewItem &item, int column) const;

    std::vector<PreviewItem> m_items;
    QHash<QString, QString> m_packageNames;
    QHash<QString, QString> m_methodLabels;
    QTimeZone m_zone;
    QString m_currency;
};

} // namespace topup
