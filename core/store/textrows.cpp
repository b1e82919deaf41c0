#include "textrows.h"

#include "statement.h"

namespace topup {

TextRows TextRows::throughQtSql(Statement &insert, Statement &select, Statement &update)
{
    return TextRows{[&insert](qint64 line, qint64 hour, const QByteArray &text) -> Expected<bool> {
                          insert.set(0, line).set(1, hour).set(2, QString::fromLatin1(text));
                          if (const Expected<void> ran = insert.run(); !ran)
                              return Expected<bool>::failure(ran);
                          return insert.rowsAffected() > 0;
                      },
                      [&select](qint64 line, qint64 hour) -> Expected<std::optional<QByteArray>> {
                          select.set(0, line).set(1, hour);
                          if (const Expected<void> ran = select.run(); !ran)
                              return Expected<std::optional<QByteArray>>::failure(ran);
                          std::optional<QByteArray> text;
                          if (select.next())
                              text = select.text(0).toLatin1();
                          select.finish();
                          return text;
                      },
                      [&update](qint64 line, qint64 hour, const QByteArray &text) -> Expected<void> {
                          update.set(0, QString::fromLatin1(text)).set(1, line).set(2, hour);
                          return update.run();
                      }};
}

} // namespace topup
