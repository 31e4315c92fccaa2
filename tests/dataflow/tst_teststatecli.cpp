#include "dataflow/replay.h"
#include "definition/definition.h"
#include "history/execution.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope;
using namespace Stepscope::Dataflow;
using namespace Stepscope::Test;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

QString text(const Json& v)
{
    return QString::fromStdString(v.dump());
}

/// The --json answer; an empty object when the command printed none.
Json runJson(const QStringList& arguments, int* exitCode = nullptr)
{
    const ProcessResult r = runStepscope(arguments);
    if (exitCode)
        *exitCode = r.exitCode;
    Json out = Json::parse(r.out.toStdString(), nullptr, false);
    if (out.is_discarded() || !out.is_object()) {
        qWarning("no JSON answer: %s", r.err.constData());
        return Json::object();
    }
    return out;
}

const QByteArray machine = R"({
  "StartAt": "Charge",
  "States": {
    "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
      "InputPath": "$.order", "Parameters": {"FunctionName": "charge", "Payload": {"id.$": "$.id", "exec.$": "$$.Execution.Id"}},
      "ResultSelector": {"status.$": "$.Payload.status"}, "ResultPath": "$.charge", "Next": "Route",
      "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "MaxAttempts": 2, "IntervalSeconds": 1}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure", "Next": "Refund"}]},
    "Route": {"Type": "Choice", "Choices": [{"Variable": "$.charge.status", "StringEquals": "OK", "Next": "Fanout"}],
      "Default": "Refund"},
    "Fanout": {"Type": "Map", "ItemsPath": "$.order.items", "ItemProcessor": {"StartAt": "Refund", "States": {
      "Refund": {"Type": "Pass", "Result": "inner", "End": true}}}, "End": true},
    "Refund": {"Type": "Pass", "Parameters": {"who.$": "$customer", "name.$": "$$.State.Name"}, "End": true}
  }
})";

} // namespace

// moc cannot read the raw JSON strings above and below: it is shown the slots alone.
#ifdef Q_MOC_RUN
class TestTestStateCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void succeeded();
    void textReport();
    void retriableThenCaught();
    void failedWithoutCatch();
    void choice();
    void variablesAndContext();
    void partialContext();
    void usageErrors_data();
    void usageErrors();
    void ambiguousState();
    void jsonataIsNotEvaluated();
    void corpusRunsPrintTheRecordedOutput();
    void inspectDataflow();
};
#else
class TestTestStateCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_definition = writeFile(m_dir, QStringLiteral("order.asl.json"), machine);
        QVERIFY(!m_definition.isEmpty());
    }

    void succeeded()
    {
        const QString input = writeFile(m_dir, QStringLiteral("input.json"), R"({"order": {"id": "A-1"}})");
        int code = -1;
        const Json out = runJson({ QStringLiteral("test-state"), m_definition, QStringLiteral("--state"),
                                     QStringLiteral("Charge"), QStringLiteral("--input"), u'@' + input,
                                     QStringLiteral("--result"), QStringLiteral(R"({"Payload": {"status": "OK"}})"),
                                     QStringLiteral("--context"), QStringLiteral(R"({"Execution": {"Id": "arn:e"}})"),
                                     QStringLiteral("--json") },
            &code);
        QCOMPARE(code, 0);
        QCOMPARE(text(out["status"]), QStringLiteral("\"SUCCEEDED\""));
        QCOMPARE(text(out["nextState"]), QStringLiteral("\"Route\""));
        // output and inspectionData are JSON values, not JSON-encoded text.
        QVERIFY(jsonEquals(out["output"], Json::parse(R"({"order": {"id": "A-1"}, "charge": {"status": "OK"}})")));
        const Json& data = out["inspectionData"];
        QVERIFY(jsonEquals(data["input"], Json::parse(R"({"order": {"id": "A-1"}})")));
        QVERIFY(jsonEquals(data["afterInputPath"], Json::parse(R"({"id": "A-1"})")));
        QVERIFY(jsonEquals(data["afterParameters"],
            Json::parse(R"({"FunctionName": "charge", "Payload": {"id": "A-1", "exec": "arn:e"}})")));
        QVERIFY(jsonEquals(data["result"], Json::parse(R"({"Payload": {"status": "OK"}})")));
        QVERIFY(jsonEquals(data["afterResultSelector"], Json::parse(R"({"status": "OK"})")));
        QVERIFY(data["afterResultPath"].is_object());
    }

    void textReport()
    {
        const ProcessResult r = runStepscope({ QStringLiteral("test-state"), m_definition, QStringLiteral("--state"),
            QStringLiteral("Charge"), QStringLiteral("--input"), QStringLiteral(R"({"order": {"id": "A-1"}})"),
            QStringLiteral("--result"), QStringLiteral(R"({"Payload": {"status": "OK"}})"), QStringLiteral("--context"),
            QStringLiteral(R"({"Execution": {"Id": "arn:e"}})") });
        QCOMPARE(r.exitCode, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QLatin1String("Status:     SUCCEEDED")), r.out.constData());
        QVERIFY(out.contains(QLatin1String("Next state: Route")));
        QVERIFY(out.contains(QLatin1String("afterResultSelector")));
        QVERIFY(out.contains(QLatin1String(R"({"order":{"id":"A-1"},"charge":{"status":"OK"}})")));
    }

    void retriableThenCaught()
    {
        const QStringList base { QStringLiteral("test-state"), m_definition, QStringLiteral("--state"),
            QStringLiteral("Charge"), QStringLiteral("--input"), QStringLiteral(R"({"order": {"id": "A-1"}})"),
            QStringLiteral("--error"), QStringLiteral("Lambda.TooManyRequestsException"), QStringLiteral("--cause"),
            QStringLiteral("slow down"), QStringLiteral("--context"), QStringLiteral(R"({"Execution": {"Id": "arn:e"}})"),
            QStringLiteral("--json") };
        Json out = runJson(base + QStringList { QStringLiteral("--retry-count"), QStringLiteral("1") });
        QCOMPARE(text(out["status"]), QStringLiteral("\"RETRIABLE\""));
        QCOMPARE(text(out["inspectionData"]["errorDetails"]["retryIndex"]), QStringLiteral("0"));
        out = runJson(base + QStringList { QStringLiteral("--retry-count"), QStringLiteral("2") });
        QCOMPARE(text(out["status"]), QStringLiteral("\"CAUGHT_ERROR\""));
        QCOMPARE(text(out["nextState"]), QStringLiteral("\"Refund\""));
        QCOMPARE(text(out["inspectionData"]["errorDetails"]["catchIndex"]), QStringLiteral("0"));
        QVERIFY(jsonEquals(out["output"], Json::parse(R"({"order": {"id": "A-1"},
            "failure": {"Error": "Lambda.TooManyRequestsException", "Cause": "slow down"}})")));
    }

    void failedWithoutCatch()
    {
        int code = -1;
        const Json out = runJson({ QStringLiteral("test-state"), m_definition, QStringLiteral("--state"),
                                     QStringLiteral("Charge"), QStringLiteral("--input"), QStringLiteral("{}"),
                                     QStringLiteral("--result"), QStringLiteral("{}"), QStringLiteral("--json") },
            &code);
        QCOMPARE(code, 0);
        QCOMPARE(text(out["status"]), QStringLiteral("\"FAILED\"")); // InputPath $.order finds nothing
        QCOMPARE(text(out["error"]), QStringLiteral("\"States.Runtime\""));
        QVERIFY(QString::fromStdString(out["cause"].get<std::string>())
                    .contains(QLatin1String("Invalid path '$.order' : No results for path: $['order']")));
    }

    void choice()
    {
        const Json out = runJson({ QStringLiteral("test-state"), m_definition, QStringLiteral("--state"),
            QStringLiteral("Route"), QStringLiteral("--input"), QStringLiteral(R"({"charge": {"status": "NO"}})"),
            QStringLiteral("--json") });
        QCOMPARE(text(out["status"]), QStringLiteral("\"SUCCEEDED\""));
        QCOMPARE(text(out["nextState"]), QStringLiteral("\"Refund\""));
        QCOMPARE(text(out["inspectionData"]["choice"]["defaultTaken"]), QStringLiteral("true"));
    }

    void variablesAndContext()
    {
        const Json out = runJson({ QStringLiteral("test-state"), m_definition, QStringLiteral("--state"),
            QStringLiteral("/Refund"), QStringLiteral("--input"), QStringLiteral("{}"), QStringLiteral("--variables"),
            QStringLiteral(R"({"customer": {"name": "Ana"}})"), QStringLiteral("--context"),
            QStringLiteral(R"({"State": {"Name": "Refund"}})"), QStringLiteral("--json") });
        QVERIFY(jsonEquals(out["output"], Json::parse(R"({"who": {"name": "Ana"}, "name": "Refund"})")));
    }

    void partialContext()
    {
        // What --context lacks is absent: a path into it fails as AWS would.
        const Json out = runJson({ QStringLiteral("test-state"), m_definition, QStringLiteral("--state"),
            QStringLiteral("Charge"), QStringLiteral("--input"), QStringLiteral(R"({"order": {"id": "A-1"}})"),
            QStringLiteral("--result"), QStringLiteral("{}"), QStringLiteral("--json") });
        QCOMPARE(text(out["status"]), QStringLiteral("\"FAILED\"")); // States.Runtime: not caught by States.ALL
        QCOMPARE(text(out["error"]), QStringLiteral("\"States.Runtime\""));
        QVERIFY(QString::fromStdString(out["cause"].get<std::string>()).contains(QLatin1String("$$.Execution.Id")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString def = m_definition;
        QTest::addRow("task without result") << QStringList { def, "--state", "Charge", "--input", "{}" } << 2
                                             << "needs its result";
        QTest::addRow("no input") << QStringList { def, "--state", "Charge" } << 2 << "--input are required";
        QTest::addRow("bad JSON") << QStringList { def, "--state", "Charge", "--input", "{" } << 2 << "is not JSON";
        QTest::addRow("result and error") << QStringList { def, "--state", "Charge", "--input", "{}", "--result", "1",
            "--error", "E" } << 2 << "not both";
        QTest::addRow("unknown state") << QStringList { def, "--state", "Nope", "--input", "{}" } << 2
                                       << "no state Nope";
        QTest::addRow("missing file") << QStringList { def, "--state", "Route", "--input", "@/no/such/file" } << 2
                                      << "cannot read";
        QTest::addRow("unknown option") << QStringList { def, "--frobnicate" } << 2 << "unknown option";
        QTest::addRow("bad definition") << QStringList { "/no/such/definition.json", "--state", "A", "--input", "{}" }
                                        << 1 << "could not be read";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const ProcessResult r = runStepscope(QStringList { QStringLiteral("test-state") } + arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void ambiguousState()
    {
        const ProcessResult r = runStepscope({ QStringLiteral("test-state"), m_definition, QStringLiteral("--state"),
            QStringLiteral("Refund"), QStringLiteral("--input"), QStringLiteral("{}") });
        // "Refund" is at the top and inside Fanout: the bare name is ambiguous, and the candidates are listed.
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(QLatin1String("  /Fanout/Refund")) && err.contains(QLatin1String("  /Refund\n")),
            r.err.constData());
        const Json inner = runJson({ QStringLiteral("test-state"), m_definition, QStringLiteral("--state"),
            QStringLiteral("Fanout/Refund"), QStringLiteral("--input"), QStringLiteral("{}"), QStringLiteral("--json") });
        QCOMPARE(text(inner["output"]), QStringLiteral("\"inner\""));
    }

    void jsonataIsNotEvaluated()
    {
        const QString def = writeFile(m_dir, QStringLiteral("jsonata.json"),
            R"({"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% 1 %}", "End": true}}})");
        const ProcessResult r = runStepscope({ QStringLiteral("test-state"), def, QStringLiteral("--state"),
            QStringLiteral("A"), QStringLiteral("--input"), QStringLiteral("{}") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QString::fromUtf8(r.out).contains(QLatin1String("JSONata: not evaluated yet")), r.out.constData());
    }

    // Fed only what came before a recorded run (its input, its task's result or final error with the retries spent,
    // the execution input and the state name as context, the variables assigned before it), test-state prints the
    // output AWS recorded.
    void corpusRunsPrintTheRecordedOutput()
    {
        STEPSCOPE_REQUIRE_CORPUS(corpus);
        QFile pairsFile(corpus + QStringLiteral("/pairs.json"));
        QVERIFY(pairsFile.open(QIODevice::ReadOnly));
        const QJsonObject pairs = QJsonDocument::fromJson(pairsFile.readAll()).object().value("pairs").toObject();
        int checked = 0, agreed = 0;
        QStringList problems;
        static const QRegularExpression labelIndex(QStringLiteral("\\[[^\\]]*\\]$"));
        for (auto it = pairs.begin(); it != pairs.end() && checked < 60; ++it) {
            const QJsonObject pair = it.value().toObject();
            if (pair.value("modified").toBool() || pair.value("ambiguous").toBool()
                || pair.value("templates").toArray().size() != 1 || !it.key().startsWith(QLatin1String("histories/")))
                continue;
            const QString historyPath = corpus + QStringLiteral("/histories/localstack/") + it.key();
            const QString templatePath = corpus + QStringLiteral("/definitions/localstack-templates/")
                + pair.value("templates").toArray().first().toString();
            const HistoryReadResult history = readHistoryFile(historyPath);
            const OpenedDefinition definition = openDefinition(templatePath);
            if (!history.read || !definition.hasWorkflow())
                continue;
            const ExecutionReplay replay = replayExecution(history.execution, definition.workflow);
            for (const RunReplay& run : replay.runs) {
                if (!run.agrees() || !run.hasRecordedOutput() || run.stateType == QLatin1String("Map")
                    || run.stateType == QLatin1String("Parallel"))
                    continue;
                QStringList names;
                for (const QString& label : run.path)
                    names.append(QString(label).remove(labelIndex));
                QStringList arguments { QStringLiteral("test-state"), templatePath, QStringLiteral("--state"),
                    names.join(u'/'), QStringLiteral("--input"), text(run.request.input), QStringLiteral("--json") };
                // Only what the history holds before the run: the execution input and the state name.
                Json context = Json::object();
                if (run.request.context.contains("Execution"))
                    context["Execution"]["Input"] = run.request.context["Execution"]["Input"];
                context["State"]["Name"] = run.stateName.toStdString();
                arguments << QStringLiteral("--context") << text(context);
                if (!run.request.variables.empty())
                    arguments << QStringLiteral("--variables") << text(run.request.variables);
                if (run.request.result)
                    arguments << QStringLiteral("--result") << text(*run.request.result);
                if (run.request.error)
                    arguments << QStringLiteral("--error") << *run.request.error << QStringLiteral("--cause")
                              << run.request.cause << QStringLiteral("--retry-count")
                              << QString::number(run.request.retryCount);
                Json recorded;
                for (const ReplayComparison& c : run.comparisons) {
                    if (c.what == QLatin1String("output"))
                        recorded = *c.recorded;
                }
                const Json out = runJson(arguments);
                ++checked;
                if (out.is_object() && out.contains("output") && jsonEquals(out["output"], recorded))
                    ++agreed;
                else
                    problems.append(QStringLiteral("%1 %2: recorded %3, printed %4")
                                        .arg(it.key(), names.join(u'/'), text(recorded),
                                            out.is_object() ? text(out["output"]) : QStringLiteral("(no JSON)")));
                break; // one run per history keeps the test quick
            }
        }
        for (const QString& p : problems)
            qInfo("%s", qPrintable(p));
        qInfo("test-state printed the recorded output for %d of %d corpus runs", agreed, checked);
        QVERIFY(checked >= 30);
        QCOMPARE(agreed, checked);
    }

    void inspectDataflow()
    {
        // The bundled sample: a failed order-processing execution and its definition.
        ProcessResult r = runStepscope({ QStringLiteral("inspect"),
            samplePath(QStringLiteral("order-processing-failed.history.json")), QStringLiteral("--definition"),
            samplePath(QStringLiteral("order-processing.asl.json")), QStringLiteral("--dataflow") });
        QCOMPARE(r.exitCode, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QLatin1String("Data flow")), r.out.constData());
        QVERIFY(out.contains(QRegularExpression(QStringLiteral("Runs: \\d+, replayed \\d+, agreeing \\d+"))));
        r = runStepscope({ QStringLiteral("inspect"), samplePath(QStringLiteral("order-processing-failed.history.json")),
            QStringLiteral("--definition"), samplePath(QStringLiteral("order-processing.asl.json")),
            QStringLiteral("--dataflow"), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        const Json j = Json::parse(r.out.toStdString());
        const Json& dataflow = j["dataflow"];
        QVERIFY(dataflow["summary"]["runs"].get<int>() > 0);
        bool sawReplayed = false;
        for (const Json& run : dataflow["runs"]) {
            QVERIFY(run.contains("dataflow"));
            if (run["dataflow"].value("replayed", false)) {
                sawReplayed = true;
                QVERIFY(run["dataflow"].contains("recorded"));
                QVERIFY(run["dataflow"]["inspectionData"].is_object());
                QVERIFY(run["dataflow"]["inspectionData"]["input"].is_object()); // a JSON value, not text
            }
        }
        QVERIFY(sawReplayed);
        // --dataflow needs the definition.
        r = runStepscope({ QStringLiteral("inspect"), samplePath(QStringLiteral("order-processing-failed.history.json")),
            QStringLiteral("--dataflow") });
        QCOMPARE(r.exitCode, 2);
    }

private:
    QTemporaryDir m_dir;
    QString m_definition;
};
#endif

QTEST_GUILESS_MAIN(TestTestStateCli)
#include "tst_teststatecli.moc"
