#include "dataflow/lineage.h"
#include "dataflow/replay.h"
#include "definition/definition.h"
#include "history/execution.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Stepscope;
using namespace Stepscope::Dataflow;

namespace {

/// A pair is ground truth when the test loaded the template unchanged, or changed only a state's Resource.
bool onlyResourceChanged(const QJsonObject& pair)
{
    if (pair.value("ambiguous").toBool() || pair.value("templates").toArray().size() != 1)
        return false;
    if (!pair.value("modified").toBool())
        return true;
    const QString note = pair.value("note").toString();
    const qsizetype at = note.indexOf(QLatin1String("modified in code: "));
    if (at < 0)
        return false;
    static const QRegularExpression resource(QStringLiteral("^sets States\\.[^.]+\\.Resource$"));
    for (const QString& change : note.mid(at + 17).split(QStringLiteral("; "))) {
        if (!resource.match(change.trimmed()).hasMatch())
            return false;
    }
    return true;
}

/// A get-execution-history page of three runs (payloads written as AWS writes them: JSON text in strings).
QByteArray threeStateHistory()
{
    const auto text = [](const char* json) { return Json::parse(json).dump(); };
    const std::string in = text(R"({"customer": "ana"})");
    const std::string afterA = text(R"({"customer": "ana", "order": {"id": 7}})");
    const std::string afterB = text(R"({"customer": "ana", "order": {"id": 7}, "charge": {"total": 3}})");
    Json events = Json::array();
    long long id = 0;
    const auto add = [&](const char* type, const char* detailsKey, Json details) {
        ++id;
        Json e = { { "id", id }, { "previousEventId", id - 1 }, { "timestamp", "2025-01-01T00:00:00Z" }, { "type", type } };
        e[detailsKey] = std::move(details);
        events.push_back(std::move(e));
    };
    add("ExecutionStarted", "executionStartedEventDetails", { { "input", in } });
    add("PassStateEntered", "stateEnteredEventDetails", { { "name", "A" }, { "input", in } });
    add("PassStateExited", "stateExitedEventDetails", { { "name", "A" }, { "output", afterA } });
    add("TaskStateEntered", "stateEnteredEventDetails", { { "name", "B" }, { "input", afterA } });
    add("TaskScheduled", "taskScheduledEventDetails",
        { { "resource", "invoke" }, { "resourceType", "lambda" }, { "parameters", text(R"({"Payload": {"id": 7}})") } });
    add("TaskStarted", "taskStartedEventDetails", { { "resource", "invoke" }, { "resourceType", "lambda" } });
    add("TaskSucceeded", "taskSucceededEventDetails",
        { { "resource", "invoke" }, { "resourceType", "lambda" }, { "output", text(R"({"Payload": {"total": 3}})") } });
    add("TaskStateExited", "stateExitedEventDetails", { { "name", "B" }, { "output", afterB } });
    add("PassStateEntered", "stateEnteredEventDetails", { { "name", "C" }, { "input", afterB } });
    add("PassStateExited", "stateExitedEventDetails", { { "name", "C" }, { "output", afterB } });
    add("ExecutionSucceeded", "executionSucceededEventDetails", { { "output", afterB } });
    return QByteArray::fromStdString(Json { { "events", events } }.dump());
}

const char* threeStateDefinition = R"({"StartAt": "A", "States": {
    "A": {"Type": "Pass", "Result": {"id": 7}, "ResultPath": "$.order", "Next": "B"},
    "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"Payload.$": "$.order"},
          "ResultSelector": {"total.$": "$.Payload.total"}, "ResultPath": "$.charge", "Next": "C"},
    "C": {"Type": "Pass", "End": true}}})";

} // namespace

class TestDataflowReplay : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A small history written here: every run agrees, and values trace back to where they came from.
    void replayAndLineage()
    {
        const HistoryReadResult history = readHistoryData(threeStateHistory(), QStringLiteral("three.json"));
        QVERIFY(history.read);
        const OpenedDefinition definition = openDefinitionData(threeStateDefinition, QStringLiteral("three.asl.json"));
        QVERIFY(definition.hasWorkflow());
        const ExecutionReplay replay = replayExecution(history.execution, definition.workflow);
        QCOMPARE(replay.summary.runs, 3);
        QCOMPARE(replay.summary.agreeing, 3);
        QCOMPARE(replay.summary.disagreeing, 0);
        const RunReplay& b = replay.runs[1];
        bool parametersAgree = false;
        for (const ReplayComparison& c : b.comparisons)
            parametersAgree = parametersAgree
                || (c.what == QLatin1String("parameters") && c.verdict == ReplayComparison::Verdict::Agrees);
        QVERIFY(parametersAgree);
        const Json j = b.toJson();
        QVERIFY(j["recorded"].contains("parameters"));
        QVERIFY(j["recorded"].contains("output"));
        QVERIFY(j["recorded"].contains("nextState"));

        const std::optional<Json> executionInput = payloadJson(history.execution.input);
        std::optional<LineageStep> step = traceValue(replay, 2, "$.order.id", false, executionInput);
        QVERIFY(step);
        QCOMPARE(step->run, 0);
        QCOMPARE(step->stage, QStringLiteral("result"));
        QCOMPARE(step->field, QStringLiteral("Result"));
        step = traceValue(replay, 2, "$.charge", false, executionInput);
        QVERIFY(step);
        QCOMPARE(step->run, 1);
        QCOMPARE(step->stage, QStringLiteral("result")); // {"total": 3} is already inside the task's result
        QVERIFY(step->description.contains(QLatin1String("task result")));
        step = traceValue(replay, 2, "$.customer", false, executionInput);
        QVERIFY(step);
        QCOMPARE(step->run, -1);
        QVERIFY(!traceValue(replay, 2, "$.nothing", false, executionInput));
    }

    // A definition that is not the revision that ran: the disagreement says so.
    void otherRevisionDisagrees()
    {
        const HistoryReadResult history = readHistoryData(threeStateHistory(), QStringLiteral("three.json"));
        QByteArray other(threeStateDefinition);
        other.replace("\"ResultPath\": \"$.order\"", "\"ResultPath\": \"$.purchase\"");
        const OpenedDefinition definition = openDefinitionData(other, QStringLiteral("other.asl.json"));
        const ExecutionReplay replay = replayExecution(history.execution, definition.workflow);
        QVERIFY(replay.runs[0].disagrees());
        QVERIFY2(replay.runs[0].disagreement.contains(QLatin1String("not the revision that ran")),
            qPrintable(replay.runs[0].disagreement));
    }

    // Every recorded run of every ground-truth pair, replayed from what came before it.
    void corpusAgrees()
    {
        STEPSCOPE_REQUIRE_CORPUS(corpus);
        QFile pairsFile(corpus + QStringLiteral("/pairs.json"));
        QVERIFY(pairsFile.open(QIODevice::ReadOnly));
        const QJsonObject pairs = QJsonDocument::fromJson(pairsFile.readAll()).object().value("pairs").toObject();
        QVERIFY(!pairs.isEmpty());

        int histories = 0, compared = 0, agreeing = 0, volatileRuns = 0, choices = 0, choicesAgreeing = 0;
        ReplaySummary total;
        QStringList disagreements;
        for (auto it = pairs.begin(); it != pairs.end(); ++it) {
            const QJsonObject pair = it.value().toObject();
            if (!onlyResourceChanged(pair))
                continue;
            const QString historyPath = corpus + QStringLiteral("/histories/localstack/") + it.key();
            if (!QFile::exists(historyPath))
                continue;
            const HistoryReadResult history = readHistoryFile(historyPath);
            if (!history.read || !history.execution.hasHistory || history.execution.isPartialLog)
                continue;
            const QString templatePath = corpus + QStringLiteral("/definitions/localstack-templates/")
                + pair.value("templates").toArray().first().toString();
            const OpenedDefinition definition = openDefinition(templatePath);
            if (!definition.hasWorkflow())
                continue;
            ++histories;
            const ExecutionReplay replay = replayExecution(history.execution, definition.workflow);
            total.runs += replay.summary.runs;
            total.replayed += replay.summary.replayed;
            total.agreeing += replay.summary.agreeing;
            total.disagreeing += replay.summary.disagreeing;
            total.volatileRuns += replay.summary.volatileRuns;
            total.notReplayable += replay.summary.notReplayable;
            for (auto r = replay.summary.notReplayableReasons.begin(); r != replay.summary.notReplayableReasons.end();
                 ++r)
                total.notReplayableReasons[r.key()] += r.value();
            for (const RunReplay& run : replay.runs) {
                if (!run.replayed)
                    continue;
                static const QStringList types { QStringLiteral("Pass"), QStringLiteral("Task"),
                    QStringLiteral("Choice"), QStringLiteral("Wait"), QStringLiteral("Succeed") };
                if (run.disagrees())
                    disagreements.append(QStringLiteral("%1 %2 (%3): %4")
                                             .arg(it.key(), run.path.join(QStringLiteral(" › ")), run.stateType,
                                                 run.disagreement));
                if (!types.contains(run.stateType) || !run.hasRecordedOutput())
                    continue;
                if (run.isVolatile) {
                    ++volatileRuns;
                    continue;
                }
                ++compared;
                agreeing += run.agrees();
                if (run.stateType == QLatin1String("Choice")) {
                    for (const ReplayComparison& c : run.comparisons) {
                        if (c.what == QLatin1String("nextState")) {
                            ++choices;
                            choicesAgreeing += c.verdict == ReplayComparison::Verdict::Agrees;
                        }
                    }
                }
            }
        }
        qInfo("histories replayed: %d", histories);
        qInfo("state runs: %d, replayed %d, agreeing %d, disagreeing %d, volatile (counted apart) %d, not replayable %d",
            total.runs, total.replayed, total.agreeing, total.disagreeing, total.volatileRuns, total.notReplayable);
        for (auto r = total.notReplayableReasons.begin(); r != total.notReplayableReasons.end(); ++r)
            qInfo("  not replayable: %d × %s", r.value(), qPrintable(r.key()));
        qInfo("Pass/Task/Choice/Wait/Succeed runs with a recorded output: %d compared, %d agree (%.2f%%), %d volatile",
            compared, agreeing, compared ? 100.0 * agreeing / compared : 0.0, volatileRuns);
        qInfo("Choice runs: %d with a next state, %d agree", choices, choicesAgreeing);
        for (const QString& d : disagreements)
            qInfo("DISAGREES %s", qPrintable(d));
        QVERIFY2(histories >= 50, "too few histories could be paired");
        QVERIFY2(compared >= 200, "too few runs compared");
        QVERIFY2(agreeing * 100 >= compared * 99,
            qPrintable(QStringLiteral("only %1 of %2 runs agree").arg(agreeing).arg(compared)));
        QCOMPARE(choicesAgreeing, choices);
    }
};

QTEST_GUILESS_MAIN(TestDataflowReplay)
#include "tst_dataflowreplay.moc"
