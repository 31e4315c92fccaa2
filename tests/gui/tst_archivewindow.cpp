#include "../archive/generated.h"
#include "../archive/orderhistorygenerator.h"
#include "archive/archive.h"
#include "guitestsupport.h"
#include "render/heatcolor.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

using namespace Stepscope;
using namespace Stepscope::Test;

namespace {

// Validate → Fanout (Parallel: Charge) → Ship, the shape of generated.h's executions.
const QByteArray OrdersDefinition = R"({"StartAt": "Validate", "States": {
  "Validate": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:v", "Next": "Fanout"},
  "Fanout": {"Type": "Parallel", "Next": "Ship", "Branches": [
    {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:c", "End": true}}}]},
  "Ship": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:s", "End": true}}})";

QColor pixelAt(const QImage& image, QQuickItem* item, QPointF local)
{
    return image.pixelColor((item->mapToScene(local) * image.devicePixelRatio()).toPoint());
}

bool near(const QColor& a, const QColor& b, int tolerance = 16)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

// The archive in the real window under Xvfb: heat map on the canvas, the executions browser, import with progress.
class TestArchiveWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_definition;

    std::unique_ptr<MainWindow> open(const QString& db, const QString& definition = {})
    {
        QVariantMap properties;
        if (!definition.isEmpty())
            properties.insert(QStringLiteral("initialFile"), definition);
        auto main = openMainWindow(properties);
        if (!main || !QTest::qWaitForWindowExposed(main->window))
            return nullptr;
        main->window->requestActivate(); // window shortcuts go to the active window
        if (!QTest::qWaitForWindowActive(main->window))
            return nullptr;
        main->window->property("archiveSession").value<QObject*>()->setProperty("path", db);
        if (!definition.isEmpty()) {
            QObject* c = main->controller();
            if (!QTest::qWaitFor([c] { return c->property("hasDocument").toBool() && !c->property("busy").toBool(); }, 30000))
                return nullptr;
        }
        return main;
    }

    static QObject* object(const MainWindow& main, const char* property)
    {
        return main.window->property(property).value<QObject*>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("StepscopeTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_archivewindow"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_db = m_dir.filePath(QStringLiteral("archive.sqlite"));
        Archive archive;
        QVERIFY2(archive.open(m_db), qPrintable(archive.errorString()));
        for (int n = 0; n < 20; ++n)
            archive.importExecution(generatedExecution(n));
        for (int n = 0; n < 3; ++n)
            archive.importExecution(generatedExecution(n, QStringLiteral("Billing")));
        m_definition = m_dir.filePath(QStringLiteral("Orders.asl.json"));
        QVERIFY(writeFile(m_definition, OrdersDefinition));
    }

    void heatToggleColoursStates()
    {
        auto main = open(m_db, m_definition);
        QVERIFY(main);
        QObject* heat = object(*main, "heatMap");
        QVERIFY(heat);
        QVERIFY(!heat->property("active").toBool());
        // View › Heat map by its shortcut.
        QTest::keyClick(main->window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(heat->property("enabled").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(heat->property("active").toBool(), 10000);
        QCOMPARE(heat->property("shownStateMachine").toString(), QStringLiteral("Orders"));
        QString label;
        QMetaObject::invokeMethod(heat, "labelFor", Q_RETURN_ARG(QString, label), Q_ARG(QString, QStringLiteral("Fanout/0/Charge")));
        QVERIFY2(label.startsWith(QStringLiteral("25% failed (5/20)")), qPrintable(label));
        QVERIFY2(label.contains(QStringLiteral("PaymentDeclined")), qPrintable(label));
        // The node's tooltip text carries it too.
        QQuickItem* chargeNode = main->item("node:Charge");
        QVERIFY(chargeNode);
        QTRY_COMPARE(chargeNode->property("heatLabel").toString(), label);

        QQuickItem* legend = main->item("heatLegend");
        QVERIFY(legend && legend->isVisible());
        QQuickItem* charge = main->item("heat:Fanout/0/Charge");
        QQuickItem* validate = main->item("heat:Validate");
        QVERIFY(charge && validate);
        QImage image = main->window->grabWindow();
        QColor c = pixelAt(image, charge, QPointF(5, charge->height() - 4));
        QVERIFY2(near(c, heatColor(0.25)), qPrintable(c.name() + " vs " + heatColor(0.25).name()));
        c = pixelAt(image, validate, QPointF(5, validate->height() - 4));
        QVERIFY2(near(c, heatColor(0.0)), qPrintable(c.name()));
        QVERIFY2(countColor(image, heatColor(0.0), 6) > 100, "the legend's and Validate's light swatches");

        // Another measure: p95 duration, where Charge (100-119 ms) is the slowest state: dark red.
        heat->setProperty("measure", QStringLiteral("p95"));
        QTRY_VERIFY_WITH_TIMEOUT(heat->property("title").toString() == QStringLiteral("p95 duration"), 10000);
        charge = main->item("heat:Fanout/0/Charge");
        QVERIFY(charge);
        QTest::qWait(50);
        image = main->window->grabWindow();
        c = pixelAt(image, charge, QPointF(5, charge->height() - 4));
        QVERIFY2(c.red() > 130 && c.green() < 40 && c.blue() < 80, qPrintable(c.name()));

        // Off again: the layer and the legend go.
        QTest::keyClick(main->window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(!heat->property("active").toBool());
        QTRY_VERIFY(!legend->isVisible());
    }

    void heatSaysWhyNothingIsColoured()
    {
        auto main = open(m_dir.filePath(QStringLiteral("missing.sqlite")), m_definition);
        QVERIFY(main);
        QObject* heat = object(*main, "heatMap");
        heat->setProperty("enabled", true);
        QTRY_VERIFY(heat->property("message").toString().contains(QStringLiteral("No archive at")));
        QVERIFY(!heat->property("active").toBool());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("missing.sqlite")))); // reading never creates it
    }

    void browserListsAndFilters()
    {
        auto main = open(m_db);
        QVERIFY(main);
        QTest::keyClick(main->window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        auto* browser = qobject_cast<QQuickWindow*>(object(*main, "executionsWindow"));
        QVERIFY(browser);
        QVERIFY(browser);
        QVERIFY(QTest::qWaitForWindowExposed(browser));
        QObject* model = object(*main, "executionList");
        QTRY_COMPARE(model->property("total").toInt(), 23);
        auto* list = MainWindow::findItem(browser->contentItem(), QStringLiteral("executionList"));
        QVERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), 23);
        // Newest first: exec-19 of Orders starts last.
        QTRY_VERIFY(MainWindow::findItem(browser->contentItem(), QStringLiteral("execution:exec-19")));

        model->setProperty("status", QStringLiteral("FAILED"));
        QTRY_COMPARE(model->property("total").toInt(), 5);
        model->setProperty("status", QString());
        model->setProperty("error", QStringLiteral("*Timeout"));
        QTRY_COMPARE(model->property("total").toInt(), 3); // Ship caught ShipTimeout in exec-4, 9 and 14 of Orders
        model->setProperty("error", QString());
        // Typing in the text filter like a user.
        auto* field = MainWindow::findItem(browser->contentItem(), QStringLiteral("textFilter"));
        QVERIFY(field);
        browser->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(browser));
        field->forceActiveFocus();
        for (const QChar ch : QStringLiteral("order-17"))
            QTest::keyClick(browser, ch.toLatin1());
        QTRY_COMPARE(model->property("total").toInt(), 1);
        QTRY_VERIFY(MainWindow::findItem(browser->contentItem(), QStringLiteral("execution:exec-17")));
        field->setProperty("text", QString());
        model->setProperty("stateMachine", QStringLiteral("Billing"));
        model->setProperty("since", QStringLiteral("2023-11-14T22:14:20Z")); // 1700000060000: Billing 1 and 2
        QTRY_COMPARE(model->property("total").toInt(), 2);
        model->setProperty("since", QStringLiteral("not a time"));
        QTRY_VERIFY(model->property("message").toString().contains(QStringLiteral("Cannot read the since time")));
        QCOMPARE(model->property("total").toInt(), 3);
    }

    void openingFromTheBrowserShowsTheExecution()
    {
        auto main = open(m_db, m_definition);
        QVERIFY(main);
        QMetaObject::invokeMethod(main->window, "showExecutions");
        auto* browser = qobject_cast<QQuickWindow*>(object(*main, "executionsWindow"));
        QVERIFY(browser);
        QVERIFY(QTest::qWaitForWindowExposed(browser));
        QObject* model = object(*main, "executionList");
        model->setProperty("text", QStringLiteral("order-7"));
        QTRY_COMPARE(model->property("total").toInt(), 1);
        auto* list = MainWindow::findItem(browser->contentItem(), QStringLiteral("executionList"));
        QVERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), 1);
        browser->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(browser));
        list->forceActiveFocus();
        list->setProperty("currentIndex", 0);
        QTest::keyClick(browser, Qt::Key_Return);
        // exec-7 failed in Charge; the archive has no source file for it: a rebuilt history, said so on screen.
        QObject* c = main->controller();
        QTRY_VERIFY_WITH_TIMEOUT(c->property("hasExecution").toBool() && !c->property("busy").toBool(), 30000);
        QVERIFY(c->property("failed").toBool());
        QCOMPARE(c->property("workflowName").toString(), QStringLiteral("Orders"));
        QObject* inspector = c->property("inspector").value<QObject*>();
        QTRY_COMPARE(inspector->property("name").toString(), QStringLiteral("Charge"));
        QCOMPARE(inspector->property("error").toString(), QStringLiteral("PaymentDeclined"));
        QVERIFY(browser->property("openedNote").toString().contains(QStringLiteral("Rebuilt from the archive")));
        auto* note = MainWindow::findItem(browser->contentItem(), QStringLiteral("rebuiltNote"));
        QVERIFY(note && note->isVisible());
    }

    void openingAnImportedFileOpensTheFile()
    {
        // A history imported from a file that is still there opens that file itself.
        QTemporaryDir dir;
        const QString history = dir.filePath(QStringLiteral("run-3.json"));
        QVERIFY(writeFile(history, generatedHistory(3)));
        const QString db = dir.filePath(QStringLiteral("files.sqlite"));
        auto main = open(db);
        QVERIFY(main);
        QObject* importer = object(*main, "archiveImporter");
        QVERIFY(QMetaObject::invokeMethod(importer, "startPaths", Q_ARG(QStringList, QStringList { history })));
        QTRY_VERIFY_WITH_TIMEOUT(importer->property("finishedOnce").toBool(), 30000);
        QCOMPARE(importer->property("imported").toInt(), 1);
        QMetaObject::invokeMethod(main->window, "showExecutions");
        auto* browser = qobject_cast<QQuickWindow*>(object(*main, "executionsWindow"));
        QObject* model = object(*main, "executionList");
        QTRY_COMPARE(model->property("total").toInt(), 1);
        auto* list = MainWindow::findItem(browser->contentItem(), QStringLiteral("executionList"));
        QTRY_COMPARE(list->property("count").toInt(), 1);
        list->setProperty("currentIndex", 0);
        QMetaObject::invokeMethod(browser, "openCurrent");
        QObject* c = main->controller();
        QTRY_VERIFY_WITH_TIMEOUT(c->property("hasExecution").toBool() && !c->property("busy").toBool(), 30000);
        QCOMPARE(c->property("historyPath").toString(), QFileInfo(history).absoluteFilePath());
        QVERIFY(c->property("failed").toBool()); // n % 4 == 3 fails in Charge
        QVERIFY(browser->property("openedNote").toString().isEmpty());
    }

    void importWithProgressAndCancel()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("histories"));
        QVERIFY(QDir().mkpath(folder));
        constexpr int Files = 1200;
        for (int n = 0; n < Files; ++n)
            QVERIFY(writeFile(QStringLiteral("%1/h%2.json").arg(folder).arg(n, 5, 10, QLatin1Char('0')), generatedHistory(n)));
        const QString db = dir.filePath(QStringLiteral("import.sqlite"));
        auto main = open(db);
        QVERIFY(main);
        QObject* importer = object(*main, "archiveImporter");
        QMetaObject::invokeMethod(main->window, "importUrls", Q_ARG(QVariant, QVariant::fromValue(QList<QUrl> { QUrl::fromLocalFile(folder) })));
        QVERIFY(importer->property("running").toBool());
        QQuickItem* dialog = main->item("importDialog");
        QObject* dialogObject = object(*main, "importDialog");
        QVERIFY(dialogObject);
        QTRY_VERIFY(dialogObject->property("visible").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(importer->property("filesDone").toInt() >= 5, 30000);
        QCOMPARE(importer->property("filesTotal").toInt(), Files);
        auto* progress = main->item("importProgress");
        QVERIFY(progress);
        QVERIFY(progress->property("value").toDouble() >= 5);
        Q_UNUSED(dialog);
        QMetaObject::invokeMethod(importer, "cancel");
        QTRY_VERIFY_WITH_TIMEOUT(!importer->property("running").toBool(), 30000);
        QVERIFY(importer->property("cancelled").toBool());
        const int imported = importer->property("imported").toInt();
        QVERIFY2(imported > 0 && imported < Files, qPrintable(QString::number(imported)));
        QVERIFY2(importer->property("summary").toString().startsWith(QStringLiteral("Cancelled")),
            qPrintable(importer->property("summary").toString()));
        {
            Archive archive;
            QVERIFY(archive.open(db, Archive::Access::ReadOnly));
            QCOMPARE(archive.executionCount(), qint64(imported)); // what was committed stays
        }

        // Again, to the end, with a broken file: what was there is reported as such, the broken file with its reason.
        QVERIFY(writeFile(folder + QStringLiteral("/broken.json"), "{\"events\": [ not json"));
        QMetaObject::invokeMethod(main->window, "importUrls", Q_ARG(QVariant, QVariant::fromValue(QList<QUrl> { QUrl::fromLocalFile(folder) })));
        QTRY_VERIFY_WITH_TIMEOUT(!importer->property("running").toBool(), 120000);
        QVERIFY(!importer->property("cancelled").toBool());
        QCOMPARE(importer->property("alreadyPresent").toInt(), imported);
        QCOMPARE(importer->property("imported").toInt(), Files - imported);
        const QVariantList failures = importer->property("failures").toList();
        QCOMPARE(failures.size(), 1);
        QVERIFY(failures.first().toMap().value(QStringLiteral("file")).toString().endsWith(QStringLiteral("broken.json")));
        QVERIFY(!failures.first().toMap().value(QStringLiteral("reason")).toString().isEmpty());
        const QString summary = importer->property("summary").toString();
        QVERIFY2(summary.contains(QStringLiteral("%1 already in the archive").arg(imported)) && summary.contains(QStringLiteral("1 failed")),
            qPrintable(summary));
        // The browser sees the new executions.
        QObject* model = object(*main, "executionList");
        QMetaObject::invokeMethod(main->window, "showExecutions");
        QTRY_COMPARE_WITH_TIMEOUT(model->property("total").toInt(), Files, 10000);
    }
};

QTEST_MAIN(TestArchiveWindow)
#include "tst_archivewindow.moc"
