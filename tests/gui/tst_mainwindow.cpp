#include "guitestsupport.h"
#include "testsupport.h"

#include <QClipboard>
#include <QDropEvent>
#include <QMimeData>
#include <QPointer>
#include <QQuickGraphicsConfiguration>
#include <QQuickStyle>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Stepscope::Test;

namespace {
// QTest::keyClicks takes only widgets: type into a QWindow one key at a time.
void typeText(QWindow* window, const QString& text)
{
    for (const QChar c : text)
        QTest::keyClick(window, c.toLatin1());
}

bool isStateVisible(QQuickItem* view, int state)
{
    QVariant visible;
    return QMetaObject::invokeMethod(view, "isStateVisible", Q_RETURN_ARG(QVariant, visible), Q_ARG(QVariant, state))
        && visible.toBool();
}
} // namespace

// The real window under Xvfb (xcb, Mesa OpenGL): what a support engineer does, checked on screen.
class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demoOpensOnTheFailure();
    void clickingAStateShowsItsInput();
    void filteringEvents();
    void selectingAnEventSelectsItsState();
    void exportFromTheMenuWritesAFile_data();
    void exportFromTheMenuWritesAFile();
    void menuEntriesAreMadeWhenFirstOpened();
    void droppingAFileOpensIt();
    void brokenDefinitionShowsDiagnostics();
    void searchHighlightsAndCentres();
    void directionSwitchRelayouts();
    void reloadsWhenTheFileChanges();
    void screenshotOptionSavesTheDrawnWindow();
    void onlyStatesInViewHaveTextItems();
    void hoveringAStateShowsItsToolTip();
    void clickingTheCollapseMarkCollapses();
    void minimapAndCopiedImageShowTheWholeDiagram();
    void drawsWithoutDepthBufferInPaintOrder();
    void panelTextIsFullyHinted();

private:
    std::unique_ptr<MainWindow> openDemo();
    static bool waitLoaded(const MainWindow& main);
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("StepscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QStandardPaths::setTestModeEnabled(true); // recent files and panel sizes go to a throwaway place
    QSettings().clear();
}

bool TestMainWindow::waitLoaded(const MainWindow& main)
{
    QObject* c = main.controller();
    return QTest::qWaitFor([c] { return c->property("hasDocument").toBool() && !c->property("busy").toBool(); }, 30000);
}

std::unique_ptr<MainWindow> TestMainWindow::openDemo()
{
    auto main
        = openMainWindow({ { QStringLiteral("initialFile"), samplePath(QStringLiteral("order-processing.asl.json")) },
            { QStringLiteral("initialHistory"), samplePath(QStringLiteral("order-processing-failed.history.json")) } });
    if (!main || !QTest::qWaitForWindowExposed(main->window) || !waitLoaded(*main))
        return nullptr;
    return main;
}

void TestMainWindow::demoOpensOnTheFailure()
{
    auto main = openDemo();
    QVERIFY(main);
    QObject* c = main->controller();
    QVERIFY(c->property("failed").toBool());
    const int root = c->property("rootCauseState").toInt();
    QVERIFY(root >= 0);
    QCOMPARE(main->selection()->property("selectedState").toInt(), root);
    QObject* inspector = c->property("inspector").value<QObject*>();
    QCOMPARE(inspector->property("name").toString(), QStringLiteral("ChargeCard"));
    QCOMPARE(inspector->property("error").toString(), QStringLiteral("PaymentDeclined"));
    QVERIFY(inspector->property("location").toString().contains(QStringLiteral("ProcessOrders[17]")));

    // On screen: the banner with the error, and the failed state centred and inside the canvas.
    QQuickItem* banner = main->item("failureBanner");
    QVERIFY(banner && banner->isVisible());
    QQuickItem* view = main->item("diagramView");
    QVERIFY(view);
    QVERIFY(isStateVisible(view, root));
    QQuickItem* node = main->item("node:ChargeCard");
    QVERIFY(node);
    const QPointF centre = node->mapToItem(view, QPointF(node->width() / 2, node->height() / 2));
    QVERIFY2(std::abs(centre.x() - view->width() / 2) < 4 && std::abs(centre.y() - view->height() / 2) < 4,
        qPrintable(
            QStringLiteral("%1,%2 in %3x%4").arg(centre.x()).arg(centre.y()).arg(view->width()).arg(view->height())));

    // The pixels: the canvas draws the failed state's red border and the edges (one batched node).
    const QImage image = main->window->grabWindow();
    QVERIFY(!image.isNull());
    const qreal dpr = image.devicePixelRatio();
    const QPointF topLeft = view->mapToScene(QPointF(0, 0)) * dpr;
    const QImage canvas = image.copy(QRect(topLeft.toPoint(), (QSizeF(view->width(), view->height()) * dpr).toSize()));
    QVERIFY2(countColor(canvas, QColor(0xd1, 0x32, 0x12), 30) > 50, "no failed-red pixels on the canvas");
    QVERIFY2(countColor(canvas, QColor(0x7d, 0x89, 0x98), 20) > 200, "no edge pixels on the canvas");
    QVERIFY(main->item("edgeLayer")->property("vertexCount").toInt() > 100);
    // The failed state is filled with a light tint of red (the name stays readable on it).
    const QPoint inside = (node->mapToScene(QPointF(node->width() / 2, node->height() - 4)) * dpr).toPoint();
    const QColor fill = image.pixelColor(inside);
    QVERIFY2(fill.lightness() > 190 && fill.red() > fill.blue() + 8, qPrintable(fill.name()));
    image.save(m_dir.filePath(QStringLiteral("demo.png")));
}

void TestMainWindow::clickingAStateShowsItsInput()
{
    auto main = openDemo();
    QVERIFY(main);
    QQuickItem* node = main->item("node:ValidateOrder");
    QVERIFY(node);
    QQuickItem* view = main->item("diagramView");
    QMetaObject::invokeMethod(view, "centreOnState", Q_ARG(QVariant, node->property("stateIndex")));
    QTest::qWait(50);
    const QPoint pos = node->mapToScene(QPointF(node->width() / 2, node->height() / 2)).toPoint();
    QTest::mouseClick(main->window, Qt::LeftButton, {}, pos);
    QObject* inspector = main->controller()->property("inspector").value<QObject*>();
    QTRY_COMPARE(inspector->property("name").toString(), QStringLiteral("ValidateOrder"));
    QObject* input = inspector->property("input").value<QObject*>();
    QVERIFY(input->property("isJson").toBool());
    QVERIFY(input->property("text").toString().contains(QStringLiteral("ORD-20250314-0042")));
    // The Input tab shows the tree, with the first level open.
    QQuickItem* tabs = main->item("inspectorTabs");
    tabs->setProperty("currentIndex", 0);
    QQuickItem* inputTree = main->item("inputTree");
    QVERIFY(inputTree);
    QTRY_VERIFY(inputTree->isVisible());
    auto* tree = inputTree->findChild<QQuickItem*>(QStringLiteral("jsonTree"));
    QVERIFY(tree);
    QTRY_VERIFY(tree->property("rows").toInt() > 3);
    // A right click on the second row opens the context menu (made on first use); "Copy path" copies that row's path.
    QGuiApplication::clipboard()->clear();
    QVERIFY(waitForFrame(main->window));
    QTest::mouseClick(main->window, Qt::RightButton, {}, tree->mapToScene(QPointF(60, 22 * 1.5)).toPoint());
    const QString path = inputTree->property("selectedPath").toString();
    QVERIFY2(path.startsWith(u'$') && path.size() > 1, qPrintable(path));
    QQuickItem* copyPath = nullptr;
    QTRY_VERIFY((copyPath = main->item("copyPathMenuItem")) && copyPath->isVisible());
    QVERIFY(waitForFrame(main->window));
    QTest::mouseClick(main->window, Qt::LeftButton, {},
        copyPath->mapToScene(QPointF(copyPath->width() / 2, copyPath->height() / 2)).toPoint());
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), path);
}

void TestMainWindow::filteringEvents()
{
    auto main = openDemo();
    QVERIFY(main);
    QObject* events = main->controller()->property("events").value<QObject*>();
    const int all = events->property("count").toInt();
    QVERIFY(all > 200);
    // Type into the filter field like a user.
    QQuickItem* field = main->item("eventTextFilter");
    QVERIFY(field);
    field->forceActiveFocus();
    typeText(main->window, QStringLiteral("PaymentDeclined"));
    QTRY_VERIFY(events->property("count").toInt() < all);
    const int declined = events->property("count").toInt();
    QVERIFY(declined >= 1);
    for (int row = 0; row < declined; ++row) {
        QString text;
        QMetaObject::invokeMethod(events, "rowText", Q_RETURN_ARG(QString, text), Q_ARG(int, row));
        QVERIFY2(text.contains(QStringLiteral("PaymentDeclined")), qPrintable(text));
    }
    field->setProperty("text", QString());
    QTRY_COMPARE(events->property("count").toInt(), all);
    events->setProperty("category", QStringLiteral("failure"));
    const int failures = events->property("count").toInt();
    QVERIFY(failures > 0 && failures < 20);
    events->setProperty("category", QStringLiteral("all"));
    events->setProperty("stateName", QStringLiteral("ChargeCard"));
    QVERIFY(events->property("count").toInt() > 20);
    QVERIFY(events->property("count").toInt() < all);
}

void TestMainWindow::selectingAnEventSelectsItsState()
{
    auto main = openDemo();
    QVERIFY(main);
    QObject* c = main->controller();
    main->selection()->setProperty("searchText", QString());
    QObject* events = c->property("events").value<QObject*>();
    events->setProperty("stateName", QStringLiteral("ValidateOrder"));
    QVERIFY(events->property("count").toInt() > 0);
    int event = -1;
    QMetaObject::invokeMethod(events, "eventIndex", Q_RETURN_ARG(int, event), Q_ARG(int, 0));
    QMetaObject::invokeMethod(main->selection(), "selectEvent", Q_ARG(int, event));
    QObject* inspector = c->property("inspector").value<QObject*>();
    QCOMPARE(inspector->property("name").toString(), QStringLiteral("ValidateOrder"));
}

void TestMainWindow::exportFromTheMenuWritesAFile_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("magic");
    QTest::addRow("svg") << "svg" << QByteArray("svg");
    QTest::addRow("png") << "png" << QByteArray("\x89PNG");
    QTest::addRow("pdf") << "pdf" << QByteArray("%PDF");
}

void TestMainWindow::exportFromTheMenuWritesAFile()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, magic);
    auto main = openDemo();
    QVERIFY(main);
    // Through the real menu: open File, click "Export diagram…".
    QObject* fileMenu = main->window->findChild<QObject*>(QStringLiteral("fileMenu"));
    QVERIFY(fileMenu);
    QVERIFY(QMetaObject::invokeMethod(fileMenu, "open"));
    QTRY_VERIFY(fileMenu->property("opened").toBool());
    QQuickItem* menuItem = main->item("exportMenuItem");
    QVERIFY(menuItem);
    QTRY_VERIFY(menuItem->isVisible() && menuItem->width() > 0);
    QVERIFY(waitForFrame(main->window)); // the entries are made as the menu opens (LazyMenu), placed when drawn
    QTest::mouseClick(main->window, Qt::LeftButton, {},
        menuItem->mapToScene(QPointF(menuItem->width() / 2, menuItem->height() / 2)).toPoint());
    QObject* dialog = main->object("exportDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->property("visible").toBool());
    const QString path = m_dir.filePath(QStringLiteral("export.") + suffix);
    QFile::remove(path);
    QObject* field = main->object("exportPath");
    field->setProperty("text", path);
    QQuickItem* button = main->item("exportButton");
    QVERIFY(button);
    QTest::mouseClick(main->window, Qt::LeftButton, {},
        button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint());
    QTRY_VERIFY(QFileInfo::exists(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QVERIFY2(data.left(400).contains(magic), data.left(100).constData());
    if (suffix == QLatin1String("svg"))
        QVERIFY(data.contains("http://www.w3.org/2000/svg"));
    if (suffix == QLatin1String("svg"))
        QVERIFY(data.contains("ChargeCard"));
    QTRY_VERIFY(!dialog->property("visible").toBool());
}

// LazyMenu: the menu bar's entries are made the first time their menu opens, once, in their order, submenus included.
void TestMainWindow::menuEntriesAreMadeWhenFirstOpened()
{
    auto main = openDemo();
    QVERIFY(main);
    QObject* fileMenu = main->object("fileMenu");
    QVERIFY(fileMenu);
    QCOMPARE(fileMenu->property("count").toInt(), 0);
    auto entry = [&](int index) { return itemAt(fileMenu, index); };
    const int recentFiles = main->recent()->property("files").toStringList().size();
    QVERIFY(recentFiles >= 2); // the demo's definition and history
    for (int opening = 0; opening < 2; ++opening) {
        QVERIFY(QMetaObject::invokeMethod(fileMenu, "open"));
        QTRY_VERIFY(fileMenu->property("opened").toBool());
        QCOMPARE(fileMenu->property("count").toInt(), 14);
        QVERIFY(entry(0) && entry(13));
        QCOMPARE(entry(0)->property("text").toString(), QStringLiteral("&Open…"));
        QCOMPARE(entry(13)->property("text").toString(), QStringLiteral("&Quit"));
        auto* recent = entry(1)->property("subMenu").value<QObject*>();
        QVERIFY(recent);
        QCOMPARE(recent->property("title").toString(), QStringLiteral("Open &recent"));
        QTRY_COMPARE(recent->property("count").toInt(), recentFiles + 2); // the files, a separator, "Clear"
        QVERIFY(QMetaObject::invokeMethod(fileMenu, "close"));
        QTRY_VERIFY(!fileMenu->property("visible").toBool());
    }
    // From the keyboard: Alt+V opens the View menu, made then, with its submenu last.
    QObject* viewMenu = main->object("viewMenu");
    QVERIFY(viewMenu);
    QCOMPARE(viewMenu->property("count").toInt(), 0);
    main->window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(main->window));
    QTest::keyClick(main->window, Qt::Key_V, Qt::AltModifier);
    QTRY_VERIFY(viewMenu->property("opened").toBool());
    QCOMPARE(viewMenu->property("count").toInt(), 11);
    QQuickItem* last = itemAt(viewMenu, 10);
    QVERIFY(last && last->property("subMenu").value<QObject*>());
    QTest::keyClick(main->window, Qt::Key_Escape);
    QTRY_VERIFY(!viewMenu->property("visible").toBool());
}

void TestMainWindow::droppingAFileOpensIt()
{
    auto main = openMainWindow();
    QVERIFY(main);
    QVERIFY(QTest::qWaitForWindowExposed(main->window));
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(samplePath(QStringLiteral("order-processing.asl.json"))) });
    const QPointF pos(main->window->width() / 2.0, main->window->height() / 2.0);
    QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(main->window, &enter);
    QDragMoveEvent move(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(main->window, &move);
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(main->window, &drop);
    QVERIFY(waitLoaded(*main));
    QObject* c = main->controller();
    QVERIFY(c->property("filePath").toString().endsWith(QStringLiteral("order-processing.asl.json")));
    QVERIFY(!c->property("hasExecution").toBool());
    QVERIFY(c->property("stateCount").toInt() >= 8);
    QTRY_VERIFY(main->item("node:ChargeCard") != nullptr);
    // Opened files are remembered.
    QVERIFY(main->recent()->property("files").toStringList().first().endsWith(QStringLiteral("order-processing.asl.json")));
}

void TestMainWindow::brokenDefinitionShowsDiagnostics()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.asl.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": { \"Type\": \"Pass\", \"Next\": \"Missing\" },\n"
               "    \"B\": { \"Type\": \"Succeed\" }\n  }\n}\n");
    file.close();
    auto main = openMainWindow({ { QStringLiteral("initialFile"), path } });
    QVERIFY(main);
    QVERIFY(QTest::qWaitForWindowExposed(main->window));
    QVERIFY(waitLoaded(*main));
    QObject* c = main->controller();
    QVERIFY(c->property("errorCount").toInt() >= 1);
    // Whatever can be drawn is drawn.
    QTRY_VERIFY(main->item("node:A") != nullptr);
    auto* list = main->item("diagnosticList");
    QVERIFY(list);
    QTRY_VERIFY(list->isVisible()); // the Diagnostics tab comes forward when there are findings
    QTRY_VERIFY(list->property("count").toInt() >= 1);
    // Each row: line:column (when the loader knows it), severity and message, as plain text.
    auto* diagnostics = c->property("diagnostics").value<QAbstractItemModel*>();
    QVERIFY(diagnostics->rowCount() >= 1);
    QStringList shown;
    QTRY_VERIFY([&] {
        shown.clear();
        std::function<void(QQuickItem*)> collect = [&](QQuickItem* item) {
            if (item->inherits("QQuickText") && item->isVisible())
                shown.append(item->property("text").toString());
            for (QQuickItem* child : item->childItems())
                collect(child);
        };
        collect(list);
        return shown.size() >= diagnostics->rowCount();
    }());
    bool found = false;
    for (int row = 0; row < diagnostics->rowCount(); ++row) {
        const QModelIndex index = diagnostics->index(row, 0);
        const int line = diagnostics->data(index, Qt::UserRole + 4).toInt();
        const int column = diagnostics->data(index, Qt::UserRole + 5).toInt();
        const QString message = diagnostics->data(index, Qt::UserRole + 2).toString();
        const QString prefix = line > 0 ? QStringLiteral("%1:%2  ").arg(line).arg(column) : QString();
        for (const QString& text : std::as_const(shown)) {
            if (text.contains(message) && text.startsWith(prefix) && message.contains(QStringLiteral("Missing")))
                found = true;
        }
    }
    QVERIFY2(found, qPrintable(shown.join(u'\n')));
}

void TestMainWindow::searchHighlightsAndCentres()
{
    auto main = openDemo();
    QVERIFY(main);
    QObject* c = main->controller();
    QQuickItem* field = main->item("searchField");
    field->forceActiveFocus();
    typeText(main->window, QStringLiteral("notify"));
    QTRY_COMPARE(main->selection()->property("matchCount").toInt(), 1);
    QTest::keyClick(main->window, Qt::Key_Return);
    QObject* inspector = c->property("inspector").value<QObject*>();
    QTRY_COMPARE(inspector->property("name").toString(), QStringLiteral("NotifyCustomer"));
    QQuickItem* node = main->item("node:NotifyCustomer");
    QVERIFY(node->property("matched").toBool());
    QVERIFY(isStateVisible(main->item("diagramView"), node->property("stateIndex").toInt()));
}

void TestMainWindow::directionSwitchRelayouts()
{
    auto main = openDemo();
    QVERIFY(main);
    QObject* c = main->controller();
    const qreal w = c->property("diagramWidth").toReal();
    const qreal h = c->property("diagramHeight").toReal();
    QVERIFY(h > w); // top to bottom
    c->setProperty("leftToRight", true);
    QTRY_VERIFY(c->property("diagramWidth").toReal() > c->property("diagramHeight").toReal());
    QTRY_VERIFY(!c->property("busy").toBool());
    // The selection survives a new layout.
    QCOMPARE(main->selection()->property("selectedState").toInt(), c->property("rootCauseState").toInt());
}

void TestMainWindow::reloadsWhenTheFileChanges()
{
    const QString path = m_dir.filePath(QStringLiteral("live.asl.json"));
    QFile::remove(path);
    QVERIFY(QFile::copy(samplePath(QStringLiteral("order-processing.asl.json")), path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto main = openMainWindow({ { QStringLiteral("initialFile"), path } });
    QVERIFY(main);
    QVERIFY(waitLoaded(*main));
    QObject* c = main->controller();
    const int stateCount = c->property("stateCount").toInt();
    QMetaObject::invokeMethod(main->selection(), "selectState", Q_ARG(int, 1));
    const QString selected = c->property("inspector").value<QObject*>()->property("name").toString();
    QQuickItem* view = main->item("diagramView");
    view->setProperty("zoom", 0.77);
    QSignalSpy loaded(c, SIGNAL(loaded(bool)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    const qsizetype states = text.indexOf("\"States\": {") + qsizetype(sizeof("\"States\": {") - 1);
    text.insert(states, "\n    \"Added\": { \"Type\": \"Pass\", \"End\": true },");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
    file.close();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 10000);
    QVERIFY(waitLoaded(*main));
    QCOMPARE(loaded.last().first().toBool(), true);
    QCOMPARE(c->property("stateCount").toInt(), stateCount + 1);
    QCOMPARE(c->property("inspector").value<QObject*>()->property("name").toString(), selected);
    QCOMPARE(view->property("zoom").toReal(), 0.77);
}

void TestMainWindow::screenshotOptionSavesTheDrawnWindow()
{
    const QString image = m_dir.filePath(QStringLiteral("shot.png"));
    QElapsedTimer timer;
    timer.start();
    const ProcessResult result = runStepscope({ QStringLiteral("--demo"), QStringLiteral("--screenshot"), image });
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("screenshot saved"));
    QImage shot(image);
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() >= 800 && shot.height() >= 600);
    // Content, not only a file: many colours, the failure red (banner and node), the success green.
    QVERIFY2(distinctColors(shot) > 30, qPrintable(QString::number(distinctColors(shot))));
    QVERIFY(countColor(shot, QColor(0xd1, 0x32, 0x12), 30) > 100);
    // The banner across the window (its light red fill).
    QVERIFY(countColor(shot, QColor(0xfd, 0xe8, 0xe8), 6) > 20000);

    // The image is written while the window closes: a file that cannot be written still fails the run, with a reason.
    const QString nowhere = m_dir.filePath(QStringLiteral("no-such-folder/shot.png"));
    const ProcessResult failed = runStepscope({ QStringLiteral("--demo"), QStringLiteral("--screenshot"), nowhere });
    QVERIFY(!failed.crashed);
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains("could not save the screenshot"), failed.err.constData());
}

void TestMainWindow::onlyStatesInViewHaveTextItems()
{
    auto main = openDemo();
    QVERIFY(main);
    QQuickItem* view = main->item("diagramView");
    auto* visible = view->property("visibleNodes").value<QObject*>();
    QVERIFY(visible);
    auto* nodes = main->controller()->property("nodes").value<QAbstractItemModel*>();
    const int all = nodes->rowCount();
    QVERIFY(all >= 15);
    // Every box is drawn by the batched layer, whatever the zoom.
    QQuickItem* layer = main->item("nodeLayer");
    QVERIFY(layer);
    QTRY_VERIFY(layer->property("vertexCount").toInt() > all * 20);
    // Zoomed in on the failed state: text items for the states near it only, not for all of them.
    view->setProperty("zoom", 3.0);
    QMetaObject::invokeMethod(view, "centreOnState", Q_ARG(QVariant, main->controller()->property("rootCauseState")));
    QTRY_VERIFY(visible->property("count").toInt() < all);
    QVERIFY(main->item("node:ChargeCard"));
    QVERIFY(!main->item("node:ValidateOrder"));
    // Moving there makes its item.
    const QString validate = QStringLiteral("ValidateOrder");
    int row = -1;
    for (int r = 0; r < all; ++r) {
        if (nodes->data(nodes->index(r, 0), Qt::DisplayRole).toString() == validate)
            row = r;
    }
    QVERIFY(row >= 0);
    int state = -1;
    QMetaObject::invokeMethod(nodes, "stateOfRow", Q_RETURN_ARG(int, state), Q_ARG(int, row));
    QMetaObject::invokeMethod(view, "centreOnState", Q_ARG(QVariant, state));
    QTRY_VERIFY(main->item("node:ValidateOrder"));
    // Names too small to read: no text items at all, the boxes stay.
    view->setProperty("zoom", 0.1);
    QTRY_COMPARE(visible->property("count").toInt(), 0);
    QVERIFY(!main->item("node:ChargeCard"));
    QVERIFY(layer->property("vertexCount").toInt() > all * 20);
}

void TestMainWindow::hoveringAStateShowsItsToolTip()
{
    auto main = openDemo();
    QVERIFY(main);
    QQuickItem* view = main->item("diagramView");
    QQuickItem* node = main->item("node:ChargeCard");
    QVERIFY(node);
    QTest::mouseMove(main->window, node->mapToScene(QPointF(node->width() / 2, node->height() / 2)).toPoint());
    QTRY_VERIFY(view->property("hoveredRow").toInt() >= 0);
    auto* loader = main->object("nodeToolTip");
    QVERIFY(loader);
    QTRY_VERIFY(loader->property("item").value<QObject*>() != nullptr);
    // The loader drops its tooltip when the pointer leaves the state: never keep it across events unguarded.
    const QPointer<QObject> tip = loader->property("item").value<QObject*>();
    const QString text = tip->property("text").toString();
    QVERIFY2(text.startsWith(QStringLiteral("ChargeCard (Task)")) && text.contains(QStringLiteral("status: failed")),
        qPrintable(text));
    QTRY_VERIFY(tip && tip->property("visible").toBool());
    // Off the states: no tooltip.
    const QPointF corner = view->mapToScene(QPointF(5, view->height() / 2));
    QTest::mouseMove(main->window, corner.toPoint());
    QTRY_COMPARE(view->property("hoveredRow").toInt(), -1);
}

void TestMainWindow::clickingTheCollapseMarkCollapses()
{
    auto main = openDemo();
    QVERIFY(main);
    QObject* c = main->controller();
    QQuickItem* node = main->item("node:ProcessOrders");
    QVERIFY(node);
    QVERIFY(node->property("collapsible").toBool());
    QVERIFY(!node->property("collapsed").toBool());
    const qreal height = c->property("diagramHeight").toReal();
    // The mark sits in the top-right corner of the Map state's box.
    QTest::mouseClick(main->window, Qt::LeftButton, {}, node->mapToScene(QPointF(node->width() - 8, 8)).toPoint());
    QTRY_VERIFY(c->property("diagramHeight").toReal() < height);
    QTRY_VERIFY(!c->property("busy").toBool());
    QTRY_VERIFY(main->item("node:ProcessOrders") && main->item("node:ProcessOrders")->property("collapsed").toBool());
}

void TestMainWindow::minimapAndCopiedImageShowTheWholeDiagram()
{
    auto main = openDemo();
    QVERIFY(main);
    // The canvas draws only the tiles in view; the minimap and the copied image are made from the whole diagram.
    QQuickItem* view = main->item("diagramView");
    view->setProperty("zoom", 4.0);
    QMetaObject::invokeMethod(view, "centreOnState", Q_ARG(QVariant, 0));
    QQuickItem* map = main->item("minimapPicture");
    QVERIFY(map && map->width() > 20);
    QTest::qWait(100);
    const QImage image = main->window->grabWindow();
    const qreal dpr = image.devicePixelRatio();
    const QImage picture
        = image.copy(QRectF(map->mapToScene(QPointF(0, 0)) * dpr, QSizeF(map->width(), map->height()) * dpr).toRect());
    QVERIFY2(countColor(picture, QColor(0xd1, 0x32, 0x12), 40) > 3, "no failed state in the minimap");
    QVERIFY(distinctColors(picture) > 4);
    QImage copied;
    QVERIFY(QMetaObject::invokeMethod(main->exporter(), "diagramImage", Q_RETURN_ARG(QImage, copied)));
    QVERIFY(!copied.isNull());
    QVERIFY(countColor(copied, QColor(0xd1, 0x32, 0x12), 30) > 50);
}

// prepareQuick(): the window has neither a depth nor a stencil buffer (clearing them every frame was a third of
// software OpenGL's work), so the renderer must not depth-test either: it would draw opaque items behind over opaque
// items in front. The bottom panel's unselected tab buttons (opaque, over the opaque panel) must show.
void TestMainWindow::drawsWithoutDepthBufferInPaintOrder()
{
    auto main = openDemo();
    QVERIFY(main);
    QCOMPARE(QQuickStyle::name(), QStringLiteral("Fusion"));
    QVERIFY(main->window->format().depthBufferSize() <= 0);
    QVERIFY(main->window->format().stencilBufferSize() <= 0);
    QVERIFY(!main->window->graphicsConfiguration().isDepthBufferEnabledFor2D());
    QQuickItem* tabs = main->item("bottomTabs");
    QVERIFY(tabs);
    const QImage image = main->window->grabWindow();
    const qreal dpr = image.devicePixelRatio();
    auto pixel = [&](QQuickItem* item, QPointF at) { return image.pixelColor((item->mapToScene(at) * dpr).toPoint()); };
    const QColor panel = pixel(tabs, QPointF(tabs->width() + 24, tabs->height() / 2));
    int unselected = 0;
    for (int i = 0; i < 3; ++i) {
        QQuickItem* button = itemAt(tabs, i);
        QVERIFY(button);
        if (button->property("checked").toBool())
            continue; // the selected tab takes the panel's colour
        ++unselected;
        const QColor shown = pixel(button, QPointF(3, button->height() / 2));
        const int difference = std::max({ std::abs(shown.red() - panel.red()), std::abs(shown.green() - panel.green()),
            std::abs(shown.blue() - panel.blue()) });
        QVERIFY2(difference > 6, qPrintable(QStringLiteral("tab %1 shows %2, the panel's colour").arg(i).arg(shown.name())));
    }
    QCOMPARE(unselected, 2);
}

// prepareQuick(): panel text is fully hinted (each glyph rasterised once, not at four sub-pixel positions: the first
// frame's glyphs took 75 ms instead of 35), while the diagram's texts scale as outlines.
void TestMainWindow::panelTextIsFullyHinted()
{
    auto main = openDemo();
    QVERIFY(main);
    QQuickItem* title = main->item("workflowTitle");
    QVERIFY(title);
    QCOMPARE(title->property("font").value<QFont>().hintingPreference(), QFont::PreferFullHinting);
    QCOMPARE(title->property("renderType").toInt(), 1); // Text.NativeRendering
    QQuickItem* node = main->item("node:ChargeCard");
    QVERIFY(node);
    int outlined = 0;
    for (QQuickItem* child : node->childItems())
        outlined += child->inherits("QQuickText") && child->property("renderType").toInt() == 0 ? 1 : 0; // QtRendering
    QVERIFY(outlined > 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
