#pragma once

#include <QWidget>

class QLabel;

namespace topup {

class Service;

// PLACEHOLDER: the pages helper (branch h-pages) writes the real page; the
// lead replaces this file at merge. Keep it trivial.
class HistoryPage final : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPage(Service &service, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Service &m_service;
    QLabel *m_label = nullptr;
};

} // namespace topup
