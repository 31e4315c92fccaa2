#include "archive/archive.h"
#include "archive/importer.h"
#include "orderhistorygenerator.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope;
using Stepscope::Test::writeFile;
using Stepscope::Test::runStepscope;

namespace {

// "3 files, 4 executions into X in 0.1 s: 2 imported, 1 already present, 1 failed"
int summaryNumber(const QByteArray& out, const char* what)
{
    const QRegularExpression re(QStringLiteral("(\\d+) %1").arg(QLatin1String(what)));
    const auto match = re.match(QString::fromUtf8(out));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QByteArray logLine(const QByteArray& arn, int id, const char* type, const QByteArray& details, qint64 ms)
{
    return "{\"id\":\"" + QByteArray::number(id) + "\",\"type\":\"" + type + "\",\"details\":{" + details
        + "},\"previous_event_id\":\"" + QByteArray::number(id - 1) + "\",\"event_timestamp\":\"" + QByteArray::number(ms)
        + "\",\"execution_arn\":\"" + arn + "\",\"redrive_count\":\"0\"}\n";
}

} // namespace

// stepscope import over generated histories, a log export, broken files and the real-world corpus.
class TestArchiveImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_histories;
    QString m_db;

    QJsonObject search(const QStringList& arguments)
    {
        const auto result = runStepscope(QStringList({ "search", "--db", m_db, "--json" }) + arguments);
        return QJsonDocument::fromJson(result.out).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_histories = m_dir.filePath(QStringLiteral("histories"));
        for (int n = 0; n < 40; ++n)
            QVERIFY(writeFile(QStringLiteral("%1/batch%2/execution-%3.json").arg(m_histories).arg(n % 3).arg(n),
                Stepscope::Test::generatedHistory(n)));
        m_db = m_dir.filePath(QStringLiteral("archive.sqlite"));
    }

    void importFolder()
    {
        const auto result = runStepscope({ "import", m_histories, "--db", m_db, "--state-machine", "Orders" });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("40 files, 40 executions"), result.out.constData());
        QCOMPARE(summaryNumber(result.out, "imported"), 40);
        QCOMPARE(summaryNumber(result.out, "already present"), 0);
        QCOMPARE(summaryNumber(result.out, "failed"), 0);
        QVERIFY(!result.out.contains('\r')); // no progress line when stdout is not a terminal
    }

    void importTwiceAddsNothing()
    {
        // A copy under another name is the same history.
        QVERIFY(QFile::copy(m_histories + QStringLiteral("/batch0/execution-0.json"), m_dir.filePath(QStringLiteral("copy.json"))));
        const auto result = runStepscope({ "import", m_histories, m_dir.filePath(QStringLiteral("copy.json")), "--db", m_db });
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(summaryNumber(result.out, "imported"), 0);
        QCOMPARE(summaryNumber(result.out, "already present"), 41);
        QCOMPARE(search({}).value("total").toInt(), 40);
    }

    void searchImported_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("total");
        QTest::addRow("failed") << QStringList({ "--status", "FAILED" }) << 10;
        QTest::addRow("error") << QStringList({ "--error", "PaymentDeclined" }) << 10;
        QTest::addRow("state") << QStringList({ "--state", "Ship" }) << 30;
        QTest::addRow("state machine") << QStringList({ "--state-machine", "Orders" }) << 40;
        QTest::addRow("text in a payload") << QStringList({ "--text", "order-7" }) << 1;
        QTest::addRow("text in a cause") << QStringList({ "--text", "card declined" }) << 10;
        QTest::addRow("since") << QStringList({ "--since", "2025-01-01T00:00:30Z" }) << 10;
        QTest::addRow("until") << QStringList({ "--until", "2025-01-01T00:00:10Z" }) << 10;
        QTest::addRow("combined") << QStringList({ "--status", "FAILED", "--text", "customer3" }) << 1; // order 3
    }

    void searchImported()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, total);
        QCOMPARE(search(arguments).value("total").toInt(), total);
    }

    void rootCauseStored()
    {
        const QJsonObject report = search({ "--text", "order-3" });
        const QJsonObject e = report.value("executions").toArray().first().toObject();
        QCOMPARE(e.value("status").toString(), QStringLiteral("FAILED"));
        QCOMPARE(e.value("error").toString(), QStringLiteral("PaymentDeclined"));
        QCOMPARE(e.value("rootCause").toObject().value("state").toString(), QStringLiteral("Charge"));
        QCOMPARE(e.value("stateMachine").toString(), QStringLiteral("Orders"));
    }

    void statisticsOfImported()
    {
        Archive archive;
        QVERIFY(archive.open(m_db, Archive::Access::ReadOnly));
        const StateMachineStatistics stats = archive.statistics(QStringLiteral("Orders"));
        QCOMPARE(stats.executions, 40);
        QCOMPARE(stats.failedExecutions, 10);
        const StateStatistics& charge = stats.states.first();
        QCOMPARE(charge.state, QStringLiteral("Charge"));
        QCOMPARE(charge.failureRate, 0.25);
        QCOMPARE(charge.topErrors.value(0).error, QStringLiteral("PaymentDeclined"));
        QVERIFY(charge.p50Ms > 0);
        QVERIFY(charge.p95Ms >= charge.p50Ms);
        bool sawPause = false;
        for (const StateStatistics& s : stats.states) {
            if (s.state == QLatin1String("Pause")) {
                sawPause = true;
                QVERIFY2(s.p50Ms >= 1000 && s.p50Ms < 1100, qPrintable(QString::number(s.p50Ms)));
                QCOMPARE(s.executions, 30);
            }
        }
        QVERIFY(sawPause);
    }

    void compareImported()
    {
        const auto result = runStepscope({ "compare", "--db", m_db, "--json", m_histories + "/batch2/execution-2.json",
            m_histories + "/batch0/execution-3.json" });
        QCOMPARE(result.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(report.value("commonPrefix").toInt(), 3); // Validate, Enrich, Charge
        QVERIFY(report.value("onlyInA").toArray().contains(QStringLiteral("Ship")));
        const QJsonObject charge = report.value("states").toArray().at(2).toObject();
        QCOMPARE(charge.value("stateId").toString(), QStringLiteral("Charge"));
        QCOMPARE(charge.value("statusA").toString(), QStringLiteral("SUCCEEDED"));
        QCOMPARE(charge.value("statusB").toString(), QStringLiteral("FAILED"));
        QVERIFY(charge.value("inputChanges").toArray().contains(QStringLiteral("/orderId: \"order-2\" → \"order-3\"")));
    }

    void badFilesDoNotStopTheRest()
    {
        const QString dir = m_dir.filePath(QStringLiteral("mixed"));
        QVERIFY(writeFile(dir + QStringLiteral("/a-good.json"), Stepscope::Test::generatedHistory(100)));
        QVERIFY(writeFile(dir + QStringLiteral("/b-broken.json"), "{\"events\": [ {\"type\": "));
        QVERIFY(writeFile(dir + QStringLiteral("/c-other.json"), "{\"hello\": \"world\"}"));
        QVERIFY(writeFile(dir + QStringLiteral("/d-good.json"), Stepscope::Test::generatedHistory(101)));
        QVERIFY(writeFile(dir + QStringLiteral("/notes.txt"), "ignored: not a history extension"));
        const auto result = runStepscope({ "import", dir, m_dir.filePath(QStringLiteral("missing.json")), "--db", m_db });
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(summaryNumber(result.out, "imported"), 2);
        QCOMPARE(summaryNumber(result.out, "failed"), 3);
        QVERIFY2(result.err.contains("b-broken.json: "), result.err.constData());
        QVERIFY2(result.err.contains("c-other.json: "), result.err.constData());
        QVERIFY2(result.err.contains("missing.json: no such file or folder"), result.err.constData());
        QVERIFY(!result.err.contains("notes.txt"));
    }

    void logExportWithSeveralExecutions()
    {
        QByteArray lines;
        const QByteArray a = "arn:aws:states:eu-west-1:123456789012:execution:Logs:run-a";
        const QByteArray b = "arn:aws:states:eu-west-1:123456789012:execution:Logs:run-b";
        const qint64 t = 1735689600000LL;
        lines += logLine(a, 1, "ExecutionStarted", "\"input\":{\"who\":\"alpha\"}", t);
        lines += logLine(b, 1, "ExecutionStarted", "\"input\":{\"who\":\"beta\"}", t + 1);
        lines += logLine(a, 2, "PassStateEntered", "\"name\":\"Hello\",\"input\":{\"who\":\"alpha\"}", t + 2);
        lines += logLine(b, 2, "PassStateEntered", "\"name\":\"Hello\",\"input\":{\"who\":\"beta\"}", t + 3);
        lines += logLine(a, 3, "PassStateExited", "\"name\":\"Hello\",\"output\":{\"who\":\"alpha\"}", t + 4);
        lines += logLine(b, 3, "PassStateExited", "\"name\":\"Hello\",\"output\":{\"who\":\"beta\"}", t + 5);
        lines += logLine(a, 4, "ExecutionSucceeded", "\"output\":{\"who\":\"alpha\"}", t + 6);
        lines += logLine(b, 4, "ExecutionFailed", "\"error\":\"Boom\",\"cause\":\"beta broke\"", t + 7);
        const QString path = m_dir.filePath(QStringLiteral("export.jsonl"));
        QVERIFY(writeFile(path, lines));
        const QString db = m_dir.filePath(QStringLiteral("logs.sqlite"));
        const auto result = runStepscope({ "import", path, "--db", db });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("1 files, 2 executions"), result.out.constData());
        QCOMPARE(summaryNumber(result.out, "imported"), 2);
        const auto again = runStepscope({ "import", path, "--db", db });
        QCOMPARE(summaryNumber(again.out, "already present"), 2);
        Archive archive;
        QVERIFY(archive.open(db, Archive::Access::ReadOnly));
        SearchQuery q;
        q.statuses = { QStringLiteral("FAILED") };
        const SearchResult failed = archive.search(q);
        QCOMPARE(failed.total, 1);
        QCOMPARE(failed.executions.first().arn, QString::fromLatin1(b));
        QCOMPARE(failed.executions.first().stateMachine, QStringLiteral("Logs"));
        q = {};
        q.text = QStringLiteral("alpha");
        QCOMPARE(archive.search(q).executions.value(0).arn, QString::fromLatin1(a));
    }

    void importerCancels()
    {
        Archive archive;
        QVERIFY(archive.open(m_dir.filePath(QStringLiteral("cancel.sqlite"))));
        const QStringList files = collectImportFiles({ m_histories }, nullptr);
        QCOMPARE(files.size(), 40);
        std::atomic<bool> cancel { false };
        int calls = 0;
        const ImportSummary summary = importFiles(
            archive, files, readExecutionsFromFile, {},
            [&](const ImportProgress& p) {
                ++calls;
                QCOMPARE(p.filesTotal, 40);
                if (p.filesDone == 5)
                    cancel = true;
            },
            &cancel);
        QVERIFY(summary.cancelled);
        QCOMPARE(summary.files, 5);
        QCOMPARE(calls, 5);
        QCOMPARE(archive.executionCount(), 5);
    }

    void corpus()
    {
        STEPSCOPE_REQUIRE_CORPUS(corpus);
        const QString histories = corpus + QStringLiteral("/histories");
        const QString db = m_dir.filePath(QStringLiteral("corpus.sqlite"));
        const auto result = runStepscope({ "import", histories, "--db", db }, 120000);
        const QStringList files = collectImportFiles({ histories }, nullptr);
        // Every history is read; the one file that is not an execution (list-map-runs output) is reported.
        QCOMPARE(summaryNumber(result.out, "files,"), int(files.size()));
        QCOMPARE(summaryNumber(result.out, "failed"), 1);
        QVERIFY2(result.err.contains("list_map_runs.json"), result.err.constData());
        const int imported = summaryNumber(result.out, "imported");
        const int present = summaryNumber(result.out, "already present"); // identical recordings in the corpus
        QCOMPARE(imported + present, int(files.size()) - 1);
        QVERIFY(imported > 300);
        const auto again = runStepscope({ "import", histories, "--db", db }, 120000);
        QCOMPARE(summaryNumber(again.out, "imported"), 0);
        QCOMPARE(summaryNumber(again.out, "already present"), imported + present);
        Archive archive;
        QVERIFY(archive.open(db, Archive::Access::ReadOnly));
        QCOMPARE(archive.executionCount(), imported);
        SearchQuery q;
        q.statuses = { QStringLiteral("FAILED") };
        QVERIFY(archive.search(q).total > 10);
    }
};

QTEST_GUILESS_MAIN(TestArchiveImport)
#include "tst_archiveimport.moc"
