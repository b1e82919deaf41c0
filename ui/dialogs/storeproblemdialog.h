#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace topup {

// The data folder cannot be opened: says what and where, and offers Quit
// or "Start fresh" (the folder is moved aside, never deleted) — or, when the
// cause passes (a full disk, a lock held by another program), Quit or "Try
// again", since nothing is wrong with the data.
class StoreProblemDialog final : public QDialog
{
    Q_OBJECT

public:
    StoreProblemDialog(const QString &folder, const QString &problem, QWidget *parent = nullptr);

    // Off while another instance uses the folder: only Quit is offered.
    void setStartFreshAllowed(bool allowed);
    // On when the cause passes: "Try again" (the default) instead of "Start fresh".
    void setRetryOffered(bool offered);
    // On for a world on a PostgreSQL server (`folder` is then its URL): the
    // dialog speaks of the database and the server, and never offers to
    // start fresh.
    void setOnServer(bool onServer);
    QPushButton *quitButton() const noexcept { return m_quit; }
    QPushButton *startFreshButton() const noexcept { return m_fresh; }
    QPushButton *tryAgainButton() const noexcept { return m_retry; }
    static constexpr int StartFresh = QDialog::Accepted;
    static constexpr int TryAgain = QDialog::Accepted + 1;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    // The problem's sentences as rich text, one a line.
    QString problemHtml() const;

    QString m_folder;
    QString m_problem;
    QLabel *m_text = nullptr;
    QPushButton *m_quit = nullptr;
    QPushButton *m_fresh = nullptr;
    QPushButton *m_retry = nullptr;
    bool m_freshAllowed = true;
    bool m_retryOffered = false;
    bool m_onServer = false;
};

} // namespace topup
