#include "document/documentloader.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope;
using namespace Stepscope::Test;

// loadDocument: what the window and `inspect` both read, as one immutable value.
class TestDocumentLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opens_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("history");
        QTest::addColumn<bool>("hasExecution");
        QTest::addColumn<bool>("workflowFromHistory");
        QTest::addColumn<int>("states");
        const QString def = samplePath(QStringLiteral("order-processing.asl.json"));
        const QString history = samplePath(QStringLiteral("order-processing-failed.history.json"));
        const int all = openDefinition(def).workflow.states.size();
        QTest::addRow("definition and history") << def << history << true << false << all;
        QTest::addRow("definition only") << def << QString() << false << false << all;
        QTest::addRow("history only: the path that ran") << QString() << history << true << true << -1;
        QTest::addRow("unreadable definition: the path that ran")
            << testDataPath(QStringLiteral("definitions/cfn-none.yaml")) << history << true << true << -1;
    }

    void opens()
    {
        QFETCH(QString, definition);
        QFETCH(QString, history);
        QFETCH(bool, hasExecution);
        QFETCH(bool, workflowFromHistory);
        QFETCH(int, states);
        QStringList progress;
        const auto doc = loadDocument(DocumentRequest::forFiles(definition, history),
            [&progress](const QString& text) { progress.append(text); });
        QVERIFY(doc);
        QCOMPARE(doc->hasDefinition, !definition.isEmpty());
        QCOMPARE(bool(doc->execution), hasExecution);
        QCOMPARE(doc->workflowFromHistory, workflowFromHistory);
        QVERIFY(!doc->workflow.states.isEmpty());
        if (states >= 0)
            QCOMPARE(doc->workflow.states.size(), states);
        QVERIFY(!progress.isEmpty());
        if (hasExecution) {
            QVERIFY(doc->history && doc->history->read);
            QCOMPARE(doc->execution.get(), &doc->history->execution); // one execution, shared
            QVERIFY(!doc->runs.runs().isEmpty());
            QVERIFY(doc->execution->rootCause);
            QVERIFY(doc->runs.stateAt(doc->execution->rootCause->run) != NoIndex);
            QCOMPARE(doc->match.states.size(), doc->workflow.states.size());
        } else {
            QVERIFY(doc->runs.runs().isEmpty());
        }
        QVERIFY(!doc->stateNames.isEmpty());
        QVERIFY(std::is_sorted(doc->stateNames.cbegin(), doc->stateNames.cend(),
            [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; }));
    }

    void missingHistoryIsReportedNotThrown()
    {
        QTemporaryDir dir;
        const auto doc = loadDocument(DocumentRequest::forFiles(QString(), dir.filePath(QStringLiteral("none.json"))));
        QVERIFY(doc->history);
        QVERIFY(!doc->history->read);
        QVERIFY(!doc->execution);
        QVERIFY(!doc->diagnostics.isEmpty());
        QVERIFY(doc->workflow.states.isEmpty());
    }

    void requestsAreAbsolute()
    {
        const DocumentRequest request = DocumentRequest::forFiles(QStringLiteral("a.json"), QString(), QStringLiteral("arn"));
        QVERIFY(QFileInfo(request.definition).isAbsolute());
        QVERIFY(request.history.isEmpty());
        QCOMPARE(request.executionArn, QStringLiteral("arn"));
    }

    void historiesAreToldFromDefinitions()
    {
        QVERIFY(looksLikeHistory(samplePath(QStringLiteral("order-processing-failed.history.json"))));
        QVERIFY(!looksLikeHistory(samplePath(QStringLiteral("order-processing.asl.json"))));
    }
};

QTEST_GUILESS_MAIN(TestDocumentLoader)
#include "tst_documentloader.moc"
