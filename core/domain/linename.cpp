#include "linename.h"

#include "printabletext.h"

namespace topup {

std::optional<Failure> LineName::problem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Failure(tr("a line needs a name"), tr("A line needs a name."));
    if (name.trimmed().size() > maxLength)
        return Failure(tr("a line's name is at most %1 characters").arg(maxLength),
                       tr("A line's name is at most %1 characters.").arg(maxLength));
    if (const std::optional<QString> problem = PrintableText::problem(name))
        //: %1 says what the name holds and what to do, e.g. "holds an invisible control character (U+0007) at character 3; remove it"
        return Failure(tr("the line's name %1").arg(*problem), tr("The line's name %1.").arg(*problem));
    return std::nullopt;
}

} // namespace topup
