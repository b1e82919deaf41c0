#include "fieldmessages.h"

#include "errorlabel.h"

#include <QLineEdit>
#include <QStringList>

namespace topup {

void FieldMessages::add(const QString &path, ErrorLabel *label, QWidget *field)
{
    m_fields.push_back(Field{path, label, field});
}

void FieldMessages::setRest(ErrorLabel *label, QWidget *field)
{
    m_rest = Field{QString(), label, field};
}

void FieldMessages::show(const QHash<QString, QString> &messages) const
{
    QHash<QString, QString> rest = messages;
    for (const Field &field : m_fields) {
        QStringList found;
        for (auto it = rest.begin(); it != rest.end();) {
            if (it.key() == field.path || it.key().startsWith(field.path + QLatin1Char('.'))) {
                found << it.value();
                it = rest.erase(it);
            } else {
                ++it;
            }
        }
        field.label->setError(found.join(QLatin1Char('\n')));
    }
    QStringList others;
    for (auto it = rest.cbegin(); it != rest.cend(); ++it)
        others << it.value();
    if (m_rest.label)
        m_rest.label->setError(others.join(QLatin1Char('\n')));
}

bool FieldMessages::focusFirst() const
{
    std::vector<Field> inOrder = m_fields;
    inOrder.push_back(m_rest);
    for (const Field &field : inOrder) {
        if (!field.label || field.label->error().isEmpty() || !field.widget)
            continue;
        field.widget->setFocus(Qt::OtherFocusReason);
        if (auto *edit = qobject_cast<QLineEdit *>(field.widget))
            edit->selectAll();
        return true;
    }
    return false;
}

} // namespace topup
