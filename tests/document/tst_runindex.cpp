#include "definition/definition.h"
#include "document/executionmatch.h"
#include "document/runindex.h"
#include "testsupport.h"

#include <QTest>

using namespace Stepscope;
using namespace Stepscope::Test;

// RunIndex is the one place that ties runs to states. These histories are where the two rules that lived in the
// tree before disagreed: Parallel branches holding states of the same name, a name unique in one branch only, and
// branches numbered in the order they appear rather than the order they are defined.
class TestRunIndex : public QObject {
    Q_OBJECT

    struct Opened {
        OpenedDefinition definition;
        HistoryReadResult history;
    };

    static Opened open(const QString& name)
    {
        Opened o;
        o.definition = openDefinition(testDataPath(QStringLiteral("document/%1.asl.json").arg(name)));
        o.history = readHistoryFile(testDataPath(QStringLiteral("document/%1.history.json").arg(name)));
        return o;
    }

    static QString idOf(const Workflow& workflow, StateIndex state)
    {
        return state == NoIndex ? QStringLiteral("(none)") : workflow.states[state].id;
    }

private Q_SLOTS:
    void runsMatchTheirStatesByContent_data()
    {
        QTest::addColumn<QStringList>("runPath");
        QTest::addColumn<QString>("stateId");
        QTest::addRow("first branch's Work, seen second") << QStringList { "Fan[Branch 2]", "Work" } << "Fan/0/Work";
        QTest::addRow("second branch's Work, seen first") << QStringList { "Fan[Branch 1]", "Work" } << "Fan/1/Work";
        QTest::addRow("a name only the second branch has") << QStringList { "Fan[Branch 1]", "OnlyHere" }
                                                           << "Fan/1/OnlyHere";
        QTest::addRow("the Parallel itself") << QStringList { "Fan" } << "Fan";
    }

    void runsMatchTheirStatesByContent()
    {
        QFETCH(QStringList, runPath);
        QFETCH(QString, stateId);
        const Opened o = open(QStringLiteral("parallel-same-names"));
        QVERIFY(o.definition.hasWorkflow());
        QVERIFY(o.history.read);
        const Workflow& workflow = o.definition.workflow;
        QVERIFY2(workflow.findStateById(stateId) != NoIndex, qPrintable(stateId));
        const RunIndex runs(o.history.execution, workflow);
        int found = -1;
        for (int r = 0; r < runs.runs().size(); ++r) {
            if (runs.runs()[r].run->path() == runPath)
                found = r;
        }
        QVERIFY2(found >= 0, qPrintable(runPath.join(u'/')));
        QCOMPARE(idOf(workflow, runs.runs()[found].state), stateId);
        QVERIFY(runs.runsOf(workflow.findStateById(stateId)).contains(found));
        QCOMPARE(runs.runAt(runs.runs()[found].location), found);
        QVERIFY(runs.unmatchedNames().isEmpty());
    }

    void rootCauseIsReferencedByLocation()
    {
        const Opened o = open(QStringLiteral("parallel-same-names"));
        const Execution& e = o.history.execution;
        QVERIFY(e.rootCause);
        QCOMPARE(e.rootCause->path, QStringList({ "Fan[Branch 1]", "Work" }));
        const StateRun* failing = runAt(e, e.rootCause->run);
        QVERIFY(failing);
        QCOMPARE(failing->path(), e.rootCause->path);
        QCOMPARE(failing->error, QStringLiteral("PaymentDeclined"));
        const RunIndex runs(e, o.definition.workflow);
        QCOMPARE(idOf(o.definition.workflow, runs.stateAt(e.rootCause->run)), QStringLiteral("Fan/1/Work"));
        QVERIFY(!runAt(e, { 99 }));
        QVERIFY(!runAt(e, {}));
        QCOMPARE(runs.stateAt({ 0, 7, 0 }), NoIndex);
    }

    void statusTableAgreesWithTheIndex()
    {
        const Opened o = open(QStringLiteral("parallel-same-names"));
        const ExecutionMatch match = matchDefinition(o.history.execution, o.definition.workflow);
        QCOMPARE(match.states.value(QStringLiteral("Fan/0/Work")).status, RunStatus::Succeeded);
        QCOMPARE(match.states.value(QStringLiteral("Fan/1/Work")).status, RunStatus::Failed);
        QCOMPARE(match.states.value(QStringLiteral("Fan/1/OnlyHere")).status, RunStatus::Succeeded);
        QCOMPARE(match.states.value(QStringLiteral("Fan")).status, RunStatus::Failed);
        QCOMPARE(match.states.value(QStringLiteral("Done")).status, RunStatus::NotRun);
        QVERIFY(match.unknownStates.isEmpty());
        // Every run the index matched is counted once, on the same state.
        const RunIndex runs(o.history.execution, o.definition.workflow);
        int counted = 0;
        for (const StateOutcome& outcome : match.states)
            counted += outcome.runs;
        QCOMPARE(counted, runs.runs().size());
    }

    void unknownStatesAreReported()
    {
        // The same history against a definition without the Parallel's inner states.
        const OpenedDefinition other = openDefinitionData(
            R"({"StartAt":"Fan","States":{"Fan":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}],"End":true}}})",
            QStringLiteral("other.asl.json"));
        QVERIFY(other.hasWorkflow());
        const Opened o = open(QStringLiteral("parallel-same-names"));
        const RunIndex runs(o.history.execution, other.workflow);
        QCOMPARE(runs.unmatchedNames(), QStringList({ "OnlyHere", "Work" }));
        const ExecutionMatch match = matchDefinition(runs, other.workflow);
        QCOMPARE(match.unknownStates, runs.unmatchedNames());
        QCOMPARE(match.diagnostics.size(), 1);
        QCOMPARE(match.states.value(QStringLiteral("Fan")).status, RunStatus::Failed);
    }

    void mapIterationsAreIndexed()
    {
        const OpenedDefinition definition = openDefinition(samplePath(QStringLiteral("order-processing.asl.json")));
        const HistoryReadResult history = readHistoryFile(samplePath(QStringLiteral("order-processing-failed.history.json")));
        QVERIFY(definition.hasWorkflow() && history.read);
        const Workflow& workflow = definition.workflow;
        const RunIndex runs(history.execution, workflow);
        const StateIndex map = workflow.findStateById(QStringLiteral("ProcessOrders"));
        const StateIndex charge = workflow.findStateById(QStringLiteral("ProcessOrders/processor/ChargeCard"));
        QVERIFY(map != NoIndex && charge != NoIndex);
        const QList<IterationRef> iterations = runs.iterationsOf(map);
        QVERIFY(iterations.size() > 17);
        for (const IterationRef& it : iterations)
            QCOMPARE(it.mapState, map);
        QCOMPARE(runs.iterationStatuses(map, 17).value(charge), RunStatus::Failed);
        for (int run : runs.runsOf(charge)) {
            const RunRef& ref = runs.runs()[run];
            QCOMPARE(ref.mapState, map);
            QCOMPARE(ref.enclosingIterations.last(), std::make_pair(map, ref.iteration));
        }
        // Each event belongs to at most one run, and that run holds it.
        for (int e = 0; e < int(history.execution.events.size()); ++e) {
            const int run = runs.runOfEvent(e);
            if (run >= 0)
                QVERIFY(RunIndex::eventsOf(*runs.runs()[run].run).contains(e));
        }
        QCOMPARE(runs.runOfEvent(-1), -1);
        QCOMPARE(runs.runOfEvent(int(history.execution.events.size())), -1);
    }
};

QTEST_GUILESS_MAIN(TestRunIndex)
#include "tst_runindex.moc"
