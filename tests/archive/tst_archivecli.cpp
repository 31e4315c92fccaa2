#include "archive/archive.h"
#include "generated.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope;
using Stepscope::Test::runStepscope;

// The archive commands run as real processes over an archive of generated executions.
class TestArchiveCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    QJsonObject runJson(const QStringList& arguments)
    {
        const auto result = runStepscope(arguments);
        if (result.exitCode != 0)
            qWarning() << result.err;
        return QJsonDocument::fromJson(result.out).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        Archive archive;
        QVERIFY2(archive.open(m_db), qPrintable(archive.errorString()));
        for (int n = 0; n < 20; ++n)
            archive.importExecution(Test::generatedExecution(n));
        for (int n = 0; n < 4; ++n)
            archive.importExecution(Test::generatedExecution(n, QStringLiteral("Billing")));
    }

    void search_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("total");
        QTest::addRow("all") << QStringList() << 24;
        QTest::addRow("status") << QStringList({ "--status", "failed" }) << 6;
        QTest::addRow("statuses") << QStringList({ "--status", "FAILED,SUCCEEDED" }) << 24;
        QTest::addRow("error") << QStringList({ "--error", "PaymentDeclined" }) << 6;
        QTest::addRow("error wildcard") << QStringList({ "--error", "*Timeout" }) << 3;
        QTest::addRow("state") << QStringList({ "--state", "Ship" }) << 18;
        QTest::addRow("state machine") << QStringList({ "--state-machine", "Billing" }) << 4;
        QTest::addRow("since") << QStringList({ "--since", "2023-11-14T22:23:20Z" }) << 10; // 1700000600000: Orders 10..19
        QTest::addRow("since epoch ms") << QStringList({ "--since", "1700000600000" }) << 10;
        QTest::addRow("until") << QStringList({ "--until", "2023-11-14T22:15:20Z" }) << 4; // 1700000120000
        QTest::addRow("text") << QStringList({ "--text", "order-17" }) << 1;
        QTest::addRow("bare words") << QStringList({ "expired", "card" }) << 6;
        QTest::addRow("text with FTS syntax") << QStringList({ "--text", "NEAR(\"x" }) << 0;
        QTest::addRow("limit") << QStringList({ "--limit", "2" }) << 24;
    }

    void search()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, total);
        const QJsonObject report = runJson(QStringList({ "search", "--db", m_db, "--json" }) + arguments);
        QCOMPARE(report.value("total").toInt(), total);
        const int limit = arguments.contains("--limit") ? 2 : 100;
        QCOMPARE(report.value("executions").toArray().size(), std::min(total, limit));
    }

    void searchJsonShape()
    {
        const QJsonObject report = runJson({ "search", "--db", m_db, "--json", "--status", "FAILED", "--limit", "1" });
        const QJsonObject first = report.value("executions").toArray().first().toObject();
        QCOMPARE(first.value("name").toString(), QStringLiteral("exec-19"));
        QCOMPARE(first.value("status").toString(), QStringLiteral("FAILED"));
        QCOMPARE(first.value("error").toString(), QStringLiteral("PaymentDeclined"));
        QCOMPARE(first.value("rootCause").toObject().value("state").toString(), QStringLiteral("Charge"));
        QCOMPARE(first.value("durationMs").toInt(), 10 + 119);
        QVERIFY(first.value("start").toString().endsWith(u'Z'));
    }

    void searchText()
    {
        const auto result = runStepscope({ "search", "--db", m_db, "--status", "FAILED" });
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("exec-19"));
        QVERIFY(result.out.contains("PaymentDeclined in Fanout[Branch 1] › Charge"));
        QVERIFY(result.out.contains("5 of 5 matching executions") || result.out.contains("6 of 6 matching executions"));
    }

    void stats()
    {
        const QJsonObject report = runJson({ "stats", "--db", m_db, "--state-machine", "Orders", "--json" });
        QCOMPARE(report.value("executions").toInt(), 20);
        const QJsonObject charge = report.value("states").toArray().first().toObject();
        QCOMPARE(charge.value("stateId").toString(), QStringLiteral("Fanout/0/Charge"));
        QCOMPARE(charge.value("failureRate").toDouble(), 0.25);
        QCOMPARE(charge.value("p50Ms").toInt(), 109);
        QCOMPARE(charge.value("p95Ms").toInt(), 118);
        QCOMPARE(charge.value("topErrors").toArray().first().toObject().value("error").toString(),
            QStringLiteral("PaymentDeclined"));
        // Two state machines and none chosen: a usage error that lists them.
        const auto ambiguous = runStepscope({ "stats", "--db", m_db });
        QCOMPARE(ambiguous.exitCode, 2);
        QVERIFY(ambiguous.err.contains("Orders (20 executions)"));
        const auto text = runStepscope({ "stats", "--db", m_db, "--state-machine", "Orders" });
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("Fanout/0/Charge"));
        QVERIFY(text.out.contains("PaymentDeclined ×5"));
    }

    void compare()
    {
        const QJsonObject report = runJson({ "compare", "--db", m_db, "--json", "exec-6",
            "arn:aws:states:eu-west-1:123456789012:execution:Orders:exec-7" });
        QCOMPARE(report.value("commonPrefix").toInt(), 2);
        QCOMPARE(report.value("onlyInA").toArray().first().toString(), QStringLiteral("Ship"));
        const QJsonObject charge = report.value("states").toArray().at(1).toObject();
        QCOMPARE(charge.value("statusB").toString(), QStringLiteral("FAILED"));
        QVERIFY(charge.value("inputChanges").toArray().contains(QStringLiteral("/amount: 16 → 17")));
        const auto text = runStepscope({ "compare", "--db", m_db, "1", "4" });
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("only in A: Ship"));
        // exec-0 exists twice (Orders and Billing): ambiguous, so refused.
        const auto ambiguous = runStepscope({ "compare", "--db", m_db, "exec-0", "exec-1" });
        QCOMPARE(ambiguous.exitCode, 1);
        QVERIFY(ambiguous.err.contains("no single execution 'exec-0'"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown option") << QStringList({ "search", "--nope" }) << 2 << "unknown option --nope";
        QTest::addRow("bad time") << QStringList({ "search", "--since", "yesterday-ish" }) << 2 << "cannot read the time";
        QTest::addRow("bad limit") << QStringList({ "search", "--limit", "-3" }) << 2 << "--limit needs a number";
        QTest::addRow("compare one") << QStringList({ "compare", "1" }) << 2 << "give two executions";
        QTest::addRow("missing archive") << QStringList({ "search", "--db", "/nonexistent/x.sqlite" }) << 1
                                         << "no archive there";
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        if (!arguments.contains("--db"))
            arguments << "--db" << m_db;
        const auto result = runStepscope(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    }

    void refusesNonArchive()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("my notes, not an archive\n");
        file.close();
        for (const char* command : { "search", "stats" }) {
            const auto result = runStepscope({ QString::fromLatin1(command), "--db", path });
            QCOMPARE(result.exitCode, 1);
            QVERIFY2(result.err.contains("is not a Stepscope archive"), result.err.constData());
        }
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("my notes, not an archive\n"));
    }
};

QTEST_GUILESS_MAIN(TestArchiveCli)
#include "tst_archivecli.moc"
