#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace topup {

class ErrorLabel;
class Service;

// Renames a line: the name as typed, its problem under the field as it is
// typed (LineName), Rename off until it may be saved; History follows.
class RenameLineDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RenameLineDialog)

public:
    RenameLineDialog(Service &service, qint64 lineId, const QString &name, QWidget *parent = nullptr);

public slots:
    void accept() override;

private:
    void validate();

    Service &m_service;
    qint64 m_lineId;
    QLabel *m_label;
    QLineEdit *m_name;
    ErrorLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace topup
