#include "archive/archivedhistory.h"
#include "generated.h"
#include "history/execution.h"

#include <QTest>

#include <functional>

using namespace Stepscope;

// The history rebuilt from what the archive keeps, for executions whose source file is gone (the executions browser
// opens it): read back by the ordinary history reader, it has the archived statuses, errors and root cause.
class TestArchivedHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rebuiltHistoryReadsBack_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("status");
        QTest::addRow("succeeded") << 0 << "SUCCEEDED";
        QTest::addRow("failed") << 3 << "FAILED";
        QTest::addRow("caught") << 4 << "SUCCEEDED";
    }
    void rebuiltHistoryReadsBack()
    {
        QFETCH(int, n);
        QFETCH(QString, status);
        const ArchivedExecution archived = Test::generatedExecution(n);
        const QByteArray json = historyFromArchived(archived, { { QStringLiteral("Fanout"), QStringLiteral("Parallel") } });
        const HistoryReadResult read = readHistoryData(json, QStringLiteral("rebuilt.json"));
        QVERIFY(read.read);
        QCOMPARE(executionStatusKey(read.execution.status), status);
        if (n == 3) {
            QVERIFY(read.execution.rootCause.has_value());
            QCOMPARE(read.execution.error, QStringLiteral("PaymentDeclined"));
        }
        // Every archived run is there, in its container (Charge in the Parallel's first branch), with its status and
        // error.
        QList<const StateRun*> all;
        std::function<void(const std::vector<StateRun>&)> collect = [&](const std::vector<StateRun>& runs) {
            for (const StateRun& r : runs) {
                if (r.kind == RunKind::State)
                    all.append(&r);
                collect(r.children);
            }
        };
        collect(read.execution.runs);
        for (const ArchivedStateRun& run : archived.runs) {
            bool found = false;
            for (const StateRun* r : all) {
                if (r->name != run.state)
                    continue;
                found = true;
                QCOMPARE(runStatusKey(r->status), run.status);
                if (!run.error.isEmpty())
                    QCOMPARE(r->error, run.error);
                QCOMPARE(r->containerPath.isEmpty(), run.containerPath.isEmpty());
            }
            QVERIFY2(found, qPrintable(run.state));
        }
        QCOMPARE(read.execution.runs.at(1).name, QStringLiteral("Fanout")); // stood in for: generated.h has no run of it
        if (n == 3)
            QCOMPARE(read.execution.rootCause->path, QStringList({ QStringLiteral("Fanout[Branch 1]"), QStringLiteral("Charge") }));
    }

    void mapIterationsAndNesting()
    {
        ArchivedExecution e;
        e.name = QStringLiteral("map-run");
        e.status = QStringLiteral("FAILED");
        e.startMs = 1700000000000LL;
        e.stopMs = e.startMs + 1000;
        e.error = QStringLiteral("Boom");
        auto run = [&](const QString& name, const QString& container, int iteration, const QString& status) {
            ArchivedStateRun r;
            r.state = name;
            r.containerPath = container;
            r.iteration = iteration;
            r.status = status;
            r.startMs = e.startMs + 10 * e.runs.size();
            r.durationMs = 5;
            if (status == QLatin1String("FAILED"))
                r.error = QStringLiteral("Boom");
            e.runs.append(r);
        };
        run(QStringLiteral("Items"), QString(), -1, QStringLiteral("FAILED"));
        run(QStringLiteral("Work"), QStringLiteral("Items/processor"), 0, QStringLiteral("SUCCEEDED"));
        run(QStringLiteral("Work"), QStringLiteral("Items/processor"), 1, QStringLiteral("FAILED"));
        const HistoryReadResult read = readHistoryData(historyFromArchived(e, { { QStringLiteral("Items"), QStringLiteral("Map") } }),
            QStringLiteral("rebuilt.json"));
        QVERIFY(read.read);
        QCOMPARE(read.execution.runs.size(), size_t(1));
        const StateRun& map = read.execution.runs.front();
        QCOMPARE(map.name, QStringLiteral("Items"));
        QCOMPARE(map.children.size(), size_t(2)); // two iterations
        QCOMPARE(map.children[1].index, 1);
        QCOMPARE(runStatusKey(map.children[1].children.front().status), QStringLiteral("FAILED"));
        QVERIFY(read.execution.rootCause.has_value());
        QCOMPARE(read.execution.rootCause->path, QStringList({ QStringLiteral("Items[1]"), QStringLiteral("Work") }));
    }

    void hostileTextStaysData()
    {
        ArchivedExecution e = Test::generatedExecution(3);
        e.runs[1].error = QStringLiteral("\"},{\"type\":\"ExecutionSucceeded");
        e.runs[1].cause = QStringLiteral("</script>\u0001");
        e.error = e.runs[1].error;
        const HistoryReadResult read = readHistoryData(historyFromArchived(e), QStringLiteral("rebuilt.json"));
        QVERIFY(read.read);
        QCOMPARE(executionStatusKey(read.execution.status), QStringLiteral("FAILED"));
        QCOMPARE(read.execution.error, e.error);
    }
};

QTEST_GUILESS_MAIN(TestArchivedHistory)
#include "tst_archivedhistory.moc"
