// Every page of this branch on the demo world at 1280×800, grabbed; each
// grab must not be blank. With TOPUP_PAGES_SHOTS=DIR the PNGs are kept
// there for a person to look at.
#include "testmain.h"
#include "pagesfixture.h"

#include "dialogs/addcarddialog.h"
#include "pages/alertspage.h"
#include "pages/historypage.h"
#include "pages/linepage.h"
#include "pages/paymentspage.h"
#include "pages/policyeditor.h"

#include <QPushButton>

#include <QDir>
#include <QImage>
#include <QPalette>
#include <QLineEdit>
#include <QPixmap>
#include <QStyleFactory>
#include <QTranslator>

namespace tst_pagesscreenshots {

using namespace topup;
using namespace topup::testing;

namespace {

// Distinct colours in a coarse sample: a blank or one-colour grab has one or two.
int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestPagesScreenshots final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        // TOPUP_PAGES_QM=FILE.qm shows the pages in that translation (with its locale: TOPUP_PAGES_LOCALE).
        if (const QString qm = qEnvironmentVariable("TOPUP_PAGES_QM"); !qm.isEmpty()) {
            QVERIFY(m_translator.load(qm));
            QCoreApplication::installTranslator(&m_translator);
            QLocale::setDefault(QLocale(qEnvironmentVariable("TOPUP_PAGES_LOCALE", QStringLiteral("zh_CN"))));
        }
        if (qEnvironmentVariableIsSet("TOPUP_PAGES_DARK")) {
            // Roughly the framework's dark palette, to see that pages and charts follow it.
            QPalette dark;
            dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
            dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
            dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
            dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
            dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
            dark.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
            dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
            QApplication::setPalette(dark);
        }
        QFont font(QStringLiteral("DejaVu Sans"));
        if (QLocale().language() == QLocale::Chinese)
            font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("DejaVu Sans")});
        font.setPointSize(10);
        QApplication::setFont(font);
        m_service = demoWorld(m_dir.path(), at("2027-06-20T10:00:00Z"));
        QVERIFY(m_service);
        m_out = qEnvironmentVariable("TOPUP_PAGES_SHOTS");
        if (!m_out.isEmpty())
            QDir().mkpath(m_out);
    }

    void pages_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"line-rules", "test-topup", "payments", "add-card-errors", "history", "alerts"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void pages()
    {
        QFETCH(QString, name);
        std::unique_ptr<QWidget> page;
        QWidget *shot = nullptr;
        const qint64 firstLine = m_service->lines()->front().id;
        if (name == QLatin1String("line-rules") || name == QLatin1String("test-topup")) {
            auto *line = new LinePage(*m_service);
            page.reset(line);
            line->showLine(firstLine);
            if (name == QLatin1String("test-topup")) {
                line->showTestTab();
                QVERIFY(m_service->drainLine(firstLine));
            } else {
                line->showRulesTab();
            }
            m_line = line;
        } else if (name == QLatin1String("payments") || name == QLatin1String("add-card-errors")) {
            auto *payments = new PaymentsPage(*m_service);
            page.reset(payments);
            if (name == QLatin1String("add-card-errors")) {
                page->resize(1280, 800);
                page->show();
                AddCardDialog *dialog = payments->openAddCardDialog();
                QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("cardNumber")), QStringLiteral("4111 1111 1111 1112"));
                QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("expiry")), QStringLiteral("13/24"));
                QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("securityCode")), QStringLiteral("12"));
                QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("holder")), QStringLiteral("Alex Demo"));
                dialog->adjustSize();
                shot = dialog;
            }
        } else if (name == QLatin1String("history")) {
            page = std::make_unique<HistoryPage>(*m_service);
        } else {
            page = std::make_unique<AlertsPage>(*m_service);
        }
        page->resize(1280, 800);
        page->show();
        QCoreApplication::processEvents();
        QTest::qWait(400); // the debounced preview
        QCoreApplication::processEvents();
        if (name == QLatin1String("line-rules")) {
            // Nothing edited: the saved rules are shown, Save and Cancel are off.
            QVERIFY(!m_line->rules()->isDirty());
            QVERIFY(!m_line->rules()->findChild<QPushButton *>(QStringLiteral("save"))->isEnabled());
        }
        const QImage image = (shot ? shot : page.get())->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY2(colourCount(image) > 8, qPrintable(name));
        if (!m_out.isEmpty())
            QVERIFY(image.save(QDir(m_out).filePath(name + QStringLiteral(".png"))));
        if (shot)
            shot->close();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Service> m_service;
    QString m_out;
    LinePage *m_line = nullptr;
    QTranslator m_translator;
};

TOPUP_TEST_MAIN(TestPagesScreenshots)
} // namespace tst_pagesscreenshots
#include "tst_pagesscreenshots.moc"
