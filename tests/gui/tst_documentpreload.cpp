#include "controllers/documentcontroller.h"
#include "controllers/documentpreload.h"
#include "testsupport.h"

#include <QStandardPaths>
#include <QTest>

using namespace Stepscope;
using Stepscope::Test::samplePath;

// The files named on the command line start loading before the window exists (guiMain); the window's controller
// takes that load over when it opens the same files, and only then.
class TestDocumentPreload : public QObject {
    Q_OBJECT

    static LoadRequest demoRequest()
    {
        return { DocumentRequest::forFiles(samplePath(QStringLiteral("order-processing.asl.json")),
                     samplePath(QStringLiteral("order-processing-failed.history.json"))),
            {} };
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void takenOnceForTheSameRequest()
    {
        DocumentPreload::start(demoRequest());
        const auto future = DocumentPreload::take(demoRequest());
        QVERIFY(future.has_value());
        const std::shared_ptr<const LoadedDocument> loaded = future->result().document;
        QVERIFY(loaded && loaded->hasDefinition && loaded->execution);
        QCOMPARE(loaded->request, demoRequest().files);
        QVERIFY(!DocumentPreload::take(demoRequest()).has_value());
    }

    void otherRequestsDoNotGetIt()
    {
        DocumentPreload::start(demoRequest());
        LoadRequest leftToRight = demoRequest();
        leftToRight.layout.direction = Direction::LeftToRight;
        QVERIFY(!DocumentPreload::take(leftToRight).has_value()); // asked for something else: the preload is dropped
        QVERIFY(!DocumentPreload::take(demoRequest()).has_value());
        DocumentPreload::start(demoRequest());
        QVERIFY(!DocumentPreload::take({ DocumentRequest::forFiles(demoRequest().files.definition, QString()), {} }).has_value());
    }

    void controllerOpensFromThePreload()
    {
        DocumentPreload::start(demoRequest());
        DocumentController controller;
        controller.open(demoRequest().files.definition, demoRequest().files.history);
        QVERIFY(!DocumentPreload::take(demoRequest()).has_value()); // the controller took it
        QVERIFY(QTest::qWaitFor([&] { return controller.hasDocument() && !controller.busy(); }, 30000));
        QVERIFY(controller.hasExecution());
        QCOMPARE(controller.executionStatus(), QStringLiteral("FAILED"));
    }
};

QTEST_MAIN(TestDocumentPreload)
#include "tst_documentpreload.moc"
