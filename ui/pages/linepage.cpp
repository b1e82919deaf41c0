#include "linepage.h"

#include "dialogs/renamelinedialog.h"
#include "text/formatter.h"
#include "linetestpanel.h"
#include "policyeditor.h"
#include "service/service.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace topup {

LinePage::LinePage(Service &service, QWidget *parent)
    : QWidget(parent), m_service(service), m_pickerLabel(new QLabel(this)), m_picker(new QComboBox(this)),
      m_rename(new QPushButton(this)), m_remove(new QPushButton(this)), m_add(new QPushButton(this)), m_subtitle(new QLabel(this)),
      m_stack(new QStackedWidget(this)), m_tabs(new QTabWidget(m_stack)), m_rules(new PolicyEditor(service, m_tabs)),
      m_test(new LineTestPanel(service, m_tabs)), m_empty(new QWidget(m_stack)), m_emptyText(new QLabel(m_empty)),
      m_emptyAdd(new QPushButton(m_empty))
{
    QFont titleFont = m_picker->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_picker->setFont(titleFont);
    m_picker->setObjectName(QStringLiteral("linePicker"));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pickerLabel->setBuddy(m_picker);
    m_rename->setObjectName(QStringLiteral("renameLine"));
    m_remove->setObjectName(QStringLiteral("removeLine"));
    m_add->setObjectName(QStringLiteral("addLine"));
    m_subtitle->setObjectName(QStringLiteral("lineSubtitle"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_tabs->setObjectName(QStringLiteral("lineTabs"));
    m_tabs->addTab(m_rules, QString());
    m_tabs->addTab(m_test, QString());

    m_emptyText->setObjectName(QStringLiteral("noLines"));
    m_emptyText->setWordWrap(true);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyAdd->setObjectName(QStringLiteral("addLineEmpty"));
    auto *emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addWidget(m_emptyAdd, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_empty);

    auto *header = new QHBoxLayout;
    header->addWidget(m_pickerLabel);
    header->addWidget(m_picker);
    header->addWidget(m_rename);
    header->addWidget(m_remove);
    header->addStretch(1);
    header->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_stack, 1);

    connect(m_picker, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        showLine(m_picker->itemData(index).toLongLong());
        // Staying (Cancel) puts the picker back on the line still shown.
        m_picker->setCurrentIndex(std::max(0, m_picker->findData(m_lineId)));
    });
    connect(m_rename, &QPushButton::clicked, this, &LinePage::renameLine);
    connect(m_remove, &QPushButton::clicked, this, &LinePage::removeLine);
    for (QPushButton *add : {m_add, m_emptyAdd})
        connect(add, &QPushButton::clicked, this, &LinePage::addLineRequested);
    connect(&m_service, &Service::lineAdded, this, &LinePage::refreshLines);
    connect(&m_service, &Service::lineRemoved, this, &LinePage::refreshLines);
    connect(&m_service, &Service::linesChanged, this, &LinePage::refreshLines);
    connect(&m_service, &Service::accountChanged, this, [this] {
        switchTo(0); // another account's lines
        refreshLines();
    });
    connect(m_rules, &PolicyEditor::dirtyChanged, this, &LinePage::retranslateUi);
    retranslateUi();
}

void LinePage::retranslateUi()
{
    m_pickerLabel->setText(tr("L&ine:"));
    m_picker->setAccessibleName(tr("Line shown"));
    m_rename->setText(tr("Re&name…"));
    m_rename->setAccessibleName(tr("Rename the line"));
    m_remove->setText(tr("Remo&ve…"));
    m_remove->setAccessibleName(tr("Remove the line"));
    m_add->setText(tr("A&dd eSIM line…"));
    m_add->setAccessibleName(tr("Add an eSIM line"));
    m_emptyText->setText(tr("No lines yet. Buy an eSIM line from the carrier's catalog to set its auto top-up and try it out."));
    m_emptyAdd->setText(tr("A&dd eSIM line…"));
    m_emptyAdd->setAccessibleName(tr("Add an eSIM line"));
    m_tabs->setTabText(0, m_rules->isDirty() ? tr("&Rules (unsaved)") : tr("&Rules"));
    m_tabs->setTabText(1, tr("&Test auto top-up"));
    m_tabs->setAccessibleName(tr("Line details"));
    refreshLines();
}

void LinePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LinePage::showEvent(QShowEvent *event)
{
    refreshLines();
    QWidget::showEvent(event);
}

void LinePage::refreshLines()
{
    const Expected<std::vector<LineRecord>> lines = m_service.account() ? m_service.lines() : Expected<std::vector<LineRecord>>(std::vector<LineRecord>());
    const std::vector<LineRecord> shown = lines ? *lines : std::vector<LineRecord>();
    // Every clock step says linesChanged: refill only when the lines did
    // change, so that the list is not reset while the user has it open.
    bool same = int(shown.size()) == m_picker->count();
    for (int i = 0; same && i < m_picker->count(); ++i)
        same = m_picker->itemText(i) == shown[std::size_t(i)].name && m_picker->itemData(i).toLongLong() == shown[std::size_t(i)].id;
    if (!same) {
        const QSignalBlocker quiet(m_picker);
        m_picker->clear();
        for (const LineRecord &line : shown)
            m_picker->addItem(line.name, line.id);
    }
    const auto current = std::find_if(shown.cbegin(), shown.cend(), [this](const LineRecord &line) { return line.id == m_lineId; });
    if (current == shown.cend()) {
        // No line chosen yet, or the one shown was removed: the first, if any.
        switchTo(shown.empty() ? 0 : shown.front().id);
        if (!shown.empty())
            return; // switchTo refreshed
    }
    m_picker->setCurrentIndex(std::max(0, m_picker->findData(m_lineId)));
    m_stack->setCurrentWidget(shown.empty() ? m_empty : static_cast<QWidget *>(m_tabs));
    for (QWidget *needsLine : {static_cast<QWidget *>(m_pickerLabel), static_cast<QWidget *>(m_picker),
                               static_cast<QWidget *>(m_rename), static_cast<QWidget *>(m_remove)})
        needsLine->setVisible(!shown.empty());
    if (current == shown.cend()) {
        m_subtitle->clear();
        return;
    }
    const QString region = current->region.isEmpty() ? QString() : Service::regionName(current->region);
    m_subtitle->setText(region.isEmpty() ? tr("eSIM line") : tr("eSIM line · %1").arg(region));
}

void LinePage::switchTo(qint64 lineId)
{
    if (lineId == m_lineId)
        return;
    m_lineId = lineId;
    m_rules->setLine(lineId);
    m_test->setLine(lineId);
    emit lineChanged(lineId);
    if (lineId != 0)
        refreshLines();
}

bool LinePage::confirmLeave()
{
    if (!m_rules->isDirty())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved rules"),
                    tr("The auto top-up rules of %1 have changes that are not saved.").arg(m_picker->currentText()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedRulesBox"));
    box.setDefaultButton(QMessageBox::Save);
    const int answer = box.exec();
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
    switchTo(lineId);
}

void LinePage::showRulesTab()
{
    m_tabs->setCurrentWidget(m_rules);
}

void LinePage::showTestTab()
{
    m_tabs->setCurrentWidget(m_test);
}

void LinePage::renameLine()
{
    if (m_lineId == 0)
        return;
    RenameLineDialog dialog(m_service, m_lineId, m_picker->currentText(), this);
    dialog.exec();
}

void LinePage::removeLine()
{
    if (m_lineId == 0)
        return;
    const QString name = m_picker->currentText();
    QMessageBox box(QMessageBox::Warning, tr("Remove line"), tr("Remove %1?").arg(name), QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("removeLineBox"));
    box.setInformativeText(tr("Its balance is given up and its auto top-ups stop, pending retries and monthly top-ups "
                              "included. Its top-ups, usage and alerts stay in History, marked as a removed line."));
    QPushButton *remove = box.addButton(tr("Remove line"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    if (const Expected<void> removed = m_service.removeLine(m_lineId); !removed)
        QMessageBox::warning(this, tr("Remove line"), tr("%1 was not removed. %2").arg(name, removed.sentences()));
}

void LinePage::setDataUnits(DataUnits units)
{
    m_test->setDataUnits(units);
    m_rules->setDataUnits(units);
}

} // namespace topup
