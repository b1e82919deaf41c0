#pragma once

#include "models/deferredreload.h"
#include "domain/methodrecord.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QStringList>

#include <vector>

namespace topup {

class Service;

// The account's payment methods: brand and kind, •••• last four (or the
// masked wallet), expiry with "expires soon" and "expired" marked, funds,
// and which one is the default.
class MethodModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MethodModel)

public:
    enum Column { Kind, Number, Expiry, Funds, Default, UsedBy, ColumnCount };
    static constexpr int RawRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;
    static constexpr int soonDays = 30;

    explicit MethodModel(Service &service, QObject *parent = nullptr);

    const std::vector<MethodRecord> &methods() const noexcept { return m_methods; }
    std::optional<MethodRecord> methodAt(int row) const;
    QString error() const { return m_error; }
    // While not live (its page hidden), a change only marks the rows stale;
    // made live again, it reloads them once if so, instead of a query per
    // change (a playing clock changes the world five times a second).
    void setLive(bool live);
    bool isStale() const noexcept { return m_reload.isStale(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    void reload();

private:
    enum class ExpiryState { None, Fine, Soon, Expired };
    ExpiryState expiryState(const MethodRecord &method) const;
    QVariant display(const MethodRecord &method, int column) const;

    Service &m_service;
    std::vector<MethodRecord> m_methods;
    QHash<QString, QStringList> m_users; // engine id → names of the lines whose policy names it
    QDate m_today;
    QString m_currency;
    QString m_error;
    DeferredReload m_reload{[this] { reload(); }};
};

} // namespace topup
