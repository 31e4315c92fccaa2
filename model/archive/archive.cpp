#include "archive.h"

#include "archiveprivate.h"
#include "archiveschema.h"

#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

// Archive's connection: opening (refusing what is not ours), creating, upgrading the schema, closing. Imports are in
// archivewriter.cpp, searches and look-ups in archivequeries.cpp, statistics in archivestatistics.cpp.
namespace Stepscope {

namespace {

constexpr int BusyTimeoutMs = 30000;

// What a file says it is, read before anything may write to it and again under the write lock.
struct Stamp {
    qint64 applicationId = 0;
    qint64 version = 0;
    qint64 objects = 0;

    static Stamp read(Sql::Database& db)
    {
        Stamp stamp;
        stamp.applicationId = db.scalar("PRAGMA application_id");
        stamp.version = db.scalar("PRAGMA user_version");
        stamp.objects = db.scalar("SELECT count(*) FROM sqlite_schema");
        return stamp;
    }
    // Another application's database: a foreign id, or no id on a file that already holds tables.
    [[nodiscard]] bool isForeign() const
    {
        return applicationId != Archive::ApplicationId && !(applicationId == 0 && objects == 0);
    }
};

// Switching to WAL needs a moment alone with the file: another process may be opening it too.
void switchToWal(Sql::Database& db)
{
    for (int attempt = 0;; ++attempt) {
        try {
            db.exec("PRAGMA journal_mode = WAL");
            return;
        } catch (const Sql::Error& e) {
            if ((e.code() & 0xff) != SQLITE_BUSY && (e.code() & 0xff) != SQLITE_LOCKED)
                throw;
            if (attempt >= 300)
                throw;
            QThread::msleep(100);
        }
    }
}

// Under the write lock: refuses what is not an archive this build writes, else creates or upgrades the schema.
// Returns why it refused (the transaction then rolls back), empty when the archive is ready.
QString prepareSchema(Sql::Database& db)
{
    Sql::Transaction transaction(db);
    // Read again: another process may have created or upgraded the archive since the read-only look.
    const Stamp stamp = Stamp::read(db);
    if (stamp.isForeign())
        return QStringLiteral("is an SQLite database but not a Stepscope archive");
    if (stamp.version > Archive::SchemaVersion)
        return QStringLiteral("was written by a newer Stepscope (schema version %1)").arg(stamp.version);
    if (stamp.version < Archive::SchemaVersion) {
        if (stamp.applicationId == 0)
            db.exec(QByteArray("PRAGMA application_id = " + QByteArray::number(Archive::ApplicationId)).constData());
        ArchiveSchema::migrate(db, int(stamp.version), Archive::SchemaVersion);
    }
    transaction.commit();
    return {};
}

} // namespace

Archive::Archive()
    : d(std::make_unique<Private>())
{
}

Archive::~Archive() = default;

QString Archive::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/archive.sqlite");
}

bool Archive::isOpen() const { return d->db.isOpen(); }

int Archive::schemaVersion() const { return d->version; }

void Archive::close()
{
    d->writer.reset();
    d->db.close();
    d->version = 0;
}

bool Archive::open(const QString& path, Access access)
{
    close();
    m_error.clear();
    m_path = path;
    const QFileInfo info(path);
    const bool fresh = !info.exists() || (info.isFile() && info.size() == 0);
    if (info.exists() && !info.isFile()) {
        m_error = QStringLiteral("%1 is not a file").arg(path);
        return false;
    }
    if (fresh && access == Access::ReadOnly) {
        m_error = QStringLiteral("%1: no archive there (import executions first)").arg(path);
        return false;
    }
    auto refuse = [&](const QString& why) {
        m_error = QStringLiteral("%1 %2; the file was left unchanged").arg(path, why);
        close();
        return false;
    };
    // Validate an existing file read-only, before anything could write to it.
    if (!fresh) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
            return false;
        }
        if (!file.read(16).startsWith(QByteArray("SQLite format 3\0", 16)))
            return refuse(QStringLiteral("is not a Stepscope archive (not an SQLite database)"));
        try {
            Sql::Database probe;
            probe.open(path, Sql::Database::Mode::ReadOnly);
            probe.setBusyTimeout(BusyTimeoutMs);
            const Stamp stamp = Stamp::read(probe);
            if (stamp.isForeign())
                return refuse(QStringLiteral("is an SQLite database but not a Stepscope archive"));
            if (stamp.version > SchemaVersion)
                return refuse(QStringLiteral("was written by a newer Stepscope (archive schema version %1; this version "
                                             "reads up to %2)")
                                  .arg(stamp.version)
                                  .arg(SchemaVersion));
            if (access == Access::ReadOnly && stamp.version < SchemaVersion) {
                m_error = QStringLiteral("%1 has an older archive schema (version %2): open it for writing once to "
                                         "upgrade it")
                              .arg(path)
                              .arg(stamp.version);
                return false;
            }
        } catch (const Sql::Error& e) {
            return refuse(QStringLiteral("is not a Stepscope archive (%1)").arg(e.message()));
        }
    }
    try {
        if (access == Access::ReadOnly) {
            d->db.open(path, Sql::Database::Mode::ReadOnly);
            d->db.setBusyTimeout(BusyTimeoutMs);
            d->readOnly = true;
            d->version = int(d->db.scalar("PRAGMA user_version"));
            return true;
        }
        if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath())) {
            m_error = QStringLiteral("%1: cannot create the folder %2").arg(path, info.absolutePath());
            return false;
        }
        d->db.open(path, Sql::Database::Mode::ReadWriteCreate);
        // 2 KB pages (for new archives; a WAL database keeps its page size): an import commits each execution on
        // its own and writes every page it touched to the log, a dozen hot pages (the tables' and indexes' last
        // leaves, the FTS structure) most of them holding a row or two of that execution. Smaller pages write half
        // as much: a 10,000-execution import took 4.0 s instead of 5.1 s; searches and statistics were unchanged.
        if (fresh)
            d->db.exec("PRAGMA page_size = 2048");
        d->db.setBusyTimeout(BusyTimeoutMs);
        d->readOnly = false;
        switchToWal(d->db);
        // NORMAL: a commit survives a process kill (the WAL is in the OS cache) without an fsync per execution.
        d->db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864");
        // A refusal has rolled back by now, before the connection closes.
        if (const QString refusal = prepareSchema(d->db); !refusal.isEmpty())
            return refuse(refusal);
        d->version = SchemaVersion;
        return true;
    } catch (const Sql::Error& e) {
        m_error = QStringLiteral("%1: %2").arg(path, e.message());
        close();
        return false;
    }
}

} // namespace Stepscope
