#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace topup {

// The data folder cannot be opened: says what and where, and offers Quit
// or "Start fresh" (the folder is moved aside, never deleted).
class StoreProblemDialog final : public QDialog
{
    Q_OBJECT

public:
    StoreProblemDialog(const QString &folder, const QString &problem, QWidget *parent = nullptr);

    // Off while another instance uses the folder: only Quit is offered.
    void setStartFreshAllowed(bool allowed);
    QPushButton *quitButton() const noexcept { return m_quit; }
    QPushButton *startFreshButton() const noexcept { return m_fresh; }
    static constexpr int StartFresh = QDialog::Accepted;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_folder;
    QString m_problem;
    QLabel *m_text = nullptr;
    QPushButton *m_quit = nullptr;
    QPushButton *m_fresh = nullptr;
    bool m_freshAllowed = true;
};

} // namespace topup
