#include "definition/definition.h"
#include "document/executionmatch.h"
#include "maphistorygenerator.h"
#include "historytestutil.h"
#include "testsupport.h"

#include <QTest>

using namespace Stepscope;
using namespace Stepscope::Test;

// Our fixtures (tests/data/histories, written from the AWS event semantics): the run tree, statuses, root cause.
class TestReconstruction : public QObject {
    Q_OBJECT

    static HistoryReadResult read(const QString& name)
    {
        HistoryReadResult result = readHistoryFile(testDataPath(QStringLiteral("histories/") + name));
        if (!result.read)
            qWarning() << "could not read" << name;
        return result;
    }

private Q_SLOTS:
    void everyFixtureIsPlaced_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("status");
        for (const auto& [file, status] : std::initializer_list<std::pair<const char*, const char*>> {
                 { "retry-then-success.json", "SUCCEEDED" }, { "retries-exhausted-catch.json", "SUCCEEDED" },
                 { "parallel-branch-fails.json", "FAILED" }, { "distributed-map.json", "FAILED" },
                 { "map-in-parallel.json", "SUCCEEDED" }, { "state-timeout.json", "FAILED" },
                 { "heartbeat-timeout.json", "FAILED" }, { "execution-timeout.json", "TIMED_OUT" },
                 { "activity.json", "SUCCEEDED" }, { "aborted.json", "ABORTED" }, { "redrive.json", "SUCCEEDED" },
                 { "jsonata-evaluation-failed.json", "FAILED" } })
            QTest::addRow("%s", file) << QString::fromLatin1(file) << QString::fromLatin1(status);
    }

    void everyFixtureIsPlaced()
    {
        QFETCH(QString, file);
        QFETCH(QString, status);
        const HistoryReadResult result = read(file);
        QVERIFY(result.read);
        QCOMPARE(result.format, HistoryFormat::ExecutionHistory);
        QCOMPARE(executionStatusKey(result.execution.status), status);
        QCOMPARE(placementProblem(result.execution), QString());
        QVERIFY(result.execution.unassignedEvents.isEmpty());
        for (const Diagnostic& d : result.diagnostics)
            QVERIFY2(d.severity == Severity::Info, qPrintable(d.message));
        const bool failed = status == QLatin1String("FAILED") || status == QLatin1String("TIMED_OUT");
        QCOMPARE(result.execution.rootCause.has_value(), failed);
        QVERIFY(result.execution.start.isValid());
        QVERIFY(result.execution.durationMs.has_value());
    }

    void retryThenSuccess()
    {
        const Execution e = read(QStringLiteral("retry-then-success.json")).execution;
        QCOMPARE(e.runs.size(), size_t(1));
        const StateRun& run = e.runs[0];
        QCOMPARE(run.name, QStringLiteral("CallApi"));
        QCOMPARE(run.stateType, QStringLiteral("Task"));
        QCOMPARE(run.status, RunStatus::Retried);
        QCOMPARE(run.attempts.size(), 2);
        QCOMPARE(run.attempts[0].outcome, AttemptOutcome::Failed);
        QCOMPARE(run.attempts[0].error, QStringLiteral("Lambda.TooManyRequestsException"));
        QCOMPARE(run.attempts[1].outcome, AttemptOutcome::Succeeded);
        QCOMPARE(run.attempts[1].resourceType, QStringLiteral("lambda"));
        QVERIFY(run.attempts[1].parameters.text().contains("call-api"));
        QCOMPARE(run.retries.size(), 1);
        QCOMPARE(run.retries[0].afterAttempt, 1);
        QVERIFY(run.retries[0].waitMs >= 0);
        QVERIFY(!run.caught);
        QVERIFY(!e.rootCause);
        QVERIFY(e.caughtErrors.isEmpty());
        QCOMPARE(run.output.text(), QByteArray(R"({"status":"done"})"));
    }

    void retriesExhaustedThenCatch()
    {
        const Execution e = read(QStringLiteral("retries-exhausted-catch.json")).execution;
        QCOMPARE(e.runs.size(), size_t(2));
        const StateRun& charge = e.runs[0];
        QCOMPARE(charge.status, RunStatus::Caught);
        QCOMPARE(charge.attempts.size(), 3);
        QCOMPARE(charge.retries.size(), 2);
        QCOMPARE(charge.retries[0].waitMs, 2000);
        QCOMPARE(charge.retries[1].waitMs, 4000);
        QVERIFY(charge.caught);
        QCOMPARE(charge.caught->error, QStringLiteral("PaymentGatewayTimeout"));
        QCOMPARE(charge.caught->nextState, QStringLiteral("NotifyFailure"));
        QCOMPARE(e.caughtErrors.size(), 1);
        QCOMPARE(e.caughtErrors[0].nextState, QStringLiteral("NotifyFailure"));
        QCOMPARE(e.runs[1].status, RunStatus::Succeeded);
        QVERIFY(!e.rootCause);
    }

    void parallelBranchFailsSiblingsAborted()
    {
        const Execution e = read(QStringLiteral("parallel-branch-fails.json")).execution;
        QCOMPARE(e.runs.size(), size_t(1));
        const StateRun& fanout = e.runs[0];
        QCOMPARE(fanout.status, RunStatus::Failed);
        QCOMPARE(fanout.children.size(), size_t(3));
        QCOMPARE(fanout.children[0].kind, RunKind::Branch);
        QCOMPARE(fanout.children[1].label(), QStringLiteral("Fanout[Branch 2]"));
        QCOMPARE(findRun(e.runs, { "Fanout[Branch 1]", "A1" })->status, RunStatus::Succeeded);
        QCOMPARE(findRun(e.runs, { "Fanout[Branch 2]", "B1" })->status, RunStatus::Failed);
        QCOMPARE(findRun(e.runs, { "Fanout[Branch 3]", "C1" })->status, RunStatus::Aborted);
        QCOMPARE(fanout.children[2].status, RunStatus::Aborted);
        QVERIFY(e.rootCause);
        QCOMPARE(e.rootCause->path, QStringList({ "Fanout[Branch 2]", "B1" }));
        QCOMPARE(e.rootCause->error, QStringLiteral("BoomError"));
        QVERIFY(e.rootCause->lambda);
        QCOMPARE(e.rootCause->lambda->errorMessage, QStringLiteral("b exploded"));
        QCOMPARE(e.rootCause->lambda->stackTrace.size(), 1);
        QCOMPARE(e.rootCause->input.text(), QByteArray(R"({"id":7})"));
    }

    void mapOfThousandIterationsWithThreeFailures()
    {
        MapHistorySpec spec;
        spec.iterations = 1000;
        spec.failing = { 400, 700, 999 };
        spec.concurrency = 10;
        const HistoryReadResult result = readHistoryData(generateMapHistory(spec), QStringLiteral("map-1000.json"));
        QVERIFY(result.read);
        const Execution& e = result.execution;
        QCOMPARE(int(e.events.size()), mapHistoryEventCount(1000, 3));
        QCOMPARE(e.status, ExecutionStatus::Failed);
        QCOMPARE(placementProblem(e), QString());
        QCOMPARE(e.runs.size(), size_t(1));
        const StateRun& map = e.runs[0];
        QCOMPARE(map.mapLength, 1000);
        QCOMPARE(map.children.size(), size_t(1000));
        int failed = 0;
        for (const StateRun& iteration : map.children) {
            QCOMPARE(iteration.kind, RunKind::Iteration);
            QCOMPARE(iteration.children.size(), size_t(1));
            failed += iteration.status == RunStatus::Failed;
        }
        QCOMPARE(failed, 3);
        QCOMPARE(map.children[700].status, RunStatus::Failed);
        QCOMPARE(map.children[701].status, RunStatus::Succeeded);
        QCOMPARE(countRuns(e.runs, QStringLiteral("ChargeCard"), RunStatus::Failed), 3);
        QVERIFY(e.rootCause);
        QCOMPARE(e.rootCause->path, QStringList({ "ProcessOrders[400]", "ChargeCard" }));
        QCOMPARE(e.rootCause->error, QStringLiteral("PaymentDeclined"));
        QVERIFY(e.rootCause->lambda);

        const OpenedDefinition definition = openDefinition(samplePath(QStringLiteral("order-processing.asl.json")));
        QVERIFY(definition.hasWorkflow());
        const ExecutionMatch match = matchDefinition(e, definition.workflow);
        const StateOutcome charge = match.states.value(QStringLiteral("ProcessOrders/processor/ChargeCard"));
        QCOMPARE(charge.runs, 1000);
        QCOMPARE(charge.failed, 3);
        QCOMPARE(charge.status, RunStatus::Failed);
        QVERIFY2(charge.summary.contains(QLatin1String("3/1000 failed")), qPrintable(charge.summary));
        const StateOutcome processOrders = match.states.value(QStringLiteral("ProcessOrders"));
        QCOMPARE(processOrders.iterations, 1000);
        QCOMPARE(processOrders.iterationsFailed, 3);
        QCOMPARE(processOrders.iterationsSucceeded, 997);
        QCOMPARE(match.states.value(QStringLiteral("ManualReview")).status, RunStatus::NotRun);
        QVERIFY(match.unknownStates.isEmpty());
    }

    void distributedMapRun()
    {
        const Execution e = read(QStringLiteral("distributed-map.json")).execution;
        const StateRun& map = e.runs.at(0);
        QCOMPARE(map.mapRuns.size(), 1);
        QVERIFY(map.mapRuns[0].mapRunArn.contains(QLatin1String(":mapRun:")));
        QCOMPARE(map.mapRuns[0].status, RunStatus::Failed);
        QCOMPARE(map.mapRuns[0].error, QStringLiteral("States.ExceedToleratedFailureThreshold"));
        QCOMPARE(map.status, RunStatus::Failed);
        QCOMPARE(e.rootCause->path, QStringList({ "ProcessFiles" }));
        QCOMPARE(e.rootCause->error, QStringLiteral("States.ExceedToleratedFailureThreshold"));
    }

    void mapInsideParallel()
    {
        const Execution e = read(QStringLiteral("map-in-parallel.json")).execution;
        const StateRun* items = findRun(e.runs, { "Outer[Branch 1]", "Items" });
        QVERIFY(items);
        QCOMPARE(items->children.size(), size_t(2));
        const StateRun* second = findRun(e.runs, { "Outer[Branch 1]", "Items[1]", "Double" });
        QVERIFY(second);
        QCOMPARE(second->status, RunStatus::Succeeded);
        QCOMPARE(second->output.text(), QByteArray("4"));
        QVERIFY(findRun(e.runs, { "Outer[Branch 2]", "Other" }));
        const Workflow path = workflowFromExecution(e);
        QVERIFY(path.findStateById(QStringLiteral("Outer/0/Items/processor/Double")) != NoIndex);
        QVERIFY(path.findStateById(QStringLiteral("Outer/1/Other")) != NoIndex);
        const ExecutionMatch match = matchDefinition(e, path);
        QCOMPARE(match.states.value(QStringLiteral("Outer/0/Items/processor/Double")).runs, 2);
    }

    void timeouts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("error");
        QTest::addRow("state") << "state-timeout.json" << "SlowJob" << "States.Timeout";
        QTest::addRow("heartbeat") << "heartbeat-timeout.json" << "WaitForWorker" << "States.HeartbeatTimeout";
        QTest::addRow("execution") << "execution-timeout.json" << "WaitForApproval" << "States.Timeout";
    }

    void timeouts()
    {
        QFETCH(QString, file);
        QFETCH(QString, state);
        QFETCH(QString, error);
        const Execution e = read(file).execution;
        QCOMPARE(e.runs.at(0).name, state);
        QCOMPARE(e.runs.at(0).status, RunStatus::TimedOut);
        QVERIFY(e.rootCause);
        QCOMPARE(e.rootCause->state, state);
        QCOMPARE(e.rootCause->error, error);
    }

    void abort()
    {
        const Execution e = read(QStringLiteral("aborted.json")).execution;
        QCOMPARE(e.status, ExecutionStatus::Aborted);
        QCOMPARE(e.runs.at(0).status, RunStatus::Aborted);
        QVERIFY(!e.rootCause);
        QCOMPARE(e.error, QStringLiteral("Stopped"));
    }

    void redrive()
    {
        const Execution e = read(QStringLiteral("redrive.json")).execution;
        QCOMPARE(e.redriveCount, 1);
        QVERIFY(e.redriveDate.isValid());
        QCOMPARE(e.status, ExecutionStatus::Succeeded);
        QCOMPARE(e.runs.size(), size_t(2));
        QCOMPARE(e.runs[0].status, RunStatus::Retried); // failed, then ran again by the redrive
        QCOMPARE(e.runs[1].status, RunStatus::Succeeded);
        QVERIFY(!e.rootCause);
    }

    void jsonataEvaluationFailed()
    {
        const Execution e = read(QStringLiteral("jsonata-evaluation-failed.json")).execution;
        QVERIFY(e.runs[0].assignedVariables.text().contains("total"));
        const StateRun& transform = e.runs.at(1);
        QCOMPARE(transform.evaluationFailures.size(), 1);
        QCOMPARE(transform.evaluationFailures[0].location, QStringLiteral("Arguments"));
        QCOMPARE(transform.status, RunStatus::Failed);
        QCOMPARE(e.rootCause->state, QStringLiteral("Transform"));
        QCOMPARE(e.rootCause->error, QStringLiteral("States.QueryEvaluationError"));
        QVERIFY(e.rootCause->cause.contains(QLatin1String("$missing.value")));
    }

    void activityTask()
    {
        const Execution e = read(QStringLiteral("activity.json")).execution;
        const StateRun& render = e.runs.at(0);
        QCOMPARE(render.attempts.size(), 1);
        QCOMPARE(render.attempts[0].kind, QStringLiteral("activity"));
        QCOMPARE(render.attempts[0].heartbeatSeconds, std::optional<qint64>(60));
        QCOMPARE(render.attempts[0].outcome, AttemptOutcome::Succeeded);
        QVERIFY(render.attempts[0].parameters.text().contains("a.pdf"));
        QVERIFY(render.attempts[0].resource.contains(QLatin1String(":activity:render")));
    }

    void orderProcessingSample()
    {
        const HistoryReadResult result
            = readHistoryFile(samplePath(QStringLiteral("order-processing-failed.history.json")));
        const Execution& e = result.execution;
        QCOMPARE(e.status, ExecutionStatus::Failed);
        QCOMPARE(placementProblem(e), QString());
        QVERIFY(e.rootCause);
        QCOMPARE(e.rootCause->path, QStringList({ "ProcessOrders[17]", "ChargeCard" }));
        QCOMPARE(e.rootCause->error, QStringLiteral("PaymentDeclined"));
        QVERIFY(e.rootCause->lambda);
        QCOMPARE(e.rootCause->lambda->errorType, QStringLiteral("PaymentDeclined"));
        QCOMPARE(e.rootCause->lambda->stackTrace.size(), 2);
        QVERIFY(e.rootCause->input.text().contains("SKU-1017"));
        QCOMPARE(e.rootCause->attempts.size(), 2);
        QCOMPARE(e.rootCause->attempts[0].error, QStringLiteral("PaymentGatewayTimeout"));
        QCOMPARE(e.rootCause->retries.size(), 1);
        QCOMPARE(e.rootCause->retries[0].waitMs, 1000);
        QCOMPARE(e.caughtErrors.size(), 1);
        QCOMPARE(e.caughtErrors[0].state, QStringLiteral("ProcessOrders"));
        QCOMPARE(e.caughtErrors[0].error, QStringLiteral("PaymentDeclined"));
        QCOMPARE(e.caughtErrors[0].nextState, QStringLiteral("PaymentFailed"));
        QCOMPARE(findRun(e.runs, { "ProcessOrders[18]" })->status, RunStatus::Aborted);
        QCOMPARE(findRun(e.runs, { "ProcessOrders[18]", "ReserveItem" })->status, RunStatus::Aborted);

        const OpenedDefinition definition = openDefinition(samplePath(QStringLiteral("order-processing.asl.json")));
        const ExecutionMatch match = matchDefinition(e, definition.workflow);
        QCOMPARE(match.states.value(QStringLiteral("ValidateOrder")).status, RunStatus::Retried);
        QCOMPARE(match.states.value(QStringLiteral("CheckInventory")).status, RunStatus::Succeeded);
        QCOMPARE(match.states.value(QStringLiteral("ManualReview")).status, RunStatus::NotRun);
        QCOMPARE(match.states.value(QStringLiteral("ProcessOrders")).status, RunStatus::Caught);
        QCOMPARE(match.states.value(QStringLiteral("ProcessOrders/processor/ChargeCard")).status, RunStatus::Failed);
        QCOMPARE(match.states.value(QStringLiteral("ProcessOrders/processor/ChargeCard")).failed, 1);
        QCOMPARE(match.states.value(QStringLiteral("PaymentFailed")).status, RunStatus::Failed);
        QCOMPARE(match.states.value(QStringLiteral("NotifyCustomer/0/SendConfirmationEmail")).status, RunStatus::NotRun);
        QVERIFY(match.unknownStates.isEmpty());
        QVERIFY(match.diagnostics.isEmpty());
    }

    void pathWorkflowWithoutDefinition()
    {
        const Execution e = readHistoryFile(samplePath(QStringLiteral("order-processing-failed.history.json"))).execution;
        const Workflow path = workflowFromExecution(e);
        QCOMPARE(path.startAt, QStringLiteral("ValidateOrder"));
        const StateIndex map = path.findState(QStringLiteral("ProcessOrders"), NoIndex);
        QVERIFY(map != NoIndex);
        QCOMPARE(path.states[map].type, StateType::Map);
        QCOMPARE(path.states[map].children.size(), 1);
        QCOMPARE(path.statesIn(path.states[map].children[0]).size(), 2); // ReserveItem, ChargeCard
        bool catchEdge = false;
        for (const Edge& edge : path.edges) {
            catchEdge = catchEdge
                || (edge.kind == EdgeKind::Catch && path.states[edge.from].name == QLatin1String("ProcessOrders")
                    && path.states[edge.to].name == QLatin1String("PaymentFailed"));
        }
        QVERIFY(catchEdge);
    }
};

QTEST_GUILESS_MAIN(TestReconstruction)
#include "tst_reconstruction.moc"
