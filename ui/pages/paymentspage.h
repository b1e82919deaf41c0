#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace topup {

class AddCardDialog;
class MethodModel;
class Service;
struct MethodRecord;

// The account's payment methods: the list, and adding a card or a wallet,
// depositing, choosing the default and removing (refused, with the lines
// named, while a policy uses the method).
class PaymentsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaymentsPage)

public:
    explicit PaymentsPage(Service &service, QWidget *parent = nullptr);

    // Opens the dialog without blocking (the screenshot tour fills it in) and returns it.
    AddCardDialog *openAddCardDialog();
    QTableView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;
    // Hidden, the page's rows only go stale; shown, they are read again once if so.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    std::optional<MethodRecord> selectedMethod() const;
    void addWallet();
    void deposit();
    void setDefault();
    void remove();

    Service &m_service;
    MethodModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QLabel *m_title;
    QLabel *m_hint;
    QTableView *m_view;
    QPushButton *m_addCard;
    QPushButton *m_addWallet;
    QPushButton *m_deposit;
    QPushButton *m_setDefault;
    QPushButton *m_remove;
};

} // namespace topup
