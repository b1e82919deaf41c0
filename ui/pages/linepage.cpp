#include "linepage.h"

#include "linetestpanel.h"
#include "policyeditor.h"
#include "service/service.h"

#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace topup {

LinePage::LinePage(Service &service, QWidget *parent)
    : QWidget(parent), m_service(service), m_title(new QLabel(this)), m_subtitle(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_rules(new PolicyEditor(service, m_tabs)), m_test(new LineTestPanel(service, m_tabs))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("lineTitle"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_tabs->setObjectName(QStringLiteral("lineTabs"));
    m_tabs->addTab(m_rules, QString());
    m_tabs->addTab(m_test, QString());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_tabs, 1);

    connect(&m_service, &Service::linesChanged, this, &LinePage::refreshHeader);
    connect(m_rules, &PolicyEditor::dirtyChanged, this, &LinePage::retranslateUi);
    retranslateUi();
}

void LinePage::retranslateUi()
{
    m_tabs->setTabText(0, m_rules->isDirty() ? tr("&Rules (unsaved)") : tr("&Rules"));
    m_tabs->setTabText(1, tr("&Test auto top-up"));
    m_tabs->setAccessibleName(tr("Line details"));
    refreshHeader();
}

void LinePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LinePage::refreshHeader()
{
    if (const Expected<std::vector<LineRecord>> lines = m_service.lines()) {
        for (const LineRecord &line : *lines) {
            if (line.id != m_lineId)
                continue;
            m_title->setText(line.name);
            m_subtitle->setText(line.region.isEmpty() ? tr("eSIM line") : tr("eSIM line · %1").arg(line.region));
            return;
        }
    }
    m_title->setText(tr("No line chosen"));
    m_subtitle->clear();
}

bool LinePage::confirmLeave()
{
    if (!m_rules->isDirty())
        return true;
    const QMessageBox::StandardButton answer =
        QMessageBox::question(this, tr("Unsaved rules"), tr("The auto top-up rules of %1 have changes that are not saved.").arg(m_title->text()),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return m_rules->save();
    if (answer == QMessageBox::Discard) {
        m_rules->discard();
        return true;
    }
    return false;
}

void LinePage::showLine(qint64 lineId)
{
    if (lineId != m_lineId && !confirmLeave())
        return;
    m_lineId = lineId;
    m_rules->setLine(lineId);
    m_test->setLine(lineId);
    refreshHeader();
}

void LinePage::showRulesTab()
{
    m_tabs->setCurrentWidget(m_rules);
}

void LinePage::showTestTab()
{
    m_tabs->setCurrentWidget(m_test);
}

void LinePage::setDataUnits(DataUnits units)
{
    m_test->setDataUnits(units);
    m_rules->setDataUnits(units);
}

} // namespace topup
