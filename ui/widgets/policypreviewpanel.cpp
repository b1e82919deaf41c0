#include "policypreviewpanel.h"

#include "text/formatter.h"
#include "models/previewmodel.h"
#include "text/capsummary.h"
#include "service/service.h"
#include "widgets/columnfitter.h"
#include "widgets/paddeddelegate.h"

#include <QEvent>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace topup {

PolicyPreviewPanel::PolicyPreviewPanel(Service &service, int days, QWidget *parent)
    : QWidget(parent), m_service(service), m_days(days), m_model(new PreviewModel(this)), m_title(new QLabel(this)),
      m_status(new QLabel(this)), m_table(new QTableView(this)), m_capSummary(new QLabel(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_table->setObjectName(QStringLiteral("preview"));
    m_table->setModel(m_model);
    // Names give up width first: the result stays whole.
    PaddedDelegate::setUp(m_table)->setElasticColumns({PreviewModel::Trigger, PreviewModel::Package, PreviewModel::Method});
    m_capSummary->setObjectName(QStringLiteral("capSummary"));
    m_capSummary->setWordWrap(true);
    m_capSummary->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_capSummary);
    setFocusProxy(m_table);
    retranslateUi();
}

void PolicyPreviewPanel::showOutlook(const LineOutlook &outlook, const QHash<QString, QString> &packageNames,
                                     const QHash<QString, QString> &methodLabels)
{
    const QTimeZone zone = Formatter::zoneOf(m_service);
    const QString currency = Formatter::currencyOf(m_service);
    m_model->setItems(outlook.topUps, packageNames, methodLabels, zone, currency);
    const auto blocked = std::count_if(outlook.topUps.cbegin(), outlook.topUps.cend(), [](const PreviewItem &item) { return item.blocked(); });
    if (outlook.topUps.empty())
        m_status->setText(outlook.line.policy && outlook.line.policy->enabled
                              ? tr("No top-up in the next %n day(s) at the recent pace.", nullptr, m_days)
                              : tr("Auto top-up is off: nothing will happen by itself."));
    else if (blocked > 0)
        m_status->setText(tr("Blocked by a limit: %n of these top-ups (marked).", nullptr, int(blocked)));
    else
        m_status->setText(tr("At the recent pace of usage; times in %1.").arg(QString::fromUtf8(zone.id())));
    m_capSummary->setText(CapSummary::describe(outlook.months, currency));
}

void PolicyPreviewPanel::showInvalid()
{
    m_model->clear();
    m_status->setText(tr("Correct the fields marked in red to see what these rules would do."));
    m_capSummary->clear();
}

void PolicyPreviewPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PolicyPreviewPanel::retranslateUi()
{
    m_title->setText(tr("The next %n day(s) with these rules", nullptr, m_days));
    m_table->setAccessibleName(tr("Preview of the next top-ups"));
}

} // namespace topup
