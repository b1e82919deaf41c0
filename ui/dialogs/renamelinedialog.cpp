#include "renamelinedialog.h"

#include "domain/linename.h"
#include "service/service.h"
#include "widgets/errorlabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace topup {

RenameLineDialog::RenameLineDialog(Service &service, qint64 lineId, const QString &name, QWidget *parent)
    : QDialog(parent), m_service(service), m_lineId(lineId), m_label(new QLabel(this)), m_name(new QLineEdit(name, this)),
      m_error(new ErrorLabel(QStringLiteral("lineNameError"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("renameLineDialog"));
    setWindowTitle(tr("Rename line"));
    m_name->setObjectName(QStringLiteral("lineName"));
    m_name->selectAll();
    m_label->setText(tr("&New name for %1:").arg(name));
    m_label->setWordWrap(true);
    m_label->setBuddy(m_name);
    m_name->setAccessibleName(tr("New name of the line"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Rename"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_name);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, &RenameLineDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RenameLineDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RenameLineDialog::reject);
    setMinimumWidth(420);
    validate();
}

void RenameLineDialog::validate()
{
    const std::optional<Failure> problem = LineName::problem(m_name->text());
    m_error->setError(problem ? problem->sentences() : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!problem);
}

void RenameLineDialog::accept()
{
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    if (const Expected<void> renamed = m_service.renameLine(m_lineId, m_name->text()); !renamed) {
        m_error->setError(renamed.sentences());
        return;
    }
    QDialog::accept();
}

} // namespace topup
