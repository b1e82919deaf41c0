#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace topup {

// The engine names methods, lines and packages by text ("M12", "L3", "P7"),
// as scenario files do; the store by row id. This is the one place that
// turns one into the other, both ways: no 'M' || id in SQL, no mid(1).
class EngineId final
{
public:
    EngineId() = delete;

    [[nodiscard]] static QString method(qint64 row) { return make(u'M', row); }
    [[nodiscard]] static QString line(qint64 row) { return make(u'L', row); }
    [[nodiscard]] static QString package(qint64 row) { return make(u'P', row); }

    // The row behind an id of that kind; none for another kind, an empty id
    // or anything but a positive row number after the letter.
    [[nodiscard]] static std::optional<qint64> methodRow(QStringView id) { return rowOf(u'M', id); }
    [[nodiscard]] static std::optional<qint64> lineRow(QStringView id) { return rowOf(u'L', id); }
    [[nodiscard]] static std::optional<qint64> packageRow(QStringView id) { return rowOf(u'P', id); }

private:
    static QString make(char16_t letter, qint64 row) { return QChar(letter) + QString::number(row); }
    static std::optional<qint64> rowOf(char16_t letter, QStringView id);
};

} // namespace topup
