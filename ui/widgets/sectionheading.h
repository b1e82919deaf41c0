#pragma once

class QLabel;
class QWidget;

namespace topup {

// A section title inside a page: the page's font, bold and a tenth larger.
[[nodiscard]] QLabel *makeSectionHeading(QWidget *parent);

} // namespace topup
