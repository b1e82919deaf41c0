#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QVariant>

namespace topup {

// The named colours of states (ok, warning, error, info), each with a light
// and a dark variant; every page and chart takes its state colours from here,
// never a hard-coded colour. The variant follows the palette's lightness.
enum class StateColor { Ok, Warning, Error, Info };

[[nodiscard]] bool isDarkPalette(const QPalette &palette);
[[nodiscard]] QColor stateColor(StateColor state, const QPalette &palette);
// The empty part of a bar on a Base background, seen in either theme.
[[nodiscard]] QColor trackColor(const QPalette &palette);
// The mark beside a state's words (never colour alone): the style's icon.
[[nodiscard]] QIcon stateIcon(StateColor state);
// A table row of an outcome (an attempt, a previewed top-up) in a model's
// Qt::DecorationRole or Qt::ForegroundRole: the state's icon in the column
// that names the outcome, the state's colour on failed and blocked rows
// (the icon says the same without colour); nothing for any other role.
[[nodiscard]] QVariant outcomeRowData(StateColor state, int role, bool outcomeColumn);

} // namespace topup
