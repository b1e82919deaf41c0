#pragma once

#include <QWidget>

class QLabel;

namespace topup {

class Service;

// PLACEHOLDER: the pages helper (branch h-pages) writes the real page; the
// lead replaces this file at merge. Keep it trivial.
class LinePage final : public QWidget
{
    Q_OBJECT

public:
    explicit LinePage(Service &service, QWidget *parent = nullptr);
    void showLine(qint64 lineId);
    void showRulesTab();
    void showTestTab();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Service &m_service;
    QLabel *m_label = nullptr;
};

} // namespace topup
