#include "archive/archive.h"
#include "archive/sqlite.h"
#include "orderhistorygenerator.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope;
using Stepscope::Test::writeFile;
using Stepscope::Test::runStepscope;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

struct ArchiveCheck {
    QString integrity;
    qint64 executions = -1;
    qint64 distinctIdentities = -1;
    qint64 incomplete = -1; ///< executions whose stored state runs are not all there
};

ArchiveCheck check(const QString& path)
{
    ArchiveCheck result;
    Sql::Database db;
    db.open(path, Sql::Database::Mode::ReadWrite); // read-write: a WAL left by a killed process is recovered
    db.setBusyTimeout(10000);
    Sql::Statement integrity(db, "PRAGMA integrity_check");
    while (integrity.step())
        result.integrity += integrity.text(0);
    result.executions = db.scalar("SELECT count(*) FROM executions");
    result.distinctIdentities = db.scalar("SELECT count(DISTINCT identity) FROM executions");
    result.incomplete = db.scalar("SELECT count(*) FROM executions e WHERE e.run_count <> "
                                  "(SELECT count(*) FROM state_runs r WHERE r.execution_id = e.id)");
    // Every generated history holds the word "order": each committed execution has its full-text document.
    result.incomplete += result.executions
        - db.scalar("SELECT count(*) FROM execution_text WHERE execution_text MATCH 'order'");
    db.exec("INSERT INTO execution_text(execution_text) VALUES ('integrity-check')"); // throws when corrupt
    return result;
}

qint64 countNow(const QString& path)
{
    try {
        Sql::Database db;
        db.open(path, Sql::Database::Mode::ReadOnly);
        db.setBusyTimeout(1000);
        return db.scalar("SELECT count(*) FROM executions");
    } catch (const Sql::Error&) {
        return 0; // not created yet
    }
}

} // namespace

// What must survive: a kill in the middle of an import, two importers at once, files that are not archives.
class TestArchiveReliability : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_histories;
    static constexpr int Files = 2000;

private Q_SLOTS:
    void initTestCase()
    {
        m_histories = m_dir.filePath(QStringLiteral("histories"));
        for (int n = 0; n < Files; ++n)
            QVERIFY(writeFile(QStringLiteral("%1/%2/h%3.json").arg(m_histories).arg(n % 10).arg(n),
                Stepscope::Test::generatedHistory(n)));
    }

    void killDuringImport()
    {
        const QString db = m_dir.filePath(QStringLiteral("killed.sqlite"));
        QProcess process;
        process.start(QStringLiteral(STEPSCOPE_BINARY), { "import", m_histories, "--db", db });
        QVERIFY(process.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        qint64 seen = 0;
        while ((seen = countNow(db)) < 100 && timer.elapsed() < 60000 && process.state() == QProcess::Running)
            QThread::msleep(5);
        QVERIFY2(process.state() == QProcess::Running, "the import finished before it could be killed");
        process.kill(); // SIGKILL
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);

        const ArchiveCheck afterKill = check(db);
        QCOMPARE(afterKill.integrity, QStringLiteral("ok"));
        QVERIFY2(afterKill.executions >= seen, qPrintable(QStringLiteral("%1 < %2").arg(afterKill.executions).arg(seen)));
        QVERIFY2(afterKill.executions < Files, "nothing was left to import after the kill");
        QCOMPARE(afterKill.incomplete, 0); // one transaction per execution: never half an execution

        const auto rerun = runStepscope({ "import", m_histories, "--db", db }, 300000);
        QCOMPARE(rerun.exitCode, 0);
        QVERIFY2(rerun.out.contains(QStringLiteral("%1 already present").arg(afterKill.executions).toUtf8()),
            rerun.out.constData());
        const ArchiveCheck final = check(db);
        QCOMPARE(final.integrity, QStringLiteral("ok"));
        QCOMPARE(final.executions, Files);
        QCOMPARE(final.distinctIdentities, Files);
        QCOMPARE(final.incomplete, 0);
    }

    void twoImportersAtOnce()
    {
        // Overlapping halves: folders 0-5 and 4-9, both into one new archive at the same moment.
        const QString db = m_dir.filePath(QStringLiteral("shared.sqlite"));
        QStringList first = { "import", "--db", db }, second = { "import", "--db", db };
        for (int f = 0; f < 10; ++f) {
            if (f <= 5)
                first << QStringLiteral("%1/%2").arg(m_histories).arg(f);
            if (f >= 4)
                second << QStringLiteral("%1/%2").arg(m_histories).arg(f);
        }
        QProcess a, b;
        a.start(QStringLiteral(STEPSCOPE_BINARY), first);
        b.start(QStringLiteral(STEPSCOPE_BINARY), second);
        QVERIFY(a.waitForFinished(300000));
        QVERIFY(b.waitForFinished(300000));
        QVERIFY2(a.exitStatus() == QProcess::NormalExit && a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitStatus() == QProcess::NormalExit && b.exitCode() == 0, b.readAllStandardError().constData());
        const ArchiveCheck result = check(db);
        QCOMPARE(result.integrity, QStringLiteral("ok"));
        QCOMPARE(result.executions, Files);
        QCOMPARE(result.distinctIdentities, Files);
        QCOMPARE(result.incomplete, 0);
        // Reading while another process writes: search works throughout.
        QProcess writer;
        writer.start(QStringLiteral(STEPSCOPE_BINARY), { "import", m_histories, "--db", db });
        for (int i = 0; i < 5; ++i) {
            const auto search = runStepscope({ "search", "--db", db, "--status", "FAILED", "--limit", "1" });
            QCOMPARE(search.exitCode, 0);
            QVERIFY(search.out.contains("of 500 matching executions"));
        }
        QVERIFY(writer.waitForFinished(300000));
        QCOMPARE(writer.exitCode(), 0);
    }

    void refusesWhatIsNotAnArchive_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::addRow("a history file") << "history" << "not a Stepscope archive (not an SQLite database)";
        QTest::addRow("another SQLite database") << "sqlite" << "is an SQLite database but not a Stepscope archive";
        QTest::addRow("a newer archive") << "newer" << "newer Stepscope (archive schema version 3";
    }

    void refusesWhatIsNotAnArchive()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("refuse-%1.db").arg(kind));
        if (kind == QLatin1String("history")) {
            QVERIFY(writeFile(path, Stepscope::Test::generatedHistory(1)));
        } else if (kind == QLatin1String("sqlite")) {
            Sql::Database db;
            db.open(path, Sql::Database::Mode::ReadWriteCreate);
            db.exec("CREATE TABLE mine(x); INSERT INTO mine VALUES (42)");
        } else {
            QCOMPARE(runStepscope({ "import", m_histories + "/0/h0.json", "--db", path }).exitCode, 0);
            Sql::Database db;
            db.open(path, Sql::Database::Mode::ReadWrite);
            db.exec("PRAGMA user_version = 3; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE");
        }
        const QByteArray before = fileHash(path);
        const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files);
        for (const QStringList& command : { QStringList({ "import", m_histories + "/1", "--db", path }),
                 QStringList({ "search", "--db", path }), QStringList({ "stats", "--db", path }) }) {
            const auto result = runStepscope(command);
            QCOMPARE(result.exitCode, 1);
            QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
            QVERIFY2(result.err.contains("left unchanged"), result.err.constData());
        }
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), filesBefore);
    }
};

QTEST_GUILESS_MAIN(TestArchiveReliability)
#include "tst_archivereliability.moc"
