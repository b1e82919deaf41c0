#include "historypage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace topup {

HistoryPage::HistoryPage(Service &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_label(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    retranslateUi();
}

void HistoryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HistoryPage::retranslateUi()
{
    m_label->setText(QStringLiteral("HistoryPage (placeholder)"));
}

} // namespace topup
