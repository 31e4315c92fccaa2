#include "controllers/documentcontroller.h"
#include "controllers/documentload.h"
#include "controllers/heatmap.h"
#include "models/diagnosticlistmodel.h"
#include "models/eventmodel.h"
#include "models/nodemodel.h"
#include "models/stateinspector.h"
#include "models/statelistmodel.h"
#include "models/timelinemodel.h"
#include "render/statuspalette.h"
#include "scenegraph/nodeviewportmodel.h"
#include "support/statuscolors.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTest>

using namespace Stepscope;
using namespace Stepscope::Test;

namespace {

/// Reads every role of every row (and of the rows' children), as the views do.
void readEverything(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    const QList<int> roles = model.roleNames().keys();
    for (int r = 0; r < model.rowCount(parent); ++r) {
        for (int c = 0; c < model.columnCount(parent); ++c) {
            const QModelIndex index = model.index(r, c, parent);
            for (int role : roles)
                (void)model.data(index, role);
            readEverything(model, index);
        }
    }
}

struct Loaded {
    std::shared_ptr<const LoadedDocument> document;
    Diagram diagram;
};

Loaded load(const QString& definition, const QString& history)
{
    Loaded loaded;
    loaded.document = loadDocument(DocumentRequest::forFiles(definition, history));
    if (!loaded.document->workflow.states.isEmpty())
        loaded.diagram = layoutForCanvas(loaded.document->workflow, {});
    return loaded;
}

} // namespace

// Every item model of the window under QAbstractItemModelTester (hotspot's tests/modeltests), on documents of each
// kind: fed, re-fed, changed and emptied, with every role read.
class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void documents_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("history");
        const QString def = samplePath(QStringLiteral("order-processing.asl.json"));
        const QString history = samplePath(QStringLiteral("order-processing-failed.history.json"));
        QTest::addRow("failed execution with its definition") << def << history;
        QTest::addRow("definition only") << def << QString();
        QTest::addRow("history only") << QString() << history;
        QTest::addRow("parallel branches with the same names")
            << testDataPath(QStringLiteral("document/parallel-same-names.asl.json"))
            << testDataPath(QStringLiteral("document/parallel-same-names.history.json"));
        QTest::addRow("retries and a catch") << QString()
                                             << testDataPath(QStringLiteral("histories/retries-exhausted-catch.json"));
        QTest::addRow("nothing readable") << testDataPath(QStringLiteral("definitions/cfn-none.yaml")) << QString();
    }

    void documents()
    {
        QFETCH(QString, definition);
        QFETCH(QString, history);
        const Loaded loaded = load(definition, history);
        const Loaded demo = load(samplePath(QStringLiteral("order-processing.asl.json")),
            samplePath(QStringLiteral("order-processing-failed.history.json")));
        const auto& doc = loaded.document;
        constexpr auto Mode = QAbstractItemModelTester::FailureReportingMode::QtTest;

        StateListModel states;
        QAbstractItemModelTester statesTester(&states, Mode);
        states.setWorkflow(doc->workflow);
        QCOMPARE(states.rowCount(), doc->workflow.states.size());
        readEverything(states);
        states.setWorkflow(demo.document->workflow);
        states.setWorkflow({});
        QCOMPARE(states.rowCount(), 0);

        DiagnosticListModel diagnostics;
        QAbstractItemModelTester diagnosticsTester(&diagnostics, Mode);
        diagnostics.setDiagnostics(doc->diagnostics + loaded.diagram.diagnostics);
        QCOMPARE(diagnostics.rowCount(), doc->diagnostics.size() + loaded.diagram.diagnostics.size());
        readEverything(diagnostics);
        diagnostics.setDiagnostics({});

        NodeModel nodes;
        QAbstractItemModelTester nodesTester(&nodes, Mode);
        nodes.setDiagram(loaded.diagram);
        QCOMPARE(nodes.rowCount(), loaded.diagram.nodes.size());
        QHash<StateIndex, StateStatus> statuses;
        for (StateIndex s = 0; s < doc->workflow.states.size(); ++s)
            statuses.insert(s, { doc->match.states.value(doc->workflow.states[s].id).status, QStringLiteral("note") });
        nodes.setStatuses(statuses, bool(doc->execution));
        nodes.setSearch(QStringLiteral("a"));
        readEverything(nodes);
        nodes.setSearch(QString());
        nodes.setDiagram(demo.diagram);
        readEverything(nodes);

        ContainerModel containers;
        QAbstractItemModelTester containersTester(&containers, Mode);
        containers.setDiagram(loaded.diagram);
        QCOMPARE(containers.rowCount(), loaded.diagram.containers.size());
        readEverything(containers);
        containers.setDiagram({});

        NodeViewportModel viewport;
        QAbstractItemModelTester viewportTester(&viewport, Mode);
        nodes.setDiagram(loaded.diagram);
        viewport.setNodes(&nodes);
        viewport.setViewport(QRectF(QPointF(0, 0), loaded.diagram.size));
        QTRY_COMPARE(viewport.count(), int(loaded.diagram.nodes.size()));
        readEverything(viewport);
        viewport.setViewport(QRectF(0, 0, 10, 10));
        viewport.setActive(false);
        QTRY_COMPARE(viewport.count(), 0);
        viewport.setActive(true);
        nodes.setDiagram(demo.diagram);
        readEverything(viewport);

        EventModel events;
        QAbstractItemModelTester eventsTester(&events, Mode);
        EventFilterModel filter;
        QAbstractItemModelTester filterTester(&filter, Mode);
        filter.setSourceModel(&events);
        events.setDocument(doc);
        QCOMPARE(events.rowCount(), doc->execution ? int(doc->execution->events.size()) : 0);
        readEverything(events);
        filter.setCategory(QStringLiteral("failure"));
        readEverything(filter);
        filter.setCategory(QString());
        filter.setText(QStringLiteral("Task"));
        filter.setEventSubset({ 0, 1 }, true);
        readEverything(filter);
        filter.setEventSubset({}, false);
        filter.setText(QString());
        QCOMPARE(filter.rowCount(), events.rowCount());
        events.setDocument(demo.document);
        events.setDocument(nullptr);
        QCOMPARE(events.rowCount(), 0);

        TimelineModel timeline;
        QAbstractItemModelTester timelineTester(&timeline, Mode);
        timeline.setDocument(doc);
        QVERIFY(timeline.rowCount() <= doc->runs.runs().size());
        readEverything(timeline);
        timeline.setDocument(demo.document);
        timeline.setDocument(nullptr);
        QCOMPARE(timeline.rowCount(), 0);

        HeatNodeModel heat;
        QAbstractItemModelTester heatTester(&heat, Mode);
        QList<HeatNodeModel::Row> rows;
        for (const DiagramNode& node : loaded.diagram.nodes)
            rows.append({ node.box, Qt::red, Qt::white, node.name, QStringLiteral("50%"), node.typeName, node.id });
        heat.setRows(rows);
        QCOMPARE(heat.rowCount(), rows.size());
        readEverything(heat);
        heat.setRows({});
    }

    // The views that name a run for a state (banner, inspector, timeline, canvas) all resolve it the same way.
    void everyViewAgreesOnTheRuns()
    {
        DocumentController controller;
        controller.open(testDataPath(QStringLiteral("document/parallel-same-names.asl.json")),
            testDataPath(QStringLiteral("document/parallel-same-names.history.json")));
        QVERIFY(QTest::qWaitFor([&] { return controller.hasDocument() && !controller.busy(); }, 30000));
        const auto doc = controller.document();
        const Workflow& workflow = doc->workflow;
        const StateIndex failing = workflow.findStateById(QStringLiteral("Fan/1/Work"));
        const StateIndex sibling = workflow.findStateById(QStringLiteral("Fan/0/Work"));
        const StateIndex onlyHere = workflow.findStateById(QStringLiteral("Fan/1/OnlyHere"));
        QVERIFY(failing != NoIndex && sibling != NoIndex && onlyHere != NoIndex);

        // Banner and selection: the root cause is the second branch's Work, and it is selected on opening.
        QCOMPARE(controller.rootCauseState(), failing);
        QCOMPARE(controller.selection()->selectedState(), failing);
        QCOMPARE(controller.rootCausePath(), QStringLiteral("Fan[Branch 1] › Work"));
        // Inspector: on that state's failing run.
        QCOMPARE(controller.inspector()->error(), QStringLiteral("PaymentDeclined"));
        controller.selection()->selectState(sibling);
        QCOMPARE(controller.inspector()->statusName(), runStatusName(RunStatus::Succeeded));
        controller.selection()->selectState(onlyHere);
        QVERIFY(controller.inspector()->hasRun());
        // Canvas: each node painted with its own state's status.
        const auto statusOfState = [&](StateIndex state) {
            for (int row = 0; row < controller.nodes()->rowCount(); ++row) {
                if (controller.nodes()->stateOfRow(row) == state)
                    return controller.nodes()->statusKeyAt(row);
            }
            return QStringLiteral("(no node)");
        };
        QCOMPARE(statusOfState(failing), QStringLiteral("FAILED"));
        QCOMPARE(statusOfState(sibling), QStringLiteral("SUCCEEDED"));
        QCOMPARE(statusOfState(onlyHere), QStringLiteral("SUCCEEDED"));
        // Timeline: each row names the state its run matched.
        QHash<QString, QList<int>> rowStates;
        for (int row = 0; row < controller.timeline()->rowCount(); ++row) {
            const QModelIndex index = controller.timeline()->index(row);
            rowStates[index.data(TimelineModel::LabelRole).toString()].append(
                index.data(TimelineModel::StateRole).toInt());
        }
        QVERIFY(rowStates.value(QStringLiteral("Fan[Branch 1] › OnlyHere")) == QList<int>({ onlyHere }));
        QVERIFY(rowStates.value(QStringLiteral("Fan[Branch 1] › Work")) == QList<int>({ failing }));
        QVERIFY(rowStates.value(QStringLiteral("Fan[Branch 2] › Work")) == QList<int>({ sibling }));
        // Events: the failure event belongs to the failing state.
        for (int e = 0; e < int(doc->execution->events.size()); ++e) {
            if (doc->execution->events[size_t(e)].type == HistoryEventType::TaskFailed) {
                controller.selection()->selectEvent(e);
                QCOMPARE(controller.selection()->selectedState(), failing);
            }
        }
    }

    // The canvas's colours come from the one status palette the exports use.
    void canvasStatusColoursAreThePalette()
    {
        StatusColors colors;
        for (RunStatus status : AllRunStatuses) {
            QCOMPARE(colors.color(runStatusKey(status), false), statusColor(status, false));
            QCOMPARE(colors.color(runStatusKey(status), true), statusColor(status, true));
        }
        QVERIFY(!colors.color(QStringLiteral("SOMETHING_ELSE"), false).isValid());
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
