#include "linepage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace topup {

LinePage::LinePage(Service &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_label(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    retranslateUi();
}

void LinePage::showLine(qint64 lineId)
{
    m_label->setText(QStringLiteral("Line %1 (placeholder)").arg(lineId));
}

void LinePage::showRulesTab() {}

void LinePage::showTestTab() {}

void LinePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LinePage::retranslateUi()
{
    m_label->setText(QStringLiteral("LinePage (placeholder)"));
}

} // namespace topup
