#include "methodmodel.h"

#include "text/formatter.h"
#include "widgets/statecolors.h"
#include "domain/cardexpiry.h"
#include "service/service.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace topup {

MethodModel::MethodModel(Service &service, QObject *parent) : QAbstractTableModel(parent), m_service(service)
{
    // The methods, their funds and expiry (the world moves them), and the
    // lines whose rules use each (names and rules).
    const auto later = [this] { m_reload.request(); };
    connect(&m_service, &Service::accountChanged, this, later);
    connect(&m_service, &Service::worldAdvanced, this, later);
    connect(&m_service, &Service::methodAdded, this, later);
    connect(&m_service, &Service::methodRemoved, this, later);
    connect(&m_service, &Service::methodsChanged, this, later);
    connect(&m_service, &Service::lineAdded, this, later);
    connect(&m_service, &Service::lineRemoved, this, later);
    connect(&m_service, &Service::linesChanged, this, later);
    reload();
}

void MethodModel::setLive(bool live)
{
    m_reload.setLive(live);
}

void MethodModel::reload()
{
    const Expected<std::vector<MethodRecord>> methods = m_service.methods();
    std::vector<MethodRecord> fresh = methods ? *methods : std::vector<MethodRecord>();
    // The same methods (funds moved on a clock step): refresh the cells and keep the selection.
    const bool sameRows = !m_methods.empty() && fresh.size() == m_methods.size()
                          && std::equal(fresh.begin(), fresh.end(), m_methods.begin(),
                                        [](const MethodRecord &a, const MethodRecord &b) { return a.id == b.id; });
    if (!sameRows)
        beginResetModel();
    m_methods = std::move(fresh);
    m_error = methods ? QString() : methods.sentences();
    m_currency = Formatter::currencyOf(m_service);
    m_users.clear();
    if (const Expected<std::vector<LineRecord>> lines = m_service.lines()) {
        for (const LineRecord &line : *lines) {
            if (!line.policy)
                continue;
            for (const QString &id : {line.policy->method, line.policy->fallback}) {
                if (!id.isEmpty() && !m_users[id].contains(line.name))
                    m_users[id] << line.name;
            }
        }
    }
    if (const Expected<QDate> today = m_service.worldToday())
        m_today = *today; // else the last day read (expiry marks by the world's date)
    if (!sameRows)
        endResetModel();
    else
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

std::optional<MethodRecord> MethodModel::methodAt(int row) const
{
    if (row < 0 || row >= int(m_methods.size()))
        return std::nullopt;
    return m_methods[std::size_t(row)];
}

int MethodModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_methods.size());
}

int MethodModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

MethodModel::ExpiryState MethodModel::expiryState(const MethodRecord &method) const
{
    if (!method.expires)
        return ExpiryState::None;
    const QDate first(method.expires->year, method.expires->month, 1);
    if (first.addDays(first.daysInMonth() - 1) < m_today)
        return ExpiryState::Expired;
    return expiresWithin(*method.expires, m_today, soonDays) ? ExpiryState::Soon : ExpiryState::Fine;
}

QVariant MethodModel::display(const MethodRecord &method, int column) const
{
    switch (column) {
    case Kind:
        switch (method.kind) {
        case MethodKind::CreditCard:
            return tr("%1 credit card").arg(method.brand);
        case MethodKind::DebitCard:
            return tr("%1 debit card").arg(method.brand);
        case MethodKind::PayPal:
            return tr("PayPal");
        }
        return {};
    case Number:
        return method.isCard() ? tr("•••• %1").arg(method.lastFour) : method.walletMasked;
    case Expiry: {
        if (!method.expires)
            return tr("—");
        const QString when = QStringLiteral("%1/%2").arg(method.expires->month, 2, 10, QLatin1Char('0')).arg(method.expires->year);
        switch (expiryState(method)) {
        case ExpiryState::Soon:
            return tr("%1 — expires soon").arg(when);
        case ExpiryState::Expired:
            return tr("%1 — expired").arg(when);
        default:
            return when;
        }
    }
    case Funds:
        //: Funds the simulated provider could not tell (the tooltip says why)
        return method.fundsKnown ? Formatter::money(method.funds, m_currency) : tr("Unknown");
    case Default:
        return method.isDefault ? tr("Default") : QString();
    case UsedBy:
        return Formatter::list(m_users.value(method.engineId()));
    default:
        return {};
    }
}

QVariant MethodModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_methods.size()))
        return {};
    const MethodRecord &method = m_methods[std::size_t(index.row())];
    const ExpiryState expiry = expiryState(method);
    switch (role) {
    case Qt::DisplayRole:
        return display(method, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Funds && !method.fundsKnown)
            //: Why a method's funds are unknown: the provider's own words, e.g. "no such payment account at the provider"
            return tr("The provider could not tell this method's funds (%1): they are unknown, not 0.").arg(method.fundsProblem);
        return display(method, index.column());
    case Qt::AccessibleTextRole:
        return display(method, index.column());
    case IdRole:
        return method.id;
    case RawRole:
        switch (index.column()) {
        case Expiry:
            return method.expires ? method.expires->index() : 0;
        case Funds:
            return method.fundsKnown ? QVariant(method.funds.cents()) : QVariant(); // unknown sorts apart, not as 0
        case Default:
            return method.isDefault;
        default:
            return display(method, index.column());
        }
    case Qt::DecorationRole:
        if (index.column() == Expiry && expiry == ExpiryState::Soon)
            return stateIcon(StateColor::Warning);
        if (index.column() == Expiry && expiry == ExpiryState::Expired)
            return stateIcon(StateColor::Error);
        if (index.column() == Default && method.isDefault)
            return stateIcon(StateColor::Ok);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Expiry && expiry == ExpiryState::Soon)
            return stateColor(StateColor::Warning, QGuiApplication::palette());
        if (index.column() == Expiry && expiry == ExpiryState::Expired)
            return stateColor(StateColor::Error, QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Funds ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant MethodModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Method");
    case Number:
        return tr("Number");
    case Expiry:
        return tr("Expires");
    case Funds:
        return tr("Funds");
    case Default:
        return tr("Default");
    case UsedBy:
        return tr("Used by");
    default:
        return {};
    }
}

} // namespace topup
