#include "historytestutil.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QSet>
#include <QFile>
#include <QTest>

using namespace Stepscope;
using namespace Stepscope::Test;

// Every history in the real-world corpus (but map_runs/, which are not executions): read, every event placed, the
// status agrees with the terminal event, a failed execution has a root cause whose error is in the file.
class TestHistoryCorpus : public QObject {
    Q_OBJECT

    static ExecutionStatus terminalStatus(const Execution& e)
    {
        ExecutionStatus status = ExecutionStatus::Unknown;
        for (const HistoryEvent& event : e.events) {
            switch (event.type) {
            case HistoryEventType::ExecutionStarted:
            case HistoryEventType::ExecutionRedriven:
                status = ExecutionStatus::Running;
                break;
            case HistoryEventType::ExecutionSucceeded: status = ExecutionStatus::Succeeded; break;
            case HistoryEventType::ExecutionFailed: status = ExecutionStatus::Failed; break;
            case HistoryEventType::ExecutionAborted: status = ExecutionStatus::Aborted; break;
            case HistoryEventType::ExecutionTimedOut: status = ExecutionStatus::TimedOut; break;
            default: break;
            }
        }
        return status;
    }

    // The leaf rule: when a task, Lambda, activity or evaluation failure carries the execution's error, the root cause
    // is the state that failure happened in, not a Map or Parallel around it.
    static bool rootCauseIsTheLeaf(const Execution& e)
    {
        static const QSet<HistoryEventType> leafFailures { HistoryEventType::TaskFailed, HistoryEventType::TaskTimedOut,
            HistoryEventType::TaskStartFailed, HistoryEventType::TaskSubmitFailed,
            HistoryEventType::LambdaFunctionFailed, HistoryEventType::LambdaFunctionTimedOut,
            HistoryEventType::LambdaFunctionStartFailed, HistoryEventType::LambdaFunctionScheduleFailed,
            HistoryEventType::ActivityFailed, HistoryEventType::ActivityTimedOut,
            HistoryEventType::ActivityScheduleFailed, HistoryEventType::EvaluationFailed };
        QSet<QString> evaluatedIn; // states whose own expression failed: they are leaves, whatever their type
        bool leafCarriesTheError = false;
        for (const HistoryEvent& event : e.events) {
            if (!leafFailures.contains(event.type) || event.error.isEmpty() || event.error != e.error)
                continue;
            leafCarriesTheError = true;
            if (event.type == HistoryEventType::EvaluationFailed)
                evaluatedIn.insert(event.stateName);
        }
        if (!leafCarriesTheError)
            return true;
        const StateRun* run = runAt(e, e.rootCause->run);
        if (!run)
            return false;
        const bool container = run->stateType == QLatin1String("Map") || run->stateType == QLatin1String("Parallel");
        return !container || evaluatedIn.contains(run->name);
    }

private Q_SLOTS:
    void everyHistory_data()
    {
        QTest::addColumn<QString>("file");
        const QString root = corpusDir();
        if (root.isEmpty())
            return;
        QStringList files;
        QDirIterator it(root + QStringLiteral("/histories"), { QStringLiteral("*.json"), QStringLiteral("*.jsonl") },
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.contains(QLatin1String("/map_runs/")))
                files.append(path);
        }
        files.sort();
        for (const QString& file : files)
            QTest::addRow("%s", qPrintable(file.mid(root.size() + 1))) << file;
    }

    void everyHistory()
    {
        STEPSCOPE_REQUIRE_CORPUS(root);
        QFETCH(QString, file);
        const HistoryReadResult r = readHistoryFile(file);
        QVERIFY2(r.read, qPrintable(r.diagnostics.value(0).message));
        QVERIFY(!hasErrors(r.diagnostics));
        const Execution& e = r.execution;
        QCOMPARE(placementProblem(e), QString());
        QVERIFY(e.unassignedEvents.isEmpty());
        if (e.hasHistory && !e.isPartialLog) {
            QCOMPARE(e.status, terminalStatus(e));
        } else if (e.hasHistory) {
            const ExecutionStatus terminal = terminalStatus(e);
            QVERIFY(terminal == ExecutionStatus::Unknown || terminal == e.status);
        }
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const bool failed = e.status == ExecutionStatus::Failed || e.status == ExecutionStatus::TimedOut;
        if (failed && e.hasHistory) {
            QVERIFY(e.rootCause);
            if (!e.rootCause->error.isEmpty())
                QVERIFY2(text.contains(e.rootCause->error.toUtf8()), qPrintable(e.rootCause->error));
            else
                QVERIFY(e.error.isEmpty()); // the history gives no error at all
            QVERIFY2(rootCauseIsTheLeaf(e), qPrintable(e.rootCause->path.join(QStringLiteral(" › "))));
        }
        qInfo().noquote() << historyFormatName(r.format) << executionStatusKey(e.status) << e.events.size() << "events"
                          << (e.rootCause ? QStringLiteral("root cause %1: %2")
                                                    .arg(e.rootCause->path.join(QStringLiteral(" › ")), e.rootCause->error)
                                          : QStringLiteral("no root cause"))
                          << (e.isPartialLog ? "(partial log)" : "");
    }
};

QTEST_GUILESS_MAIN(TestHistoryCorpus)
#include "tst_historycorpus.moc"
