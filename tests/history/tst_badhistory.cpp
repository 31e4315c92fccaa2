#include "definition/definition.h"
#include "document/executionmatch.h"
#include "historytestutil.h"
#include "testsupport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Stepscope;
using namespace Stepscope::Test;

// moc cannot read the raw JSON strings below: it is shown the slots alone.
#ifdef Q_MOC_RUN
class TestBadHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void truncatedFile();
    void cutAnywhere();
    void eventsOutOfOrder();
    void duplicateIds();
    void danglingPreviousId();
    void eventsThatCannotBePlaced();
    void historyOfAnotherWorkflow();
    void notAHistory_data();
    void notAHistory();
    void strangeValues();
    void missingFile();
};
#else
// Bad input: clear diagnostics, no crash (also under the sanitizers), and whatever can be kept is kept.
class TestBadHistory : public QObject {
    Q_OBJECT

    QByteArray m_sample;

    static bool mentions(const Diagnostics& diagnostics, const char* text, Severity severity)
    {
        for (const Diagnostic& d : diagnostics) {
            if (d.severity == severity && d.message.contains(QLatin1String(text)))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(samplePath(QStringLiteral("order-processing-failed.history.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_sample = file.readAll();
    }

    void truncatedFile()
    {
        const QByteArray cut = m_sample.left(m_sample.size() / 2);
        const HistoryReadResult r = readHistoryData(cut, QStringLiteral("cut.json"));
        QVERIFY(r.read);
        QVERIFY(mentions(r.diagnostics, "cut short", Severity::Warning));
        QVERIFY(r.execution.events.size() > 50);
        QCOMPARE(r.execution.status, ExecutionStatus::Running);
        QCOMPARE(placementProblem(r.execution), QString());
        // The error says where the file stops.
        bool positioned = false;
        for (const Diagnostic& d : r.diagnostics)
            positioned = positioned || (d.isError() && d.pos.isValid());
        QVERIFY(positioned);
    }

    void cutAnywhere()
    {
        // Every cut point, in steps: never a crash, always either read or a clear error.
        for (qsizetype at = 0; at < m_sample.size(); at += 173) {
            const HistoryReadResult r = readHistoryData(m_sample.left(at), QStringLiteral("cut.json"));
            if (!r.read)
                QVERIFY(hasErrors(r.diagnostics));
            else
                QCOMPARE(placementProblem(r.execution), QString());
        }
    }

    void eventsOutOfOrder()
    {
        HistoryReadResult ordered = readHistoryData(m_sample, QStringLiteral("s.json"));
        // Shuffle the events of the page: same content, scrambled order.
        QByteArray body = m_sample;
        const qsizetype open = body.indexOf('[');
        const qsizetype close = body.lastIndexOf(']');
        QList<QByteArray> events;
        qsizetype depth = 0, start = -1;
        bool inString = false;
        for (qsizetype i = open + 1; i < close; ++i) {
            const char c = body[i];
            if (inString) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"')
                inString = true;
            else if (c == '{' && depth++ == 0)
                start = i;
            else if (c == '}' && --depth == 0)
                events.append(body.mid(start, i - start + 1));
        }
        QCOMPARE(events.size(), int(ordered.execution.events.size()));
        QRandomGenerator random(7);
        std::shuffle(events.begin(), events.end(), random);
        const QByteArray shuffled = "{\"events\":[" + events.join(",") + "]}";
        const HistoryReadResult r = readHistoryData(shuffled, QStringLiteral("shuffled.json"));
        QVERIFY(mentions(r.diagnostics, "out of order", Severity::Warning));
        QCOMPARE(r.execution.status, ExecutionStatus::Failed);
        QCOMPARE(r.execution.rootCause->path, QStringList({ "ProcessOrders[17]", "ChargeCard" }));
        QCOMPARE(placementProblem(r.execution), QString());
    }

    void duplicateIds()
    {
        // A page pasted twice: the identical copies are dropped, with a warning.
        const QByteArray twice = m_sample + "\n" + m_sample;
        const HistoryReadResult r = readHistoryData(twice, QStringLiteral("twice.json"));
        QVERIFY(mentions(r.diagnostics, "appear twice", Severity::Warning));
        QCOMPARE(r.execution.events.size(), readHistoryData(m_sample, {}).execution.events.size());
        QCOMPARE(r.execution.rootCause->path, QStringList({ "ProcessOrders[17]", "ChargeCard" }));

        // Different events under one id: both kept, reported.
        const QByteArray data = R"({"events":[
            {"id":1,"previousEventId":0,"type":"ExecutionStarted","timestamp":"2024-01-01T00:00:00Z"},
            {"id":2,"previousEventId":1,"type":"PassStateEntered","timestamp":"2024-01-01T00:00:01Z","stateEnteredEventDetails":{"name":"A"}},
            {"id":2,"previousEventId":1,"type":"PassStateEntered","timestamp":"2024-01-01T00:00:01Z","stateEnteredEventDetails":{"name":"B"}},
            {"id":3,"previousEventId":2,"type":"PassStateExited","timestamp":"2024-01-01T00:00:02Z","stateExitedEventDetails":{"name":"A"}}]})";
        const HistoryReadResult conflicting = readHistoryData(data, QStringLiteral("dup.json"));
        QVERIFY(mentions(conflicting.diagnostics, "used by different events", Severity::Warning));
        QCOMPARE(conflicting.execution.events.size(), size_t(4));
        QCOMPARE(placementProblem(conflicting.execution), QString());
    }

    void danglingPreviousId()
    {
        const QByteArray data = R"({"events":[
            {"id":1,"previousEventId":0,"type":"ExecutionStarted","timestamp":"2024-01-01T00:00:00Z"},
            {"id":2,"previousEventId":0,"type":"TaskStateEntered","timestamp":"2024-01-01T00:00:01Z","stateEnteredEventDetails":{"name":"T"}},
            {"id":3,"previousEventId":99,"type":"TaskScheduled","timestamp":"2024-01-01T00:00:02Z","taskScheduledEventDetails":{"resource":"r","resourceType":"lambda"}},
            {"id":4,"previousEventId":77,"type":"TaskFailed","timestamp":"2024-01-01T00:00:03Z","taskFailedEventDetails":{"error":"E","cause":"c"}},
            {"id":5,"previousEventId":4,"type":"ExecutionFailed","timestamp":"2024-01-01T00:00:04Z","executionFailedEventDetails":{"error":"E","cause":"c"}}]})";
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("dangling.json"));
        QVERIFY(mentions(r.diagnostics, "not in the history", Severity::Warning));
        QCOMPARE(placementProblem(r.execution), QString());
        QVERIFY(r.execution.unassignedEvents.isEmpty());
        QCOMPARE(r.execution.runs.at(0).attempts.size(), 1);
        QCOMPARE(r.execution.rootCause->error, QStringLiteral("E"));
    }

    void eventsThatCannotBePlaced()
    {
        // Task events with no state to belong to: listed, not lost.
        const QByteArray data = R"({"events":[
            {"id":1,"previousEventId":0,"type":"TaskScheduled","timestamp":"2024-01-01T00:00:02Z"},
            {"id":2,"previousEventId":1,"type":"MapIterationStarted","timestamp":"2024-01-01T00:00:03Z","mapIterationStartedEventDetails":{"name":"M","index":0}}]})";
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("orphans.json"));
        QVERIFY(r.read);
        QCOMPARE(r.execution.unassignedEvents.size(), 2);
        QVERIFY(mentions(r.diagnostics, "could not be placed", Severity::Warning));
        QCOMPARE(placementProblem(r.execution), QString());
    }

    void historyOfAnotherWorkflow()
    {
        const HistoryReadResult r = readHistoryFile(testDataPath(QStringLiteral("histories/parallel-branch-fails.json")));
        const OpenedDefinition definition = openDefinition(samplePath(QStringLiteral("order-processing.asl.json")));
        const ExecutionMatch match = matchDefinition(r.execution, definition.workflow);
        QVERIFY(match.unknownStates.contains(QStringLiteral("Fanout")));
        QVERIFY(mentions(match.diagnostics, "another revision", Severity::Warning));
        QCOMPARE(match.states.value(QStringLiteral("ValidateOrder")).status, RunStatus::NotRun);
    }

    void notAHistory_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        QTest::addRow("empty") << QByteArray() << "empty";
        QTest::addRow("blank") << QByteArray(" \n\t ") << "empty";
        QTest::addRow("not JSON") << QByteArray("hello world") << "";
        QTest::addRow("binary") << QByteArray("\x00\x01\xff\xfe{[\"", 7) << "";
        QTest::addRow("other JSON") << QByteArray(R"({"Comment":"a definition","StartAt":"A"})") << "no execution history";
        QTest::addRow("number") << QByteArray("42") << "";
        QTest::addRow("deep nesting") << QByteArray(5000, '[') << "";
        QTest::addRow("events not an array") << QByteArray(R"({"events":{"id":1}})") << "";
    }

    void notAHistory()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("bad.json"));
        QVERIFY(!r.read);
        QVERIFY(hasErrors(r.diagnostics));
        if (!message.isEmpty()) {
            bool found = false;
            for (const Diagnostic& d : r.diagnostics)
                found = found || (d.isError() && d.message.contains(message));
            QVERIFY2(found, qPrintable(r.diagnostics.first().message));
        }
    }

    void strangeValues()
    {
        // Wrong types everywhere: read what makes sense, never crash.
        const QByteArray data = R"({"events":[
            {"id":"1","previousEventId":null,"type":"ExecutionStarted","timestamp":true,"executionStartedEventDetails":{"input":null}},
            {"id":1e3,"previousEventId":"x","type":42,"timestamp":{},"stateEnteredEventDetails":[]},
            {"id":99999999999999999999,"previousEventId":-5,"type":"PassStateEntered","timestamp":"2024-13-45T99:99:99Z","stateEnteredEventDetails":{"name":7,"input":{"deep":[[[]]]}}},
            "not an object",
            {"id":4,"previousEventId":3,"type":"PassStateExited","stateExitedEventDetails":{"name":"7","output":"\ud800"}}]})";
        const HistoryReadResult r = readHistoryData(data, QStringLiteral("strange.json"));
        QVERIFY(r.read);
        QCOMPARE(placementProblem(r.execution), QString());
        for (const HistoryEvent& e : r.execution.events)
            (void)e.output.text(); // decoding a lone surrogate must not crash
    }

    void missingFile()
    {
        const HistoryReadResult r = readHistoryFile(QStringLiteral("/nonexistent/history.json"));
        QVERIFY(!r.read);
        QVERIFY(hasErrors(r.diagnostics));
    }
};

#endif

QTEST_GUILESS_MAIN(TestBadHistory)
#include "tst_badhistory.moc"
