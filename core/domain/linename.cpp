#include "linename.h"

#include "printabletext.h"

namespace topup {

std::optional<QString> LineName::problem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("a line needs a name");
    if (name.trimmed().size() > maxLength)
        return tr("a line's name is at most %1 characters").arg(maxLength);
    if (const std::optional<QString> problem = PrintableText::problem(name))
        return tr("the line's name %1").arg(*problem);
    return std::nullopt;
}

} // namespace topup
