#include "alertspage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace topup {

AlertsPage::AlertsPage(Service &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_label(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    retranslateUi();
}

void AlertsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AlertsPage::retranslateUi()
{
    m_label->setText(QStringLiteral("AlertsPage (placeholder)"));
}

} // namespace topup
