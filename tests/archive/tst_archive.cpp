#include "archive/archive.h"
#include "archive/archiveschema.h"
#include "archive/compare.h"
#include "archive/heatmap.h"
#include "render/heatcolor.h"
#include "archive/sqlite.h"
#include "generated.h"
#include "workflow/workflow.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope;
using Stepscope::Test::generatedExecution;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QStringList names(const SearchResult& result)
{
    QStringList list;
    for (const ExecutionSummary& s : result.executions)
        list.append(s.name);
    list.sort();
    return list;
}

} // namespace

class TestArchive : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path; // 20 generated executions of "Orders", 4 of "Billing"

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        Archive archive;
        QVERIFY2(archive.open(m_path), qPrintable(archive.errorString()));
        for (int n = 0; n < 20; ++n)
            QCOMPARE(archive.importExecution(generatedExecution(n)), Archive::ImportOutcome::Imported);
        for (int n = 0; n < 4; ++n)
            QCOMPARE(archive.importExecution(generatedExecution(n, QStringLiteral("Billing"))),
                Archive::ImportOutcome::Imported);
    }

    void createsVersionedWalArchive()
    {
        const QString path = m_dir.filePath(QStringLiteral("sub/dir/new.sqlite"));
        Archive archive;
        QVERIFY2(archive.open(path), qPrintable(archive.errorString()));
        QCOMPARE(archive.schemaVersion(), Archive::SchemaVersion);
        archive.close();
        Sql::Database db;
        db.open(path, Sql::Database::Mode::ReadOnly);
        QCOMPARE(db.scalar("PRAGMA user_version"), Archive::SchemaVersion);
        QCOMPARE(db.scalar("PRAGMA application_id"), Archive::ApplicationId);
        QCOMPARE(db.scalar("PRAGMA page_size"), 2048); // new archives: half the log written per imported execution
        Sql::Statement mode(db, "PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
    }

    void foreignKeysAreEnforced()
    {
        const QString path = m_dir.filePath(QStringLiteral("fk.sqlite"));
        Archive archive;
        QVERIFY(archive.open(path));
        QCOMPARE(archive.importExecution(generatedExecution(1)), Archive::ImportOutcome::Imported);
        // The same ARN with other content replaces the execution; its old state runs go with it (ON DELETE CASCADE).
        ArchivedExecution later = generatedExecution(1);
        later.runs.removeLast();
        later.output = R"({"shipped":"later"})";
        QCOMPARE(archive.importExecution(later), Archive::ImportOutcome::Replaced);
        // The old full-text document went with it: its words no longer match, the new ones do.
        SearchQuery q;
        q.text = QStringLiteral("tracking");
        QCOMPARE(archive.search(q).total, 0);
        q.text = QStringLiteral("later");
        QCOMPARE(archive.search(q).total, 1);
        archive.close();
        Sql::Database db;
        db.open(path, Sql::Database::Mode::ReadWrite);
        db.exec("PRAGMA foreign_keys = ON");
        QCOMPARE(db.scalar("SELECT count(*) FROM executions"), 1);
        QCOMPARE(db.scalar("SELECT count(*) FROM state_runs"), later.runs.size());
        db.exec("INSERT INTO execution_text(execution_text) VALUES ('integrity-check')"); // throws when inconsistent
        QVERIFY_THROWS_EXCEPTION(Sql::Error,
            db.exec("INSERT INTO state_runs(execution_id, seq, state, state_id, status) VALUES (999, 0, 'x', 'x', 'x')"));
    }

    void dedupe()
    {
        Archive archive;
        QVERIFY(archive.open(m_dir.filePath(QStringLiteral("dedupe.sqlite"))));
        ArchivedExecution withoutArn = generatedExecution(2);
        withoutArn.arn.clear();
        QCOMPARE(archive.importExecution(withoutArn), Archive::ImportOutcome::Imported);
        QCOMPARE(archive.importExecution(withoutArn), Archive::ImportOutcome::AlreadyPresent);
        ArchivedExecution placeholder = withoutArn;
        placeholder.arn = QStringLiteral("arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:x");
        QCOMPARE(archive.importExecution(placeholder), Archive::ImportOutcome::AlreadyPresent); // placeholder ARN: content
        ArchivedExecution other = withoutArn;
        other.runs[0].durationMs = 11;
        QCOMPARE(archive.importExecution(other), Archive::ImportOutcome::Imported);
        QCOMPARE(archive.importExecution(generatedExecution(2)), Archive::ImportOutcome::Imported);
        QCOMPARE(archive.importExecution(generatedExecution(2)), Archive::ImportOutcome::AlreadyPresent);
        QCOMPARE(archive.executionCount(), 3);
        // Payloads are stored once: the input of the three executions is the same text.
        archive.close();
        Sql::Database db;
        db.open(m_dir.filePath(QStringLiteral("dedupe.sqlite")), Sql::Database::Mode::ReadOnly);
        QCOMPARE(db.scalar("SELECT count(*) FROM payloads WHERE content LIKE '%order-2\",\"customer%'"), 1);
    }

    void roundTrip()
    {
        Archive archive;
        QVERIFY(archive.open(m_path, Archive::Access::ReadOnly));
        const auto id = archive.findExecution(generatedExecution(3).arn);
        QVERIFY(id);
        const auto loaded = archive.loadExecution(*id);
        QVERIFY(loaded);
        const ArchivedExecution expected = generatedExecution(3);
        QCOMPARE(loaded->status, expected.status);
        QCOMPARE(loaded->error, expected.error);
        QCOMPARE(loaded->cause, expected.cause);
        QCOMPARE(loaded->rootCauseState, expected.rootCauseState);
        QCOMPARE(loaded->rootCausePath, expected.rootCausePath);
        QCOMPARE(loaded->startMs, expected.startMs);
        QCOMPARE(loaded->input, expected.input);
        QCOMPARE(loaded->runs.size(), expected.runs.size());
        for (qsizetype i = 0; i < expected.runs.size(); ++i) {
            QCOMPARE(loaded->runs[i].stateId(), expected.runs[i].stateId());
            QCOMPARE(loaded->runs[i].status, expected.runs[i].status);
            QCOMPARE(loaded->runs[i].durationMs, expected.runs[i].durationMs);
            QCOMPARE(loaded->runs[i].attempts, expected.runs[i].attempts);
            QCOMPARE(loaded->runs[i].error, expected.runs[i].error);
            QCOMPARE(loaded->runs[i].cause, expected.runs[i].cause);
            QCOMPARE(loaded->runs[i].input, expected.runs[i].input);
            QCOMPARE(loaded->runs[i].output, expected.runs[i].output);
        }
        QVERIFY(!archive.findExecution(QStringLiteral("no such execution")));
        QCOMPARE(archive.findExecution(QString::number(*id)), id);
    }

    void filters_data()
    {
        QTest::addColumn<SearchQuery>("query");
        QTest::addColumn<int>("expected");
        SearchQuery q;
        QTest::addRow("all") << q << 24;
        q = {};
        q.statuses = { QStringLiteral("failed") };
        QTest::addRow("status failed") << q << 6; // Orders 3,7,11,15,19 + Billing 3
        q.statuses = { QStringLiteral("FAILED"), QStringLiteral("succeeded") };
        QTest::addRow("two statuses") << q << 24;
        q = {};
        q.error = QStringLiteral("PaymentDeclined");
        QTest::addRow("error exact") << q << 6;
        q.error = QStringLiteral("Payment");
        QTest::addRow("error exact, no partial match") << q << 0;
        q.error = QStringLiteral("Payment*");
        QTest::addRow("error wildcard") << q << 6;
        q.error = QStringLiteral("ShipTimeout");
        QTest::addRow("error of a caught state run") << q << 3; // Orders 4, 9, 14
        q.error = QStringLiteral("%");
        QTest::addRow("LIKE characters are literal") << q << 0;
        q = {};
        q.state = QStringLiteral("Ship");
        QTest::addRow("state by name") << q << 18; // all but the failed ones
        q.state = QStringLiteral("Fanout/0/Charge");
        QTest::addRow("state by id") << q << 24;
        q.state = QStringLiteral("Nope");
        QTest::addRow("unknown state") << q << 0;
        q = {};
        q.stateMachine = QStringLiteral("Billing");
        QTest::addRow("state machine") << q << 4;
        q = {};
        q.sinceMs = 1700000000000LL + 10 * 60000;
        QTest::addRow("since") << q << 10; // Orders 10..19
        q.untilMs = 1700000000000LL + 12 * 60000;
        QTest::addRow("since and until") << q << 2; // 10, 11
        q = {};
        q.untilMs = 1700000000000LL + 2 * 60000;
        QTest::addRow("until") << q << 4; // Orders 0, 1 and Billing 0, 1
        q = {};
        q.text = QStringLiteral("order-17");
        QTest::addRow("text in a payload") << q << 1;
        q.text = QStringLiteral("expired card");
        QTest::addRow("text, words anywhere") << q << 6;
        q.text = QStringLiteral("card expired order-7");
        QTest::addRow("text, all words") << q << 1;
        q.text = QStringLiteral("tracking");
        QTest::addRow("text, JSON key") << q << 15; // neither failed nor caught: Orders 12, Billing 3
        q.text = QStringLiteral("carr*");
        QTest::addRow("text prefix") << q << 3;
        q.text = QStringLiteral("carrier");
        q.statuses = { QStringLiteral("SUCCEEDED") };
        q.stateMachine = QStringLiteral("Orders");
        QTest::addRow("text and filters combined") << q << 3;
        q = {};
        q.text = QStringLiteral("\"unbalanced NEAR( a OR b* col:x ^ -");
        QTest::addRow("FTS syntax in user words") << q << 0;
        q.text = QStringLiteral("- * ( )");
        QTest::addRow("no searchable words") << q << 0;
        q.text = QStringLiteral("x'); DROP TABLE executions; --");
        QTest::addRow("SQL in user words") << q << 0;
    }

    void filters()
    {
        QFETCH(SearchQuery, query);
        QFETCH(int, expected);
        Archive archive;
        QVERIFY(archive.open(m_path, Archive::Access::ReadOnly));
        const SearchResult result = archive.search(query);
        QCOMPARE(result.total, expected);
        QCOMPARE(result.executions.size(), std::min(expected, query.limit));
        QCOMPARE(archive.count(query), expected);
        // User text never reaches the SQL text: everything is a bound parameter.
        const QByteArray sql = Archive::searchSql(query, false);
        for (const QString& value : { query.text, query.error, query.state, query.stateMachine }) {
            if (!value.isEmpty())
                QVERIFY2(!sql.contains(value.toUtf8()), sql.constData());
        }
        QCOMPARE(archive.executionCount(), 24);
    }

    void pagingAndOrder()
    {
        Archive archive;
        QVERIFY(archive.open(m_path, Archive::Access::ReadOnly));
        SearchQuery q;
        q.stateMachine = QStringLiteral("Orders");
        q.limit = 5;
        const SearchResult first = archive.search(q);
        QCOMPARE(first.total, 20);
        QCOMPARE(first.executions.size(), 5);
        QCOMPARE(first.executions.first().name, QStringLiteral("exec-19")); // newest first
        q.offset = 18;
        const SearchResult last = archive.search(q);
        QCOMPARE(last.total, 20);
        QCOMPARE(last.executions.size(), 2);
        QCOMPARE(last.executions.last().name, QStringLiteral("exec-0"));
        q.offset = 0;
        q.limit = 0;
        QCOMPARE(archive.search(q).total, 20);
        q.statuses = { QStringLiteral("FAILED") };
        q.limit = -1;
        QCOMPARE(names(archive.search(q)),
            QStringList({ "exec-11", "exec-15", "exec-19", "exec-3", "exec-7" }));
    }

    void statistics()
    {
        Archive archive;
        QVERIFY(archive.open(m_path, Archive::Access::ReadOnly));
        const StateMachineStatistics stats = archive.statistics(QStringLiteral("Orders"));
        QCOMPARE(stats.executions, 20);
        QCOMPARE(stats.failedExecutions, 5);
        QCOMPARE(stats.states.size(), 3);
        const StateStatistics& charge = stats.states.at(0); // sorted by failure rate
        QCOMPARE(charge.stateId, QStringLiteral("Fanout/0/Charge"));
        QCOMPARE(charge.state, QStringLiteral("Charge"));
        QCOMPARE(charge.executions, 20);
        QCOMPARE(charge.runs, 20);
        QCOMPARE(charge.failedRuns, 5);
        QCOMPARE(charge.failureRate, 0.25);
        QCOMPARE(charge.topErrors.size(), 1);
        QCOMPARE(charge.topErrors.first().error, QStringLiteral("PaymentDeclined"));
        QCOMPARE(charge.topErrors.first().count, 5);
        QCOMPARE(charge.p50Ms, 109); // 100..119, nearest rank
        QCOMPARE(charge.p95Ms, 118);
        const StateStatistics& ship = stats.states.at(1);
        QCOMPARE(ship.stateId, QStringLiteral("Ship"));
        QCOMPARE(ship.executions, 15);
        QCOMPARE(ship.failedExecutions, 3); // caught counts as the state failing
        QCOMPARE(ship.failureRate, 0.2);
        QCOMPARE(ship.topErrors.first().error, QStringLiteral("ShipTimeout"));
        QCOMPARE(ship.p50Ms, 50);
        const StateStatistics& validate = stats.states.at(2);
        QCOMPARE(validate.failureRate, 0.0);
        QVERIFY(validate.topErrors.isEmpty());
        QCOMPARE(validate.p95Ms, 10);

        const StateMachineStatistics all = archive.statistics(QString());
        QCOMPARE(all.executions, 24);
        const auto machines = archive.stateMachines();
        QCOMPARE(machines.size(), 2);
        QCOMPARE(machines.first(), qMakePair(QStringLiteral("Orders"), qint64(20)));
    }

    void heatMap()
    {
        Archive archive;
        QVERIFY(archive.open(m_path, Archive::Access::ReadOnly));
        const StateMachineStatistics stats = archive.statistics(QStringLiteral("Orders"));
        Workflow workflow;
        for (const char* id : { "Validate", "Fanout", "Fanout/0/Charge", "Ship" }) {
            State state;
            state.id = QString::fromLatin1(id);
            state.name = state.id.section(u'/', -1);
            workflow.states.append(state);
        }
        const QHash<QString, StateHeat> heat = stateHeat(stats, workflow);
        QCOMPARE(heat.size(), 3);
        QCOMPARE(heat.value(QStringLiteral("Fanout/0/Charge")).value, 0.25);
        QCOMPARE(heat.value(QStringLiteral("Ship")).level, 0.2);
        QVERIFY(heat.value(QStringLiteral("Fanout/0/Charge")).label.contains(QStringLiteral("25% failed (5/20)")));
        QVERIFY(!heat.contains(QStringLiteral("Fanout")));
        QVERIFY(heatColor(1.0).lightnessF() < heatColor(0.0).lightnessF());
        const QList<HeatLegendEntry> legend = heatLegend(stats, HeatMeasure::FailureRate);
        QCOMPARE(legend.size(), 5);
        QCOMPARE(legend.last().label, QStringLiteral("100% failed"));
        QCOMPARE(legend.last().level, 1.0);
        // Matched by unique name when the workflow puts the state elsewhere.
        workflow.states[2].id = QStringLiteral("Other/processor/Charge");
        QCOMPARE(stateHeat(stats, workflow).value(QStringLiteral("Other/processor/Charge")).value, 0.25);
        const auto counts = stateHeat(stats, workflow, HeatMeasure::RunCount);
        QCOMPARE(counts.value(QStringLiteral("Validate")).level, 1.0);
    }

    void compare()
    {
        const ArchivedExecution a = generatedExecution(2); // succeeds
        const ArchivedExecution b = generatedExecution(3); // fails in Charge
        const ExecutionComparison c = compareExecutions(a, b);
        QCOMPARE(c.pathA, QStringList({ "Validate", "Fanout/0/Charge", "Ship" }));
        QCOMPARE(c.pathB, QStringList({ "Validate", "Fanout/0/Charge" }));
        QCOMPARE(c.commonPrefix, 2);
        QCOMPARE(c.onlyInA, QStringList({ "Ship" }));
        QVERIFY(c.onlyInB.isEmpty());
        QCOMPARE(c.states.size(), 3);
        const StateDifference& charge = c.states.at(1);
        QCOMPARE(charge.statusA, QStringLiteral("SUCCEEDED"));
        QCOMPARE(charge.statusB, QStringLiteral("FAILED"));
        QCOMPARE(charge.durationA, 102);
        QCOMPARE(charge.durationB, 103);
        QVERIFY(charge.inputChanges.contains(QStringLiteral("/orderId: \"order-2\" → \"order-3\"")));
        QVERIFY(charge.inputChanges.contains(QStringLiteral("/amount: 12 → 13")));
        QVERIFY(c.states.at(2).pathDiffers());
        QVERIFY(!charge.pathDiffers());
        QVERIFY(compareExecutions(a, a).onlyInA.isEmpty());
        QVERIFY(compareExecutions(a, a).states.at(1).inputChanges.isEmpty());
    }

    void jsonDifferences_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("equal") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1})") << QStringList();
        QTest::addRow("changed") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":2})") << QStringList({ "/a: 1 → 2" });
        QTest::addRow("added, removed") << QByteArray(R"({"a":1,"b":[1]})") << QByteArray(R"({"b":[1,2],"c":"x"})")
                                        << QStringList({ "/a: removed 1", "/b/1: added 2", "/c: added \"x\"" });
        QTest::addRow("nested, escaped key") << QByteArray(R"({"x/y":{"z":true}})") << QByteArray(R"({"x/y":{"z":false}})")
                                             << QStringList({ "/x~1y/z: true → false" });
        QTest::addRow("not JSON") << QByteArray("hello") << QByteArray("world") << QStringList({ "/: hello → world" });
        QTest::addRow("missing") << QByteArray() << QByteArray("{}") << QStringList({ "/: (none) → {}" });
    }

    void jsonDifferences()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(QStringList, expected);
        QCOMPARE(Stepscope::jsonDifferences(a, b), expected);
    }

    void jsonDifferencesAreCapped()
    {
        QByteArray a = "{", b = "{";
        for (int i = 0; i < 30; ++i) {
            a += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":1";
            b += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":2";
        }
        const QStringList lines = Stepscope::jsonDifferences(a + "}", b + "}", 20);
        QCOMPARE(lines.size(), 21);
        QCOMPARE(lines.last(), QStringLiteral("… 10 more"));
    }

    void ftsQuery_data()
    {
        QTest::addColumn<QString>("words");
        QTest::addColumn<QString>("expected");
        // Plain string literals: moc misreads raw strings holding quotes.
        QTest::addRow("words") << "card expired" << "\"card\" \"expired\"";
        QTest::addRow("quote") << "say\"hi" << "\"say\"\"hi\"";
        QTest::addRow("prefix") << "carr*" << "\"carr\"*";
        QTest::addRow("operators are words") << "a OR b" << "\"a\" \"OR\" \"b\"";
        QTest::addRow("punctuation only") << "- ( ) *" << "";
    }

    void ftsQuery()
    {
        QFETCH(QString, words);
        QFETCH(QString, expected);
        QCOMPARE(ftsQueryFromWords(words), expected);
    }

    void refusesNonArchives_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QString>("message");
        QTest::addRow("text file") << QByteArray("text") << "not an SQLite database";
        QTest::addRow("other SQLite database") << QByteArray("sqlite") << "not a Stepscope archive";
        QTest::addRow("newer schema") << QByteArray("newer") << "newer Stepscope";
        QTest::addRow("truncated header") << QByteArray("truncated") << "not a Stepscope archive";
    }

    void refusesNonArchives()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QString::fromLatin1("refuse-" + kind + ".db"));
        if (kind == "text") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"events\": []}\n");
        } else if (kind == "sqlite") {
            Sql::Database db;
            db.open(path, Sql::Database::Mode::ReadWriteCreate);
            db.exec("CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('mine')");
        } else if (kind == "newer") {
            {
                Archive archive;
                QVERIFY(archive.open(path));
                QCOMPARE(archive.importExecution(generatedExecution(1)), Archive::ImportOutcome::Imported);
            }
            Sql::Database db;
            db.open(path, Sql::Database::Mode::ReadWrite);
            db.exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
        } else if (kind == "truncated") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("SQLite format 3\0", 16) + QByteArray(200, 'x'));
        }
        const QByteArray before = fileHash(path);
        const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files);
        for (const Archive::Access access : { Archive::Access::ReadWrite, Archive::Access::ReadOnly }) {
            Archive archive;
            QVERIFY(!archive.open(path, access));
            QVERIFY2(archive.errorString().contains(message), qPrintable(archive.errorString()));
            QVERIFY2(archive.errorString().contains(QStringLiteral("left unchanged")), qPrintable(archive.errorString()));
            QVERIFY(!archive.isOpen());
        }
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), filesBefore); // no -wal / -shm left behind
    }

    void migratesOlderSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
        {
            Sql::Database db;
            db.open(path, Sql::Database::Mode::ReadWriteCreate);
            db.exec("PRAGMA application_id = 1398034515"); // 0x53545053
            ArchiveSchema::migrate(db, 0, 1);
            db.exec(R"sql(
INSERT INTO payloads(id, hash, content) VALUES (1, 0, '{"orderId":"legacy-42"}');
INSERT INTO executions(id, identity, content_hash, name, status, input_id, imported_ms)
    VALUES (7, 'sha256:00', '00', 'old-one', 'FAILED', 1, 0);
INSERT INTO state_runs(execution_id, seq, state, state_id, status, error, input_id)
    VALUES (7, 0, 'Charge', 'Charge', 'FAILED', 'LegacyError', 1);
)sql");
            QCOMPARE(db.scalar("PRAGMA user_version"), 1);
        }
        Archive readOnly;
        QVERIFY(!readOnly.open(path, Archive::Access::ReadOnly));
        QVERIFY2(readOnly.errorString().contains(QStringLiteral("older archive schema")), qPrintable(readOnly.errorString()));
        Archive archive;
        QVERIFY2(archive.open(path), qPrintable(archive.errorString()));
        QCOMPARE(archive.schemaVersion(), 2);
        SearchQuery q;
        q.text = QStringLiteral("legacy-42");
        QCOMPARE(archive.search(q).total, 1); // the full-text index was back-filled
        q.text = QStringLiteral("LegacyError");
        QCOMPARE(archive.search(q).total, 1);
        q = {};
        q.state = QStringLiteral("Charge");
        QCOMPARE(archive.search(q).executions.value(0).name, QStringLiteral("old-one"));
    }

    void readOnlyRefusesImport()
    {
        Archive archive;
        QVERIFY(archive.open(m_path, Archive::Access::ReadOnly));
        QVERIFY_THROWS_EXCEPTION(ArchiveError, archive.importExecution(generatedExecution(99)));
        Archive missing;
        QVERIFY(!missing.open(m_dir.filePath(QStringLiteral("missing.sqlite")), Archive::Access::ReadOnly));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
