#include "documentcontroller.h"
#include "documentpreload.h"
#include "testsupport.h"

#include <QStandardPaths>
#include <QTest>

using namespace Stepscope;
using Stepscope::Test::samplePath;

// The files named on the command line start loading before the window exists (guiMain); the window's controller
// takes that load over when it opens the same files, and only then.
class TestDocumentPreload : public QObject {
    Q_OBJECT

    static DocumentRequest demoRequest()
    {
        return DocumentRequest::forFiles(samplePath(QStringLiteral("order-processing.asl.json")),
            samplePath(QStringLiteral("order-processing-failed.history.json")));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void takenOnceForTheSameRequest()
    {
        DocumentPreload::start(demoRequest());
        const auto future = DocumentPreload::take(demoRequest());
        QVERIFY(future.has_value());
        const std::shared_ptr<LoadedDocument> loaded = future->result();
        QVERIFY(loaded && loaded->hasDefinition && loaded->hasHistory);
        QCOMPARE(loaded->request, demoRequest());
        QVERIFY(!DocumentPreload::take(demoRequest()).has_value());
    }

    void otherRequestsDoNotGetIt()
    {
        DocumentPreload::start(demoRequest());
        DocumentRequest leftToRight = demoRequest();
        leftToRight.layout.direction = Direction::LeftToRight;
        QVERIFY(!DocumentPreload::take(leftToRight).has_value()); // asked for something else: the preload is dropped
        QVERIFY(!DocumentPreload::take(demoRequest()).has_value());
        DocumentPreload::start(demoRequest());
        QVERIFY(!DocumentPreload::take(DocumentRequest::forFiles(demoRequest().definition, QString())).has_value());
    }

    void controllerOpensFromThePreload()
    {
        DocumentPreload::start(demoRequest());
        DocumentController controller;
        controller.open(demoRequest().definition, demoRequest().history);
        QVERIFY(!DocumentPreload::take(demoRequest()).has_value()); // the controller took it
        QVERIFY(QTest::qWaitFor([&] { return controller.hasDocument() && !controller.busy(); }, 30000));
        QVERIFY(controller.hasExecution());
        QCOMPARE(controller.executionStatus(), QStringLiteral("FAILED"));
    }
};

QTEST_MAIN(TestDocumentPreload)
#include "tst_documentpreload.moc"
