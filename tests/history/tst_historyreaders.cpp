#include "history/jsontext.h"
#include "historytestutil.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope;
using namespace Stepscope::Test;

// moc cannot read the raw JSON strings below: it is shown the slots alone.
#ifdef Q_MOC_RUN
class TestHistoryReaders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void onePage();
    void severalPages_data();
    void severalPages();
    void nextTokenWarns();
    void reverseOrder();
    void timestamps_data();
    void timestamps();
    void payloads_data();
    void payloads();
    void truncatedFlags_data();
    void truncatedFlags();
    void listIdsAndUnknownTypes();
    void describeExecutionAlone();
    void describeAddsToHistory();
    void startSyncExecution();
    void logFormats_data();
    void logFormats();
    void logExportWithSeveralExecutions();
    void partialLogAtErrorLevel();
    void lambdaCauses_data();
    void lambdaCauses();
};
#else
namespace {

// A small successful history as get-execution-history writes it.
const char* page1 = R"({"events":[
 {"timestamp":"2024-11-18T14:06:54.574000+01:00","type":"ExecutionStarted","id":1,"previousEventId":0,
  "executionStartedEventDetails":{"input":"{\"a\":1}","inputDetails":{"truncated":false}}},
 {"timestamp":"2024-11-18T14:06:54.606000+01:00","type":"PassStateEntered","id":2,"previousEventId":0,
  "stateEnteredEventDetails":{"name":"First","input":"{\"a\":1}","inputDetails":{"truncated":false}}}],
 "nextToken":"AAAA"})";
const char* page2 = R"({"events":[
 {"timestamp":"2024-11-18T14:06:54.700000+01:00","type":"PassStateExited","id":3,"previousEventId":2,
  "stateExitedEventDetails":{"name":"First","output":"{\"a\":2}","outputDetails":{"truncated":false}}},
 {"timestamp":"2024-11-18T14:06:55.043000+01:00","type":"ExecutionSucceeded","id":4,"previousEventId":3,
  "executionSucceededEventDetails":{"output":"{\"a\":2}","outputDetails":{"truncated":false}}}]})";

QByteArray historyEvent(int id, int previous, const char* type, const QByteArray& timestamp, const QByteArray& details = {})
{
    QByteArray e = "{\"id\":" + QByteArray::number(id) + ",\"previousEventId\":" + QByteArray::number(previous)
        + ",\"type\":\"" + type + "\",\"timestamp\":" + timestamp;
    if (!details.isEmpty())
        e += "," + details;
    return e + "}";
}

QByteArray passHistory(const QByteArray& ts1, const QByteArray& ts2, const QByteArray& input, const QByteArray& output)
{
    return "{\"events\":[" + historyEvent(1, 0, "ExecutionStarted", ts1, "\"executionStartedEventDetails\":{\"input\":" + input + "}")
        + "," + historyEvent(2, 0, "PassStateEntered", ts1, "\"stateEnteredEventDetails\":{\"name\":\"P\",\"input\":" + input + "}")
        + "," + historyEvent(3, 2, "PassStateExited", ts2, "\"stateExitedEventDetails\":{\"name\":\"P\",\"output\":" + output + "}")
        + "," + historyEvent(4, 3, "ExecutionSucceeded", ts2, "\"executionSucceededEventDetails\":{\"output\":" + output + "}")
        + "]}";
}

QByteArray logLine(const char* id, const char* previous, const char* type, const QByteArray& details,
                   const char* arn = "arn:aws:states:eu-west-1:1:express:sm:run-1:abc")
{
    return QByteArray("{\"id\":\"") + id + "\",\"type\":\"" + type + "\",\"details\":" + details
        + ",\"previous_event_id\":\"" + previous + "\",\"event_timestamp\":\"1731935214574\",\"execution_arn\":\"" + arn
        + "\",\"redrive_count\":\"0\"}";
}

QByteArray logExecution(const char* arn)
{
    return logLine("1", "0", "ExecutionStarted", R"({"input":{"x":1},"inputDetails":{"truncated":false}})", arn) + "\n"
        + logLine("2", "0", "PassStateEntered", R"({"name":"S","input":{"x":1}})", arn) + "\n"
        + logLine("3", "2", "PassStateExited", R"({"name":"S","output":{"x":2}})", arn) + "\n"
        + logLine("4", "3", "ExecutionSucceeded", R"({"output":{"x":2}})", arn) + "\n";
}

QByteArray wrapAsFilterLogEvents(const QByteArray& lines)
{
    QByteArray out = "{\"events\":[";
    bool first = true;
    for (const QByteArray& line : lines.split('\n')) {
        if (line.isEmpty())
            continue;
        out += first ? "" : ",";
        first = false;
        out += "{\"logStreamName\":\"states/x\",\"timestamp\":1731935214574,\"message\":" + JsonText::quote(line)
            + ",\"ingestionTime\":1731935214600,\"eventId\":\"1\"}";
    }
    return out + "],\"searchedLogStreams\":[]}";
}

} // namespace

class TestHistoryReaders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void onePage()
    {
        const HistoryReadResult r = readHistoryData(QByteArray(page1).replace("\"nextToken\":\"AAAA\"", "\"x\":0"),
            QStringLiteral("p.json"));
        QVERIFY(r.read);
        QCOMPARE(r.format, HistoryFormat::ExecutionHistory);
        QCOMPARE(r.execution.events.size(), size_t(2));
        QCOMPARE(r.execution.status, ExecutionStatus::Running);
        QCOMPARE(r.execution.runs.at(0).status, RunStatus::Running);
    }

    void severalPages_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addRow("concatenated objects") << QByteArray(page1) + "\n" + page2;
        QTest::addRow("array of pages") << "[" + QByteArray(page1) + "," + page2 + "]";
        QTest::addRow("pages out of order") << QByteArray(page2) + page1;
    }

    void severalPages()
    {
        QFETCH(QByteArray, data);
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("pages.json"));
        QVERIFY(r.read);
        QCOMPARE(r.execution.events.size(), size_t(4));
        QCOMPARE(r.execution.events[0].id, 1);
        QCOMPARE(r.execution.events[3].id, 4);
        QCOMPARE(r.execution.status, ExecutionStatus::Succeeded);
        QCOMPARE(r.execution.durationMs, std::optional<qint64>(469));
        QCOMPARE(r.execution.runs.at(0).output.text(), QByteArray(R"({"a":2})"));
        QCOMPARE(placementProblem(r.execution), QString());
    }

    void nextTokenWarns()
    {
        const HistoryReadResult r = readHistoryData(page1, QStringLiteral("p.json"));
        bool warned = false;
        for (const Diagnostic& d : r.diagnostics)
            warned = warned || d.message.contains(QLatin1String("nextToken"));
        QVERIFY(warned);
    }

    void reverseOrder()
    {
        const QByteArray data = "{\"events\":[" + historyEvent(4, 3, "ExecutionSucceeded", "\"2024-01-01T00:00:03Z\"") + ","
            + historyEvent(3, 2, "PassStateExited", "\"2024-01-01T00:00:02Z\"", R"("stateExitedEventDetails":{"name":"P"})")
            + "," + historyEvent(2, 0, "PassStateEntered", "\"2024-01-01T00:00:01Z\"", R"("stateEnteredEventDetails":{"name":"P"})")
            + "," + historyEvent(1, 0, "ExecutionStarted", "\"2024-01-01T00:00:00Z\"") + "]}";
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("reverse.json"));
        QCOMPARE(r.execution.events.front().id, 1);
        QCOMPARE(r.execution.status, ExecutionStatus::Succeeded);
        QCOMPARE(r.execution.durationMs, std::optional<qint64>(3000));
        QCOMPARE(r.execution.runs.at(0).status, RunStatus::Succeeded);
        bool noted = false;
        for (const Diagnostic& d : r.diagnostics)
            noted = noted || (d.severity == Severity::Info && d.message.contains(QLatin1String("reverse")));
        QVERIFY(noted);
    }

    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("ts1");
        QTest::addColumn<QByteArray>("ts2");
        QTest::addColumn<qint64>("durationMs");
        QTest::addRow("offset") << QByteArray("\"2024-11-18T14:06:54.574000+01:00\"")
                                << QByteArray("\"2024-11-18T13:06:55.074Z\"") << qint64(500);
        QTest::addRow("zulu") << QByteArray("\"2024-11-18T14:06:54Z\"") << QByteArray("\"2024-11-18T14:06:56.5Z\"")
                              << qint64(2500);
        QTest::addRow("no zone") << QByteArray("\"2024-11-18T14:06:55.357000\"")
                                 << QByteArray("\"2024-11-18T14:06:55.457000\"") << qint64(100);
        QTest::addRow("epoch seconds (CLI v1)") << QByteArray("1731935214.574") << QByteArray("1731935215.0")
                                                << qint64(426);
        QTest::addRow("epoch ms number") << QByteArray("1731935214574") << QByteArray("1731935214600") << qint64(26);
        QTest::addRow("epoch ms string") << QByteArray("\"1731935214574\"") << QByteArray("\"1731935214600\"")
                                         << qint64(26);
        QTest::addRow("placeholders") << QByteArray("\"timestamp\"") << QByteArray("\"timestamp\"") << qint64(-1);
    }

    void timestamps()
    {
        QFETCH(QByteArray, ts1);
        QFETCH(QByteArray, ts2);
        QFETCH(qint64, durationMs);
        const HistoryReadResult r = readHistoryData(passHistory(ts1, ts2, "\"{}\"", "\"{}\""), QStringLiteral("t.json"));
        QVERIFY(r.read);
        QCOMPARE(r.execution.status, ExecutionStatus::Succeeded);
        if (durationMs < 0) {
            QVERIFY(!r.execution.durationMs);
            QVERIFY(!r.execution.start.isValid());
            QCOMPARE(r.execution.events[0].timestampText, QStringLiteral("timestamp"));
            QVERIFY(!r.execution.runs.at(0).durationMs());
        } else {
            QCOMPARE(r.execution.durationMs, std::optional<qint64>(durationMs));
        }
    }

    void payloads_data()
    {
        QTest::addColumn<QByteArray>("written");
        QTest::addColumn<QByteArray>("shown");
        QTest::addColumn<bool>("twice");
        QTest::addRow("string holding JSON") << QByteArray(R"("{\"a\":[1,2]}")") << QByteArray(R"({"a":[1,2]})") << false;
        QTest::addRow("object") << QByteArray(R"({"a": [1, 2]})") << QByteArray(R"({"a": [1, 2]})") << false;
        QTest::addRow("array") << QByteArray("[1,2,3]") << QByteArray("[1,2,3]") << false;
        QTest::addRow("number") << QByteArray("42.5") << QByteArray("42.5") << false;
        QTest::addRow("encoded twice") << QByteArray(R"("\"{\\\"a\\\":1}\"")") << QByteArray(R"({"a":1})") << true;
        QTest::addRow("plain text") << QByteArray(R"("hello\nworld \u00e9")") << QByteArray("hello\nworld \xc3\xa9")
                                    << false;
    }

    void payloads()
    {
        QFETCH(QByteArray, written);
        QFETCH(QByteArray, shown);
        QFETCH(bool, twice);
        const HistoryReadResult r = readHistoryData(passHistory("\"timestamp\"", "\"timestamp\"", written, written),
            QStringLiteral("p.json"));
        QVERIFY(r.read);
        const Payload& input = r.execution.runs.at(0).input;
        QCOMPARE(input.text(), shown);
        QCOMPARE(input.isEncodedTwice(), twice);
        QCOMPARE(r.execution.output.text(), shown);
    }

    void truncatedFlags_data()
    {
        QTest::addColumn<QByteArray>("flag");
        QTest::addColumn<bool>("truncated");
        QTest::addRow("true") << QByteArray("true") << true;
        QTest::addRow("false") << QByteArray("false") << false;
        QTest::addRow("string false") << QByteArray("\"false\"") << false;
        QTest::addRow("string true") << QByteArray("\"true\"") << true;
    }

    void truncatedFlags()
    {
        QFETCH(QByteArray, flag);
        QFETCH(bool, truncated);
        const QByteArray data = "{\"events\":[" + historyEvent(1, 0, "ExecutionStarted", "\"timestamp\"") + ","
            + historyEvent(2, 0, "TaskStateEntered", "\"timestamp\"",
                "\"stateEnteredEventDetails\":{\"name\":\"T\",\"input\":\"{}\",\"inputDetails\":{\"truncated\":" + flag + "}}")
            + "]}";
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("t.json"));
        QCOMPARE(r.execution.runs.at(0).input.truncated, truncated);
    }

    void listIdsAndUnknownTypes()
    {
        const QByteArray data = R"({"events":[
            {"id":1,"previousEventId":0,"type":"ExecutionStarted","timestamp":"timestamp"},
            {"id":2,"previousEventId":0,"type":"ParallelStateEntered","timestamp":"timestamp","stateEnteredEventDetails":{"name":"Par"}},
            {"id":3,"previousEventId":2,"type":"ParallelStateStarted","timestamp":"timestamp"},
            {"id":[0],"previousEventId":0,"type":"PassStateEntered","timestamp":"timestamp","stateEnteredEventDetails":{"name":"A"}},
            {"id":[0],"previousEventId":0,"type":"PassStateEntered","timestamp":"timestamp","stateEnteredEventDetails":{"name":"B"}},
            {"id":[0],"previousEventId":0,"type":"PassStateExited","timestamp":"timestamp","stateExitedEventDetails":{"name":"A"}},
            {"id":[0],"previousEventId":0,"type":"PassStateExited","timestamp":"timestamp","stateExitedEventDetails":{"name":"B"}},
            {"id":8,"previousEventId":7,"type":"ParallelStateSucceeded","timestamp":"timestamp"},
            {"id":9,"previousEventId":8,"type":"SomeFutureEvent","timestamp":"timestamp","someFutureEventDetails":{"name":"Par","x":1}},
            {"id":10,"previousEventId":9,"type":"ParallelStateExited","timestamp":"timestamp","stateExitedEventDetails":{"name":"Par"}},
            {"id":11,"previousEventId":10,"type":"ExecutionSucceeded","timestamp":"timestamp"}]})";
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("ls.json"));
        const Execution& e = r.execution;
        QCOMPARE(e.events.size(), size_t(11));
        QVERIFY(e.events[3].idWasList);
        QCOMPARE(e.events[8].type, HistoryEventType::Unknown);
        QCOMPARE(e.events[8].typeName, QStringLiteral("SomeFutureEvent"));
        QVERIFY(e.events[8].details.text().contains("\"x\":1"));
        QCOMPARE(placementProblem(e), QString());
        QVERIFY(e.unassignedEvents.isEmpty());
        QCOMPARE(e.runs.size(), size_t(1));
        QCOMPARE(e.runs[0].children.size(), size_t(2)); // two branches
        QVERIFY(e.runs[0].events.contains(8)); // the unknown event stays with its state
        QCOMPARE(findRun(e.runs, { "Par[Branch 2]", "B" })->status, RunStatus::Succeeded);
        for (const Diagnostic& d : r.diagnostics)
            QVERIFY2(d.severity == Severity::Info, qPrintable(d.message));
    }

    void describeExecutionAlone()
    {
        const QByteArray data = R"({"executionArn":"arn:aws:states:eu-west-1:1:execution:sm:run-7","stateMachineArn":"arn:aws:states:eu-west-1:1:stateMachine:sm",
            "name":"run-7","status":"FAILED","startDate":1731935214.574,"stopDate":"2024-11-18T13:06:59.574Z",
            "input":"{\"x\":1}","inputDetails":{"included":true},"error":"Boom","cause":"it broke","redriveCount":2})";
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("d.json"));
        QVERIFY(r.read);
        QCOMPARE(r.format, HistoryFormat::DescribeExecution);
        QVERIFY(!r.execution.hasHistory);
        QCOMPARE(r.execution.status, ExecutionStatus::Failed);
        QCOMPARE(r.execution.name, QStringLiteral("run-7"));
        QCOMPARE(r.execution.redriveCount, 2);
        QCOMPARE(r.execution.error, QStringLiteral("Boom"));
        QCOMPARE(r.execution.durationMs, std::optional<qint64>(5000));
        QVERIFY(!r.execution.rootCause);
    }

    void describeAddsToHistory()
    {
        QTemporaryDir dir;
        QFile describe(dir.filePath(QStringLiteral("describe.json")));
        QVERIFY(describe.open(QIODevice::WriteOnly));
        describe.write(R"({"executionArn":"arn:aws:states:eu-west-1:1:execution:sm:run-9","name":"run-9","status":"SUCCEEDED",
            "stateMachineArn":"arn:aws:states:eu-west-1:1:stateMachine:sm","startDate":"2024-01-01T00:00:00Z","stopDate":"2024-01-01T00:00:09Z"})");
        describe.close();
        HistoryReadOptions options;
        options.describeFile = describe.fileName();
        const HistoryReadResult r = readHistoryData(passHistory("\"timestamp\"", "\"timestamp\"", "\"{}\"", "\"{}\""),
            QStringLiteral("h.json"), options);
        QCOMPARE(r.execution.name, QStringLiteral("run-9"));
        QCOMPARE(r.execution.arn, QStringLiteral("arn:aws:states:eu-west-1:1:execution:sm:run-9"));
        QCOMPARE(r.execution.durationMs, std::optional<qint64>(9000));
        QVERIFY(r.execution.hasHistory);
        // And both in one file.
        const HistoryReadResult both = readHistoryData(
            passHistory("\"timestamp\"", "\"timestamp\"", "\"{}\"", "\"{}\"") + "\n" + R"({"executionArn":"arn:x","name":"n","status":"SUCCEEDED"})",
            QStringLiteral("both.json"));
        QCOMPARE(both.execution.name, QStringLiteral("n"));
        QCOMPARE(both.execution.events.size(), size_t(4));
    }

    void startSyncExecution()
    {
        const QByteArray data = R"({"billingDetails":{"billedDurationInMilliseconds":300},"executionArn":"arn:aws:states:eu-west-1:1:express:sm:a:b",
            "name":"a","status":"FAILED","error":"Exception","cause":"{\"errorMessage\":\"bad\",\"errorType\":\"Exception\",\"stackTrace\":[\"x\"]}"})";
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("s.json"));
        QCOMPARE(r.format, HistoryFormat::StartSyncExecution);
        QCOMPARE(r.execution.status, ExecutionStatus::Failed);
        QCOMPARE(r.execution.cause.toString(), QStringLiteral(R"({"errorMessage":"bad","errorType":"Exception","stackTrace":["x"]})"));
    }

    void logFormats_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("format");
        const QByteArray lines = logExecution("arn:aws:states:eu-west-1:1:express:sm:run-1:abc");
        QTest::addRow("JSON lines") << lines << int(HistoryFormat::LogEvents);
        QByteArray array = "[" + lines.trimmed();
        array.replace('\n', ',');
        QTest::addRow("JSON array") << array + "]" << int(HistoryFormat::LogEvents);
        QTest::addRow("filter-log-events") << wrapAsFilterLogEvents(lines) << int(HistoryFormat::LogExport);
    }

    void logFormats()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, format);
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("log"));
        QVERIFY(r.read);
        QCOMPARE(int(r.format), format);
        QCOMPARE(r.execution.events.size(), size_t(4));
        QCOMPARE(r.execution.status, ExecutionStatus::Succeeded);
        QCOMPARE(r.execution.arn, QStringLiteral("arn:aws:states:eu-west-1:1:express:sm:run-1:abc"));
        QVERIFY(r.execution.start.isValid());
        QCOMPARE(r.execution.runs.at(0).output.text(), QByteArray(R"({"x":2})"));
        QVERIFY(!r.execution.isPartialLog);
        QCOMPARE(placementProblem(r.execution), QString());
    }

    void logExportWithSeveralExecutions()
    {
        const QByteArray a = logExecution("arn:aws:states:eu-west-1:1:express:sm:run-1:a");
        const QByteArray b = logExecution("arn:aws:states:eu-west-1:1:express:sm:run-2:b");
        // Interleaved line by line, as a log group returns them.
        QByteArray mixed;
        const auto la = a.split('\n'), lb = b.split('\n');
        for (qsizetype i = 0; i < la.size(); ++i)
            mixed += la[i] + "\n" + lb.value(i) + "\n";
        const QByteArray data = wrapAsFilterLogEvents(mixed);
        HistoryReadResult r = readHistoryData(data, QStringLiteral("export.json"));
        QCOMPARE(r.executionArns.size(), 2);
        QCOMPARE(r.execution.arn, r.executionArns[0]);
        QCOMPARE(r.execution.events.size(), size_t(4));
        HistoryReadOptions options;
        options.executionArn = r.executionArns[1];
        r = readHistoryData(data, QStringLiteral("export.json"), options);
        QCOMPARE(r.execution.arn, QStringLiteral("arn:aws:states:eu-west-1:1:express:sm:run-2:b"));
        QCOMPARE(r.execution.events.size(), size_t(4));
        QCOMPARE(r.execution.status, ExecutionStatus::Succeeded);
    }

    void partialLogAtErrorLevel()
    {
        const QByteArray data
            = logLine("2", "0", "FailStateEntered", R"({"input":{},"inputDetails":{"truncated":false},"name":"FailState"})")
            + "\n" + logLine("3", "2", "ExecutionFailed", R"({"cause":"raised","error":"SomeFailure"})") + "\n";
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("error.jsonl"));
        QVERIFY(r.read);
        QVERIFY(r.execution.isPartialLog);
        QVERIFY(r.execution.partialNote.contains(QLatin1String("ERROR")));
        QCOMPARE(r.execution.status, ExecutionStatus::Failed);
        QVERIFY(r.execution.rootCause);
        QCOMPARE(r.execution.rootCause->state, QStringLiteral("FailState"));
        QCOMPARE(r.execution.rootCause->error, QStringLiteral("SomeFailure"));
        QCOMPARE(placementProblem(r.execution), QString());
    }

    void lambdaCauses_data()
    {
        QTest::addColumn<QByteArray>("cause");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("frames");
        QTest::addRow("python") << QByteArray(R"({"errorMessage":"boom","errorType":"ValueError","stackTrace":["  File \"a.py\", line 1\n"]})")
                                << "ValueError" << "boom" << 1;
        QTest::addRow("LocalStack damaged") << QByteArray(R"({"errorMessage":"Some exception was raised.","errorType":"Exception","requestId":<request-id>","stackTrace":["  File \"/var/task/handler.py\", line 2"]})")
                                            << "Exception" << "Some exception was raised." << 1;
        QTest::addRow("not Lambda") << QByteArray("Task timed out") << QString() << QString() << -1;
    }

    void lambdaCauses()
    {
        QFETCH(QByteArray, cause);
        QFETCH(QString, type);
        QFETCH(QString, message);
        QFETCH(int, frames);
        const auto parsed = parseLambdaCause(cause);
        QCOMPARE(parsed.has_value(), frames >= 0);
        if (parsed) {
            QCOMPARE(parsed->errorType, type);
            QCOMPARE(parsed->errorMessage, message);
            QCOMPARE(parsed->stackTrace.size(), frames);
        }
    }
};

#endif

QTEST_GUILESS_MAIN(TestHistoryReaders)
#include "tst_historyreaders.moc"
