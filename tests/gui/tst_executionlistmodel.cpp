#include "../archive/generated.h"
#include "archive/archive.h"
#include "controllers/archivesession.h"
#include "models/executionlistmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope;

// The executions browser's model over a large archive.
class TestExecutionListModel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    static constexpr int Count = 10000;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_db = m_dir.filePath(QStringLiteral("large.sqlite"));
        Archive archive;
        QVERIFY2(archive.open(m_db), qPrintable(archive.errorString()));
        for (int n = 0; n < Count; ++n)
            archive.importExecution(Test::generatedExecution(n));
        QCOMPARE(archive.executionCount(), qint64(Count));
    }

    void virtualRowsLoadPageByPage()
    {
        ArchiveSession session;
        session.setPath(m_db);
        ExecutionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QElapsedTimer timer;
        timer.start();
        model.setArchive(&session);
        QTRY_COMPARE(model.total(), Count);
        QCOMPARE(model.rowCount(), Count);
        // Only the first page is read at first; the last row is read when asked for.
        QVERIFY(model.data(model.index(0), ExecutionListModel::LoadedRole).toBool());
        QCOMPARE(model.data(model.index(0), ExecutionListModel::NameRole).toString(), QStringLiteral("exec-%1").arg(Count - 1));
        const QModelIndex last = model.index(Count - 1);
        QVERIFY(!model.data(last, ExecutionListModel::LoadedRole).toBool());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QTRY_VERIFY(model.data(last, ExecutionListModel::LoadedRole).toBool());
        QCOMPARE(model.data(last, ExecutionListModel::NameRole).toString(), QStringLiteral("exec-0"));
        QVERIFY(!changed.isEmpty());
        qInfo("10,000 executions: first page and last page in %lld ms", timer.elapsed());

        // Filters mean what `stepscope search` options mean.
        model.setStatus(QStringLiteral("FAILED"));
        QTRY_COMPARE(model.total(), Count / 4);
        QVERIFY(model.data(model.index(0), ExecutionListModel::ErrorRole).toString() == QStringLiteral("PaymentDeclined"));
        QCOMPARE(model.data(model.index(0), ExecutionListModel::RootCauseRole).toString(), QStringLiteral("Fanout[Branch 1] › Charge"));
        model.setStatus(QString());
        model.setText(QStringLiteral("order-9999"));
        QTRY_COMPARE(model.total(), 1);
        QVERIFY2(model.rowText(0).startsWith(QStringLiteral("exec-9999\tFAILED\tOrders\t")), qPrintable(model.rowText(0))); // 9999 % 4 == 3
    }
};

QTEST_GUILESS_MAIN(TestExecutionListModel)
#include "tst_executionlistmodel.moc"
