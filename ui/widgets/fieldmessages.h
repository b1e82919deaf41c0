#pragma once

#include <QHash>
#include <QString>

#include <vector>

class QWidget;

namespace topup {

class ErrorLabel;

// A form's messages by field path ("threshold.below", "monthly.day"): each
// goes under the first field, in the order they were added, whose path is
// the message's path or a prefix of it; the rest under the whole form.
// Fields are added in the form's order, more precise paths first, so that
// "the first problem" is the first one a person reads.
class FieldMessages final
{
public:
    void add(const QString &path, ErrorLabel *label, QWidget *field);
    // Where messages no field claims go, and the field to focus for them.
    void setRest(ErrorLabel *label, QWidget *field);

    void show(const QHash<QString, QString> &messages) const;
    // Focuses (and selects the text of) the first field that shows a
    // message; false when none does.
    bool focusFirst() const;

private:
    struct Field
    {
        QString path;
        ErrorLabel *label;
        QWidget *widget;
    };
    std::vector<Field> m_fields;
    Field m_rest{QString(), nullptr, nullptr};
};

} // namespace topup
