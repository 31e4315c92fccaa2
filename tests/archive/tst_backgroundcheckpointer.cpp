#include "archive/backgroundcheckpointer.h"
#include "archive/sqlite.h"

#include <sqlite3.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Stepscope::Sql;

namespace {

constexpr int PageSize = 1024;

// A WAL database with one table; each commit() adds a row of ~300 bytes and dirties a page or two.
struct Writer {
    explicit Writer(const QString& path)
    {
        db.open(path, Database::Mode::ReadWriteCreate);
        db.exec("PRAGMA page_size = 1024; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
        db.exec("CREATE TABLE rows(id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        insert.emplace(db, "INSERT INTO rows(body) VALUES (?1)");
    }
    void commit(int n)
    {
        Transaction transaction(db);
        insert->bind(1, QByteArray(300, char('a' + n % 26))).run();
        transaction.commit();
    }
    Database db;
    std::optional<Statement> insert;
};

qint64 walBytes(const QString& path) { return QFileInfo(path + QStringLiteral("-wal")).size(); }

} // namespace

class TestBackgroundCheckpointer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The writer never checkpoints itself, yet the log stays bounded (it restarts when it reaches the limit) and
    // every committed row is in the database.
    void keepsTheLogBounded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        Writer writer(path);
        constexpr int Commits = 3000;
        constexpr int RestartFrames = 400;
        qint64 largestLog = 0;
        int passes = 0, waits = 0;
        {
            BackgroundCheckpointer checkpointer(writer.db, path, { 50, RestartFrames });
            for (int n = 0; n < Commits; ++n) {
                writer.commit(n);
                largestLog = std::max(largestLog, walBytes(path));
            }
            passes = checkpointer.passes();
            waits = checkpointer.waits();
        }
        QVERIFY2(passes >= Commits / 50 / 4, qPrintable(QString::number(passes)));
        QVERIFY2(waits >= 2, qPrintable(QString::number(waits)));
        // Without restarts the log would hold ~2 frames per commit (6,000 frames, 6 MB).
        QVERIFY2(largestLog < qint64(RestartFrames + 100) * (PageSize + 24), qPrintable(QString::number(largestLog)));

        Database reader;
        reader.open(path, Database::Mode::ReadOnly);
        QCOMPARE(reader.scalar("SELECT count(*) FROM rows"), qint64(Commits));
        Statement integrity(reader, "PRAGMA integrity_check");
        QVERIFY(integrity.step());
        QCOMPARE(integrity.text(0), QStringLiteral("ok"));
    }

    // The passes copy into the database file while the writer goes on: in WAL mode only a checkpoint writes to it.
    void copiesWhileTheWriterGoesOn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        Writer writer(path);
        const qint64 emptySize = QFileInfo(path).size();
        BackgroundCheckpointer checkpointer(writer.db, path, { 20, 1000000 });
        for (int n = 0; n < 500; ++n)
            writer.commit(n);
        QTRY_VERIFY(checkpointer.passes() >= 5);
        QTRY_VERIFY2(QFileInfo(path).size() > emptySize + 100 * PageSize, qPrintable(QString::number(QFileInfo(path).size())));
    }

    // A reader holding an old snapshot keeps the log from restarting: the writer waits for a pass now and then but
    // is not stalled on every commit, and nothing is lost.
    void aReaderHoldingASnapshotDoesNotStallTheWriter()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        Writer writer(path);
        writer.commit(0);
        Database reader;
        reader.open(path, Database::Mode::ReadOnly);
        reader.exec("BEGIN");
        QCOMPARE(reader.scalar("SELECT count(*) FROM rows"), qint64(1)); // the snapshot starts here
        constexpr int Commits = 2000;
        int waits = 0;
        QElapsedTimer timer;
        timer.start();
        {
            BackgroundCheckpointer checkpointer(writer.db, path, { 50, 200 });
            for (int n = 1; n < Commits; ++n)
                writer.commit(n);
            waits = checkpointer.waits();
        }
        // Waits only each time the log grew by another quarter of the limit, not after every commit.
        QVERIFY2(waits >= 1 && waits < Commits / 10, qPrintable(QString::number(waits)));
        QCOMPARE(reader.scalar("SELECT count(*) FROM rows"), qint64(1));
        reader.exec("COMMIT");
        QCOMPARE(reader.scalar("SELECT count(*) FROM rows"), qint64(Commits));
        qInfo("2,000 commits with a reader pinning the log: %lld ms, %d waits", timer.elapsed(), waits);
    }

    // Afterwards the writer checkpoints by itself again (SQLite's automatic checkpoint is back).
    void givesTheAutomaticCheckpointBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        Writer writer(path);
        {
            BackgroundCheckpointer checkpointer(writer.db, path);
            writer.commit(0);
        }
        // 1,000 frames (the default) pass after ~500 commits; the automatic checkpoint then restarts the log.
        qint64 largestLog = 0;
        for (int n = 1; n < 3000; ++n) {
            writer.commit(n);
            largestLog = std::max(largestLog, walBytes(path));
        }
        QVERIFY2(walBytes(path) < 1100 * (PageSize + 24), qPrintable(QString::number(walBytes(path))));
        QVERIFY(largestLog < 1100 * (PageSize + 24));
    }
};

QTEST_GUILESS_MAIN(TestBackgroundCheckpointer)
#include "tst_backgroundcheckpointer.moc"
