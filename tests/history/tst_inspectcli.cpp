#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope::Test;

// moc cannot read the raw JSON strings below: it is shown the slots alone.
#ifdef Q_MOC_RUN
class TestInspectCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void textReport();
    void jsonReport();
    void succeededExecutionExitsZero();
    void controlCharactersStayExact();
    void errorsAndUsage_data();
    void errorsAndUsage();
    void otherWorkflowWarns();
};
#else
// `stepscope inspect` run as a user runs it.
class TestInspectCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void textReport()
    {
        const ProcessResult r = runStepscope({ QStringLiteral("inspect"),
            samplePath(QStringLiteral("order-processing-failed.history.json")), QStringLiteral("--definition"),
            samplePath(QStringLiteral("order-processing.asl.json")) });
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY(text.contains(QStringLiteral("Status:    FAILED")));
        QVERIFY(text.contains(QStringLiteral("Failed at: ProcessOrders[17] › ChargeCard")));
        QVERIFY(text.contains(QStringLiteral("Error:     PaymentDeclined")));
        QVERIFY(text.contains(QStringLiteral("Cause:     PaymentDeclined: Card tok_visa_4242 was declined")));
        QVERIFY(text.contains(QStringLiteral("SKU-1017")));
        QVERIFY(text.contains(QStringLiteral("PaymentGatewayTimeout")));
        QVERIFY(text.contains(QStringLiteral("ManualReview")));
        QVERIFY(text.contains(QStringLiteral("not run")));
        // The failing path comes before the state table.
        QVERIFY(text.indexOf(QStringLiteral("Failed at:")) < text.indexOf(QStringLiteral("STATE")));
    }

    void jsonReport()
    {
        const ProcessResult r = runStepscope({ QStringLiteral("inspect"), QStringLiteral("--json"),
            samplePath(QStringLiteral("order-processing-failed.history.json")), QStringLiteral("--definition"),
            samplePath(QStringLiteral("order-processing.asl.json")) });
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        for (const char* key : { "status", "startDate", "stopDate", "eventCount", "unassignedEventIds", "rootCause",
                 "caughtErrors", "states" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value("status").toString(), QStringLiteral("FAILED"));
        QCOMPARE(o.value("eventCount").toInt(), 240);
        QCOMPARE(o.value("unassignedEventIds").toArray().size(), 0);
        const QJsonObject rc = o.value("rootCause").toObject();
        QCOMPARE(rc.value("state").toString(), QStringLiteral("ChargeCard"));
        QCOMPARE(rc.value("path").toArray(), QJsonArray({ "ProcessOrders[17]", "ChargeCard" }));
        QCOMPARE(rc.value("error").toString(), QStringLiteral("PaymentDeclined"));
        QVERIFY(rc.value("input").toString().contains(QLatin1String("SKU-1017")));
        QCOMPARE(rc.value("attempts").toArray().size(), 2);
        QCOMPARE(rc.value("lambdaCause").toObject().value("errorType").toString(), QStringLiteral("PaymentDeclined"));
        QCOMPARE(o.value("caughtErrors").toArray().size(), 1);
        bool chargeCard = false;
        for (const QJsonValue& s : o.value("states").toArray()) {
            if (s.toObject().value("id").toString() == QLatin1String("ProcessOrders/processor/ChargeCard")) {
                chargeCard = true;
                QCOMPARE(s.toObject().value("status").toString(), QStringLiteral("FAILED"));
            }
        }
        QVERIFY(chargeCard);
    }

    void succeededExecutionExitsZero()
    {
        const ProcessResult r = runStepscope({ QStringLiteral("inspect"), QStringLiteral("--json"),
            testDataPath(QStringLiteral("histories/retry-then-success.json")) });
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("status").toString(), QStringLiteral("SUCCEEDED"));
        QVERIFY(o.value("rootCause").isNull());
        QCOMPARE(o.value("states").toArray().size(), 1); // the path that ran
    }

    void controlCharactersStayExact()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"events":[{"id":1,"previousEventId":0,"type":"ExecutionStarted","timestamp":"2024-01-01T00:00:00Z"},
            {"id":2,"previousEventId":1,"type":"ExecutionFailed","timestamp":"2024-01-01T00:00:01Z","executionFailedEventDetails":{"error":"E\u0001\t<b>","cause":"line1\nline2 \"q\""}}]})");
        file.close();
        const ProcessResult r = runStepscope({ QStringLiteral("inspect"), QStringLiteral("--json"), path });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(R"("E\u0001\t<b>")"));
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("rootCause").toObject().value("cause").toString(), QStringLiteral("line1\nline2 \"q\""));
    }

    void errorsAndUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("no file") << QStringList { "inspect" } << 2;
        QTest::addRow("unknown option") << QStringList { "inspect", "--bogus", "x.json" } << 2;
        QTest::addRow("missing file") << QStringList { "inspect", "/nonexistent.json" } << 1;
        QTest::addRow("not a history") << QStringList { "inspect", samplePath("order-processing.asl.json") } << 1;
    }

    void errorsAndUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const ProcessResult r = runStepscope(arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!r.err.isEmpty());
    }

    void otherWorkflowWarns()
    {
        const ProcessResult r = runStepscope({ QStringLiteral("inspect"),
            testDataPath(QStringLiteral("histories/parallel-branch-fails.json")), QStringLiteral("--definition"),
            samplePath(QStringLiteral("order-processing.asl.json")) });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("another revision"));
    }
};

#endif

QTEST_GUILESS_MAIN(TestInspectCli)
#include "tst_inspectcli.moc"
