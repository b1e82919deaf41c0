#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace topup {

// Names a person types (a card holder, a line's name) are shown in lists,
// History and the CSV export; they must not hold characters that are
// invisible there or change how the text around them reads: control
// characters (C0, DEL, C1), line and paragraph separators, and the
// bidirectional formatting characters (U+061C, U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069).
class PrintableText final
{
    Q_DECLARE_TR_FUNCTIONS(PrintableText)

public:
    PrintableText() = delete;

    // What is wrong with `text`, naming the first such character and where
    // it is (counted in characters from 1); none when every one may stay.
    [[nodiscard]] static std::optional<QString> problem(QStringView text);
};

} // namespace topup
