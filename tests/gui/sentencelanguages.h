#pragma once

// The languages a test of the core's sentences runs each case in: a row in
// English (the source texts) and one in Chinese, each with the sentence it
// expects, the row's catalogue installed while it runs.
#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QTest>
#include <QTranslator>

namespace topup::testing {

class SentenceLanguages final
{
public:
    // A row in English and one in Chinese (columns "language" and
    // "expected"), each with the sentence expected.
    static void addRows(const QString &english, const QString &chinese)
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en") << QString() << english;
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << chinese;
    }

    // The language of the row in use: "" is English (the source texts).
    void use(const QString &language)
    {
        if (language.isEmpty())
            return;
        QVERIFY(m_translator.load(QStringLiteral(":/i18n/topup_%1.qm").arg(language)));
        QLocale::setDefault(QLocale(language));
        QCoreApplication::installTranslator(&m_translator);
        m_translated = true;
    }

    // English again, after each case (the test's cleanup()).
    void restore()
    {
        if (m_translated)
            QCoreApplication::removeTranslator(&m_translator);
        m_translated = false;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

private:
    QTranslator m_translator;
    bool m_translated = false;
};

} // namespace topup::testing
