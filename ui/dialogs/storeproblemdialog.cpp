#include "storeproblemdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace topup {

StoreProblemDialog::StoreProblemDialog(const QString &folder, const QString &problem, QWidget *parent)
    : QDialog(parent)
    , m_folder(folder)
    , m_problem(problem)
{
    setObjectName(QStringLiteral("storeProblemDialog"));
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("problemText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMinimumWidth(460);
    auto *buttons = new QDialogButtonBox(this);
    m_fresh = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_fresh->setObjectName(QStringLiteral("startFreshButton"));
    m_retry = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(QStringLiteral("tryAgainButton"));
    m_retry->setVisible(false);
    connect(m_retry, &QPushButton::clicked, this, [this] { done(TryAgain); });
    m_quit = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_quit->setObjectName(QStringLiteral("quitButton"));
    m_quit->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    retranslateUi();
}

void StoreProblemDialog::setStartFreshAllowed(bool allowed)
{
    m_freshAllowed = allowed;
    m_fresh->setVisible(allowed);
    retranslateUi();
}

void StoreProblemDialog::setRetryOffered(bool offered)
{
    m_retryOffered = offered;
    m_retry->setVisible(offered);
    m_retry->setDefault(offered);
    m_quit->setDefault(!offered);
    m_fresh->setVisible(m_freshAllowed && !offered);
    retranslateUi();
}

void StoreProblemDialog::setOnServer(bool onServer)
{
    m_onServer = onServer;
    if (onServer)
        setStartFreshAllowed(false);
    retranslateUi();
}

void StoreProblemDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void StoreProblemDialog::retranslateUi()
{
    m_fresh->setText(tr("&Start fresh"));
    m_retry->setText(tr("&Try again"));
    m_quit->setText(tr("&Quit"));
    if (m_onServer) {
        // The message above says what the server answered (or that none
        // did); another desktop using the world is one cause among several.
        setWindowTitle(tr("The database cannot be opened"));
        const QString next = m_retryOffered
                                 ? tr("Nothing in the database was changed. <b>Try again</b> once the server answers, or once "
                                      "the other TopUp Dashboard using this world is closed; <b>Quit</b> leaves everything as it is.")
                                 : tr("Nothing in the database was changed. <b>Quit</b>, and show the message above to whoever "
                                      "runs the server.");
        m_text->setText(tr("<p><b>TopUp cannot open its data.</b></p><p>%1</p><p>Database: <tt>%2</tt></p><p>%3</p>")
                            .arg(problemHtml(), m_folder.toHtmlEscaped(), next));
        return;
    }
    setWindowTitle(tr("The data folder cannot be opened"));
    QString next;
    if (!m_freshAllowed)
        next = m_retryOffered ? tr("Another TopUp Dashboard is using this folder: close it, then choose <b>Try again</b>.")
                              : tr("Another TopUp Dashboard is using this folder: close it, then start again.");
    else if (m_retryOffered)
        next = tr("Nothing in the folder was changed. <b>Try again</b> once that is resolved; <b>Quit</b> leaves everything as it is.");
    else
        next = tr("<b>Start fresh</b> moves this folder aside as a dated backup next to it (nothing is deleted) and starts with an "
                  "empty one. <b>Quit</b> leaves everything as it is.");
    m_text->setText(tr("<p><b>TopUp cannot open its data.</b></p><p>%1</p><p>Folder: <tt>%2</tt></p><p>%3</p>")
                        .arg(problemHtml(), m_folder.toHtmlEscaped(), next));
}

QString StoreProblemDialog::problemHtml() const
{
    // One sentence a line: what is wrong and what to do, then what the
    // system or the database said.
    return m_problem.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

} // namespace topup
