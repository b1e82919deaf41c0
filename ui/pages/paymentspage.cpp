#include "paymentspage.h"

#include "dialogs/addcarddialog.h"
#include "dialogs/addwalletdialog.h"
#include "dialogs/depositdialog.h"
#include "models/methodmodel.h"
#include "service/service.h"
#include "widgets/paddeddelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace topup {

PaymentsPage::PaymentsPage(Service &service, QWidget *parent)
    : QWidget(parent), m_service(service), m_model(new MethodModel(service, this)), m_sorted(new QSortFilterProxyModel(this)),
      m_title(new QLabel(this)), m_hint(new QLabel(this)), m_view(new QTableView(this)), m_addCard(new QPushButton(this)),
      m_addWallet(new QPushButton(this)), m_deposit(new QPushButton(this)), m_setDefault(new QPushButton(this)),
      m_remove(new QPushButton(this))
{
    m_model->setLive(false); // until shown: a page never shown reads nothing on a change
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(MethodModel::RawRole);
    m_view->setModel(m_sorted);
    m_view->setObjectName(QStringLiteral("methods"));
    PaddedDelegate::setUp(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_hint->setWordWrap(true);

    m_addCard->setObjectName(QStringLiteral("addCard"));
    m_addWallet->setObjectName(QStringLiteral("addWallet"));
    m_deposit->setObjectName(QStringLiteral("deposit"));
    m_setDefault->setObjectName(QStringLiteral("setDefault"));
    m_remove->setObjectName(QStringLiteral("remove"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_addCard, m_addWallet, m_deposit, m_setDefault, m_remove})
        buttons->addWidget(button);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_addCard, &QPushButton::clicked, this, [this] {
        AddCardDialog dialog(m_service, this);
        dialog.exec();
    });
    connect(m_addWallet, &QPushButton::clicked, this, &PaymentsPage::addWallet);
    connect(m_deposit, &QPushButton::clicked, this, &PaymentsPage::deposit);
    connect(m_setDefault, &QPushButton::clicked, this, &PaymentsPage::setDefault);
    connect(m_remove, &QPushButton::clicked, this, &PaymentsPage::remove);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PaymentsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PaymentsPage::updateButtons);
    connect(m_view, &QTableView::doubleClicked, this, &PaymentsPage::deposit);

    setTabOrder(m_addCard, m_addWallet);
    setTabOrder(m_addWallet, m_deposit);
    setTabOrder(m_deposit, m_setDefault);
    setTabOrder(m_setDefault, m_remove);
    setTabOrder(m_remove, m_view);
    retranslateUi();
    updateButtons();
}

void PaymentsPage::retranslateUi()
{
    m_title->setText(tr("Payment methods"));
    m_hint->setText(tr("Auto top-ups charge a line's method, then its fallback. Cards are valid through the last day of "
                       "their expiry month; those expiring within 30 days are marked."));
    m_addCard->setText(tr("Add &card…"));
    m_addWallet->setText(tr("Add &PayPal…"));
    m_deposit->setText(tr("&Deposit…"));
    m_setDefault->setText(tr("Set &default"));
    m_remove->setText(tr("&Remove…"));
    m_addCard->setAccessibleName(tr("Add a card"));
    m_addWallet->setAccessibleName(tr("Add a PayPal wallet"));
    m_deposit->setAccessibleName(tr("Deposit funds to the selected method"));
    m_setDefault->setAccessibleName(tr("Make the selected method the default"));
    m_remove->setAccessibleName(tr("Remove the selected method"));
    m_view->setAccessibleName(tr("Payment methods"));
    m_model->reload();
}

void PaymentsPage::showEvent(QShowEvent *event)
{
    m_model->setLive(true);
    QWidget::showEvent(event);
}

void PaymentsPage::hideEvent(QHideEvent *event)
{
    m_model->setLive(false);
    QWidget::hideEvent(event);
}

void PaymentsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

std::optional<MethodRecord> PaymentsPage::selectedMethod() const
{
    const QModelIndexList rows = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->methodAt(m_sorted->mapToSource(rows.front()).row());
}

void PaymentsPage::updateButtons()
{
    const std::optional<MethodRecord> method = selectedMethod();
    m_deposit->setEnabled(method.has_value());
    m_setDefault->setEnabled(method && !method->isDefault);
    m_remove->setEnabled(method.has_value());
}

AddCardDialog *PaymentsPage::openAddCardDialog()
{
    auto *dialog = new AddCardDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void PaymentsPage::addWallet()
{
    AddWalletDialog dialog(m_service, this);
    dialog.exec();
}

void PaymentsPage::deposit()
{
    const std::optional<MethodRecord> method = selectedMethod();
    if (!method)
        return;
    DepositDialog dialog(m_service, method->id, method->label(), this);
    dialog.exec();
}

void PaymentsPage::setDefault()
{
    const std::optional<MethodRecord> method = selectedMethod();
    if (!method)
        return;
    if (const Expected<void> done = m_service.setDefaultMethod(method->id); !done)
        QMessageBox::warning(this, tr("Set default"), tr("%1 could not become the default. %2").arg(method->label(), done.sentences()));
}

void PaymentsPage::remove()
{
    const std::optional<MethodRecord> method = selectedMethod();
    if (!method)
        return;
    // A method that rules still use is refused before asking, not after.
    if (const Expected<void> allowed = m_service.canRemoveMethod(method->id); !allowed) {
        QMessageBox::warning(this, tr("Remove payment method"), tr("%1 cannot be removed. %2").arg(method->label(), allowed.sentences()));
        return;
    }
    if (QMessageBox::question(this, tr("Remove payment method"), tr("Remove %1 from your account?").arg(method->label()),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    if (const Expected<void> done = m_service.removeMethod(method->id); !done)
        QMessageBox::warning(this, tr("Remove payment method"), tr("%1 was not removed. %2").arg(method->label(), done.sentences()));
}

} // namespace topup
