#include "archive.h"

#include "archiveschema.h"
#include "backgroundcheckpointer.h"
#include "executionidentity.h"
#include "sqlite.h"

#include <sqlite3.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <QRegularExpression>
#include <QSet>
#include <QVariant>

#include <algorithm>
#include <map>
#include <string>
#include <vector>
#include <cmath>

namespace Stepscope {

namespace {

constexpr int BusyTimeoutMs = 30000;
// Statuses that count as a failure of the state itself (a caught error is still the state failing).
constexpr const char* FailedRunStatuses = "('FAILED','CAUGHT','TIMED_OUT')";
constexpr const char* FailedExecutionStatuses = "('FAILED','TIMED_OUT','ABORTED')";

// FNV-1a, 64 bits: a stable, fast key for payload de-duplication (stored with each payload).
qint64 payloadHash(const QByteArray& data)
{
    quint64 hash = 14695981039346656037ull;
    for (const char c : data) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return static_cast<qint64>(hash);
}

QString upperStatus(const QString& status)
{
    return status.trimmed().toUpper().replace(u' ', u'_').replace(u'-', u'_');
}

// LIKE pattern for a user pattern with * wildcards; % _ and \ are escaped so they match themselves.
QString likePattern(const QString& pattern)
{
    QString out;
    out.reserve(pattern.size() + 4);
    for (const QChar c : pattern) {
        if (c == u'%' || c == u'_' || c == u'\\')
            out += u'\\';
        out += c == u'*' ? u'%' : c;
    }
    return out;
}

// The search text of one execution: name, errors, causes, state names and distinct payloads.
QByteArray searchText(const ArchivedExecution& e)
{
    ArchiveSchema::SearchText text;
    text.append(e.name.toUtf8());
    text.append(e.error.toUtf8());
    text.append(e.cause.toUtf8());
    text.append(e.input);
    text.append(e.output);
    for (const ArchivedStateRun& r : e.runs) {
        text.append(r.state.toUtf8());
        text.append(r.error.toUtf8());
        text.append(r.cause.toUtf8());
        text.append(r.input);
        text.append(r.output);
    }
    return text.text();
}

constexpr const char* SummaryColumns = "e.id, e.identity, e.arn, e.name, e.state_machine, e.status, e.start_ms, e.stop_ms, "
                                       "e.duration_ms, e.redrive_count, e.error, e.cause, e.root_state, e.root_path, "
                                       "e.source_file";

ExecutionSummary readSummary(const Sql::Statement& s)
{
    ExecutionSummary summary;
    summary.id = s.int64(0);
    summary.identity = s.text(1);
    summary.arn = s.text(2);
    summary.name = s.text(3);
    summary.stateMachine = s.text(4);
    summary.status = s.text(5);
    summary.startMs = s.int64Or(6, NoTime);
    summary.stopMs = s.int64Or(7, NoTime);
    summary.durationMs = s.int64Or(8, -1);
    summary.redriveCount = int(s.int64(9));
    summary.error = s.text(10);
    summary.cause = s.text(11);
    summary.rootCauseState = s.text(12);
    summary.rootCausePath = s.text(13);
    summary.sourceFile = s.text(14);
    return summary;
}

QByteArray buildSearch(const SearchQuery& query, bool countOnly, QList<QVariant>* binds)
{
    // The page carries the total of all matches (a window count): one pass instead of a second COUNT query.
    QByteArray sql = countOnly ? QByteArray("SELECT count(*) FROM executions e WHERE 1")
                               : QByteArray("SELECT ") + SummaryColumns + ", count(*) OVER () FROM executions e WHERE 1";
    auto param = [&](const QVariant& value) {
        if (binds)
            binds->append(value);
        return QByteArray("?");
    };
    if (!query.statuses.isEmpty()) {
        sql += " AND e.status IN (";
        for (qsizetype i = 0; i < query.statuses.size(); ++i)
            sql += (i ? "," : "") + param(upperStatus(query.statuses.at(i)));
        sql += ")";
    }
    if (!query.error.isEmpty()) {
        const bool wildcard = query.error.contains(u'*');
        const QByteArray op = wildcard ? " LIKE ? ESCAPE '\\'" : " = ?";
        const QString value = wildcard ? likePattern(query.error) : query.error;
        sql += " AND (e.error" + op;
        param(value);
        sql += " OR EXISTS (SELECT 1 FROM state_runs r WHERE r.error" + op;
        param(value);
        sql += " AND r.execution_id = e.id))";
    }
    if (!query.state.isEmpty()) {
        sql += " AND EXISTS (SELECT 1 FROM state_runs r WHERE r.execution_id = e.id AND (r.state = " + param(query.state);
        sql += " OR r.state_id = " + param(query.state) + "))";
    }
    if (!query.stateMachine.isEmpty())
        sql += " AND e.state_machine = " + param(query.stateMachine);
    if (query.sinceMs != NoTime)
        sql += " AND e.start_ms >= " + param(query.sinceMs);
    if (query.untilMs != NoTime)
        sql += " AND e.start_ms < " + param(query.untilMs);
    if (!query.text.trimmed().isEmpty()) {
        const QString fts = ftsQueryFromWords(query.text);
        if (fts.isEmpty())
            sql += " AND 0"; // words without letters or digits match nothing
        else
            sql += " AND e.id IN (SELECT rowid FROM execution_text WHERE execution_text MATCH " + param(fts) + ")";
    }
    if (!countOnly) {
        sql += " ORDER BY e.start_ms IS NULL, e.start_ms DESC, e.id DESC";
        if (query.limit >= 0) {
            // Two statements: the operands of one expression are evaluated in no fixed order.
            sql += " LIMIT " + param(qint64(query.limit));
            sql += " OFFSET " + param(qint64(std::max(0, query.offset)));
        }
    }
    return sql;
}

void bindAll(Sql::Statement& statement, const QList<QVariant>& binds)
{
    for (qsizetype i = 0; i < binds.size(); ++i) {
        const QVariant& value = binds.at(i);
        if (value.typeId() == QMetaType::QString)
            statement.bind(int(i + 1), value.toString());
        else
            statement.bind(int(i + 1), value.toLongLong());
    }
}

qint64 percentile(const QList<qint64>& sorted, double q)
{
    if (sorted.isEmpty())
        return -1;
    // Nearest rank: the smallest value with at least q of the values at or below it.
    const auto rank = qsizetype(std::ceil(q * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

} // namespace

QString ftsQueryFromWords(const QString& words)
{
    QStringList terms;
    for (QString word : words.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        const bool prefix = word.size() > 1 && word.endsWith(u'*');
        if (prefix)
            word.chop(1);
        const bool searchable = std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        if (!searchable)
            continue;
        // A quoted FTS5 string: only the double quote is special inside, and it is doubled.
        QString term = u'"' + QString(word).replace(u'"', QLatin1String("\"\"")) + u'"';
        if (prefix)
            term += u'*';
        terms.append(term);
    }
    return terms.join(u' ');
}

struct Archive::Private {
    Sql::Database db;
    bool readOnly = false;
    int version = 0;
    // Payloads stored by this connection, for de-duplication across the executions of one import session without a
    // hash index (an index on a hash dirties a random page per payload on every import). Entries of the open
    // transaction are kept apart until it commits.
    QHash<QByteArray, qint64> storedPayloads;
    QHash<QByteArray, qint64> pendingPayloads;
    qsizetype storedPayloadBytes = 0;
    QByteArray lastDefinition;
    qint64 lastDefinitionId = 0;
    // Statements reused by every import.
    std::optional<Sql::Statement> findIdentity, deleteExecution, deleteText, insertPayload,
        findDefinition, insertDefinition, insertExecution, insertRun, insertText;
    std::unique_ptr<Sql::BackgroundCheckpointer> checkpointer; // while importing

    void prepareImport(const QString& path)
    {
        if (insertExecution)
            return;
        // Each imported execution is its own transaction and writes a dozen pages to the log (the tables' and indexes'
        // last leaves, the FTS structure). Copying the log into the database and syncing both, done inside the
        // commits, stopped the import every few hundred executions; another thread does it.
        try {
            checkpointer = std::make_unique<Sql::BackgroundCheckpointer>(db, path);
        } catch (const Sql::Error&) {
            // No second connection (out of file handles, say): SQLite's own checkpoints, inside the commits.
        }
        findIdentity.emplace(db, "SELECT id, content_hash FROM executions WHERE identity = ?1");
        deleteExecution.emplace(db, "DELETE FROM executions WHERE id = ?1");
        // Contentless FTS5: a document is deleted by giving back the text it was indexed with.
        deleteText.emplace(db, "INSERT INTO execution_text(execution_text, rowid, body) VALUES ('delete', ?1, ?2)");
        insertPayload.emplace(db, "INSERT INTO payloads(hash, content) VALUES (?1, ?2)");
        findDefinition.emplace(db, "SELECT id FROM definitions WHERE hash = ?1");
        insertDefinition.emplace(db, "INSERT INTO definitions(hash, content) VALUES (?1, ?2)");
        insertExecution.emplace(db,
            "INSERT INTO executions(identity, content_hash, arn, name, state_machine, status, start_ms, stop_ms, "
            "duration_ms, redrive_count, error, cause, root_state, root_path, input_id, output_id, definition_id, "
            "event_count, run_count, source_file, imported_ms) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)");
        insertRun.emplace(db,
            "INSERT INTO state_runs(execution_id, seq, state, state_id, container_path, iteration, status, start_ms, "
            "duration_ms, attempts, error, cause_id, input_id, output_id) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        insertText.emplace(db, "INSERT INTO execution_text(rowid, body) VALUES (?1, ?2)");
    }

    void resetStatements()
    {
        checkpointer.reset();
        findIdentity.reset();
        deleteExecution.reset();
        deleteText.reset();
        insertPayload.reset();
        findDefinition.reset();
        insertDefinition.reset();
        insertExecution.reset();
        insertRun.reset();
        insertText.reset();
    }

    // The id of a stored payload with this content, inserting it once; 0 for "no payload".
    qint64 payloadId(const QByteArray& content)
    {
        if (content.isNull())
            return 0;
        if (const auto it = pendingPayloads.constFind(content); it != pendingPayloads.constEnd())
            return it.value();
        if (const auto it = storedPayloads.constFind(content); it != storedPayloads.constEnd())
            return it.value();
        insertPayload->bind(1, payloadHash(content)).bind(2, content).run();
        const qint64 id = db.lastInsertRowId();
        pendingPayloads.insert(content, id);
        return id;
    }

    void committed()
    {
        constexpr qsizetype MaxCachedBytes = 32 * 1024 * 1024;
        for (auto it = pendingPayloads.cbegin(); it != pendingPayloads.cend(); ++it) {
            if (storedPayloadBytes + it.key().size() > MaxCachedBytes) {
                storedPayloads.clear();
                storedPayloadBytes = 0;
            }
            storedPayloads.insert(it.key(), it.value());
            storedPayloadBytes += it.key().size();
        }
        pendingPayloads.clear();
    }

    qint64 definitionId(const QByteArray& content)
    {
        if (content.isEmpty())
            return 0;
        if (content == lastDefinition)
            return lastDefinitionId; // an import links one definition to many executions: hash it once
        const QByteArray hash = contentHashHex(content);
        qint64 id = 0;
        findDefinition->bind(1, hash);
        if (findDefinition->step())
            id = findDefinition->int64(0);
        findDefinition->reset();
        if (!id) {
            insertDefinition->bind(1, hash).bind(2, content).run();
            id = db.lastInsertRowId();
            return id; // not cached before the transaction commits
        }
        lastDefinition = content;
        lastDefinitionId = id;
        return id;
    }
};

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
    d->resetStatements();
    d->storedPayloads.clear();
    d->pendingPayloads.clear();
    d->storedPayloadBytes = 0;
    d->lastDefinition.clear();
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
            const qint64 applicationId = probe.scalar("PRAGMA application_id");
            const qint64 version = probe.scalar("PRAGMA user_version");
            const qint64 objects = probe.scalar("SELECT count(*) FROM sqlite_schema");
            if (applicationId != ApplicationId && !(applicationId == 0 && objects == 0))
                return refuse(QStringLiteral("is an SQLite database but not a Stepscope archive"));
            if (version > SchemaVersion)
                return refuse(QStringLiteral("was written by a newer Stepscope (archive schema version %1; this version "
                                             "reads up to %2)")
                                  .arg(version)
                                  .arg(SchemaVersion));
            if (access == Access::ReadOnly && version < SchemaVersion) {
                m_error = QStringLiteral("%1 has an older archive schema (version %2): open it for writing once to "
                                         "upgrade it")
                              .arg(path)
                              .arg(version);
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
        // Switching to WAL needs a moment alone with the file: another process may be opening it too.
        for (int attempt = 0;; ++attempt) {
            try {
                d->db.exec("PRAGMA journal_mode = WAL");
                break;
            } catch (const Sql::Error& e) {
                if ((e.code() & 0xff) != SQLITE_BUSY && (e.code() & 0xff) != SQLITE_LOCKED)
                    throw;
                if (attempt >= 300)
                    throw;
                QThread::msleep(100);
            }
        }
        // NORMAL: a commit survives a process kill (the WAL is in the OS cache) without an fsync per execution.
        d->db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864");
        QString refusal;
        {
            Sql::Transaction transaction(d->db);
            // Read again under the write lock: another process may have created or upgraded the archive meanwhile.
            const qint64 applicationId = d->db.scalar("PRAGMA application_id");
            const qint64 version = d->db.scalar("PRAGMA user_version");
            const qint64 objects = d->db.scalar("SELECT count(*) FROM sqlite_schema");
            if (applicationId != ApplicationId && !(applicationId == 0 && objects == 0)) {
                refusal = QStringLiteral("is an SQLite database but not a Stepscope archive");
            } else if (version > SchemaVersion) {
                refusal = QStringLiteral("was written by a newer Stepscope (schema version %1)").arg(version);
            } else {
                if (version < SchemaVersion) {
                    if (applicationId == 0)
                        d->db.exec(QByteArray("PRAGMA application_id = " + QByteArray::number(ApplicationId)).constData());
                    ArchiveSchema::migrate(d->db, int(version), SchemaVersion);
                }
                transaction.commit();
            }
        } // rolled back when refused, before the connection closes
        if (!refusal.isEmpty())
            return refuse(refusal);
        d->version = SchemaVersion;
        return true;
    } catch (const Sql::Error& e) {
        m_error = QStringLiteral("%1: %2").arg(path, e.message());
        close();
        return false;
    }
}

Archive::ImportOutcome Archive::importExecution(const ArchivedExecution& execution)
{
    if (!isOpen() || d->readOnly)
        throw ArchiveError("the archive is not open for writing");
    try {
        d->prepareImport(m_path);
        const QString identity = execution.identity();
        const QByteArray contentHash = execution.contentHash.isEmpty() ? fallbackContentHash(execution) : execution.contentHash;
        Sql::Transaction transaction(d->db);
        ImportOutcome outcome = ImportOutcome::Imported;
        d->findIdentity->bind(1, identity);
        if (d->findIdentity->step()) {
            const qint64 existing = d->findIdentity->int64(0);
            const QByteArray existingHash = d->findIdentity->bytes(1);
            d->findIdentity->reset();
            if (existingHash == contentHash)
                return ImportOutcome::AlreadyPresent; // the transaction rolls back: nothing was written
            // The same ARN with other content: a later (longer, redriven) history of the same execution.
            const std::optional<ArchivedExecution> old = loadExecution(existing);
            d->deleteText->bind(1, existing).bind(2, old ? searchText(*old) : QByteArray()).run();
            d->deleteExecution->bind(1, existing).run();
            outcome = ImportOutcome::Replaced;
        } else {
            d->findIdentity->reset();
        }

        d->pendingPayloads.clear();
        const qint64 definition = d->definitionId(execution.definition);
        const qint64 input = d->payloadId(execution.input);
        const qint64 output = d->payloadId(execution.output);
        Sql::Statement& e = *d->insertExecution;
        e.bind(1, identity).bind(2, contentHash).bind(3, isRealArn(execution.arn) ? execution.arn : QString());
        e.bind(4, execution.name).bind(5, execution.stateMachine);
        e.bind(6, execution.status.isEmpty() ? QStringLiteral("UNKNOWN") : upperStatus(execution.status));
        e.bindOptional(7, execution.startMs, NoTime).bindOptional(8, execution.stopMs, NoTime);
        e.bindOptional(9, execution.durationMs(), -1).bind(10, execution.redriveCount);
        e.bind(11, execution.error.isEmpty() ? QString() : execution.error);
        e.bind(12, execution.cause.isEmpty() ? QString() : execution.cause);
        e.bind(13, execution.rootCauseState.isEmpty() ? QString() : execution.rootCauseState);
        e.bind(14, execution.rootCausePath.isEmpty() ? QString() : execution.rootCausePath);
        e.bindOptional(15, input, 0).bindOptional(16, output, 0).bindOptional(17, definition, 0);
        e.bind(18, execution.eventCount).bind(19, int(execution.runs.size()));
        e.bind(20, execution.sourceFile).bind(21, QDateTime::currentMSecsSinceEpoch());
        e.run();
        const qint64 id = d->db.lastInsertRowId();

        Sql::Statement& r = *d->insertRun;
        for (qsizetype seq = 0; seq < execution.runs.size(); ++seq) {
            const ArchivedStateRun& run = execution.runs.at(seq);
            const qint64 cause = run.cause.isEmpty() ? 0 : d->payloadId(run.cause.toUtf8());
            const qint64 runInput = d->payloadId(run.input);
            const qint64 runOutput = d->payloadId(run.output);
            r.bind(1, id).bind(2, qint64(seq)).bind(3, run.state).bind(4, run.stateId());
            r.bind(5, run.containerPath.isEmpty() ? QString() : run.containerPath).bindOptional(6, run.iteration, -1);
            r.bind(7, run.status.isEmpty() ? QStringLiteral("UNKNOWN") : upperStatus(run.status));
            r.bindOptional(8, run.startMs, NoTime).bindOptional(9, run.durationMs, -1).bind(10, run.attempts);
            r.bind(11, run.error.isEmpty() ? QString() : run.error);
            r.bindOptional(12, cause, 0).bindOptional(13, runInput, 0).bindOptional(14, runOutput, 0);
            r.run();
        }
        d->insertText->bind(1, id).bind(2, searchText(execution)).run();
        transaction.commit();
        d->committed();
        return outcome;
    } catch (const Sql::Error& e) {
        d->pendingPayloads.clear(); // rolled back
        throw ArchiveError(e.what());
    }
}

SearchResult Archive::search(const SearchQuery& query)
{
    if (!isOpen())
        throw ArchiveError("the archive is not open");
    try {
        SearchResult result;
        QList<QVariant> binds;
        Sql::Statement rows(d->db, buildSearch(query, false, &binds));
        bindAll(rows, binds);
        while (rows.step()) {
            result.executions.append(readSummary(rows));
            result.total = rows.int64(15);
        }
        // An empty page (limit 0, or an offset past the end) does not tell the total.
        if (result.executions.isEmpty() && (query.limit == 0 || query.offset > 0))
            result.total = count(query);
        return result;
    } catch (const Sql::Error& e) {
        throw ArchiveError(e.what());
    }
}

qint64 Archive::count(const SearchQuery& query)
{
    if (!isOpen())
        throw ArchiveError("the archive is not open");
    try {
        QList<QVariant> binds;
        Sql::Statement statement(d->db, buildSearch(query, true, &binds));
        bindAll(statement, binds);
        return statement.step() ? statement.int64(0) : 0;
    } catch (const Sql::Error& e) {
        throw ArchiveError(e.what());
    }
}

QByteArray Archive::searchSql(const SearchQuery& query, bool countOnly) { return buildSearch(query, countOnly, nullptr); }

qint64 Archive::executionCount()
{
    if (!isOpen())
        throw ArchiveError("the archive is not open");
    try {
        return d->db.scalar("SELECT count(*) FROM executions");
    } catch (const Sql::Error& e) {
        throw ArchiveError(e.what());
    }
}

std::optional<ExecutionSummary> Archive::summary(qint64 id)
{
    if (!isOpen())
        throw ArchiveError("the archive is not open");
    try {
        Sql::Statement s(d->db, QByteArray("SELECT ") + SummaryColumns + " FROM executions e WHERE e.id = ?1");
        s.bind(1, id);
        if (!s.step())
            return std::nullopt;
        return readSummary(s);
    } catch (const Sql::Error& e) {
        throw ArchiveError(e.what());
    }
}

std::optional<ArchivedExecution> Archive::loadExecution(qint64 id)
{
    if (!isOpen())
        throw ArchiveError("the archive is not open");
    try {
        Sql::Statement s(d->db,
            "SELECT e.arn, e.name, e.state_machine, e.status, e.start_ms, e.stop_ms, e.redrive_count, e.error, e.cause, "
            "e.root_state, e.root_path, i.content, o.content, def.content, e.event_count, e.source_file, "
            "e.content_hash FROM executions e LEFT JOIN payloads i ON i.id = e.input_id "
            "LEFT JOIN payloads o ON o.id = e.output_id LEFT JOIN definitions def ON def.id = e.definition_id "
            "WHERE e.id = ?1");
        s.bind(1, id);
        if (!s.step())
            return std::nullopt;
        ArchivedExecution e;
        e.arn = s.text(0);
        e.name = s.text(1);
        e.stateMachine = s.text(2);
        e.status = s.text(3);
        e.startMs = s.int64Or(4, NoTime);
        e.stopMs = s.int64Or(5, NoTime);
        e.redriveCount = int(s.int64(6));
        e.error = s.text(7);
        e.cause = s.text(8);
        e.rootCauseState = s.text(9);
        e.rootCausePath = s.text(10);
        e.input = s.bytes(11);
        e.output = s.bytes(12);
        e.definition = s.bytes(13);
        e.eventCount = int(s.int64(14));
        e.sourceFile = s.text(15);
        e.contentHash = s.bytes(16);
        Sql::Statement runs(d->db,
            "SELECT r.state, r.container_path, r.iteration, r.status, r.start_ms, r.duration_ms, r.attempts, r.error, "
            "c.content, i.content, o.content FROM state_runs r LEFT JOIN payloads c ON c.id = r.cause_id "
            "LEFT JOIN payloads i ON i.id = r.input_id LEFT JOIN payloads o ON o.id = r.output_id "
            "WHERE r.execution_id = ?1 ORDER BY r.seq");
        runs.bind(1, id);
        while (runs.step()) {
            ArchivedStateRun run;
            run.state = runs.text(0);
            run.containerPath = runs.text(1);
            run.iteration = int(runs.int64Or(2, -1));
            run.status = runs.text(3);
            run.startMs = runs.int64Or(4, NoTime);
            run.durationMs = runs.int64Or(5, -1);
            run.attempts = int(runs.int64(6));
            run.error = runs.text(7);
            run.cause = runs.text(8);
            run.input = runs.bytes(9);
            run.output = runs.bytes(10);
            e.runs.append(std::move(run));
        }
        return e;
    } catch (const Sql::Error& e) {
        throw ArchiveError(e.what());
    }
}

std::optional<qint64> Archive::findExecution(const QString& key)
{
    if (!isOpen())
        throw ArchiveError("the archive is not open");
    try {
        bool isNumber = false;
        const qint64 number = key.toLongLong(&isNumber);
        if (isNumber && summary(number))
            return number;
        // Unique matches only: a name shared by two executions is ambiguous.
        for (const char* column : { "identity", "arn", "name", "source_file" }) {
            Sql::Statement s(d->db, QByteArray("SELECT id FROM executions WHERE ") + column + " = ?1 LIMIT 2");
            s.bind(1, key);
            if (!s.step())
                continue;
            const qint64 id = s.int64(0);
            if (!s.step())
                return id;
        }
        return std::nullopt;
    } catch (const Sql::Error& e) {
        throw ArchiveError(e.what());
    }
}

QList<QPair<QString, qint64>> Archive::stateMachines()
{
    if (!isOpen())
        throw ArchiveError("the archive is not open");
    try {
        QList<QPair<QString, qint64>> list;
        Sql::Statement s(d->db, "SELECT ifnull(state_machine, ''), count(*) FROM executions GROUP BY 1 ORDER BY 2 DESC, 1");
        while (s.step())
            list.append({ s.text(0), s.int64(1) });
        return list;
    } catch (const Sql::Error& e) {
        throw ArchiveError(e.what());
    }
}

StateMachineStatistics Archive::statistics(const QString& stateMachine)
{
    if (!isOpen())
        throw ArchiveError("the archive is not open");
    try {
        StateMachineStatistics result;
        result.stateMachine = stateMachine;
        const bool all = stateMachine.isEmpty();
        const QByteArray filter = all ? QByteArray() : QByteArray(" WHERE e.state_machine = ?1");
        auto bindFilter = [&](Sql::Statement& s) {
            if (!all)
                s.bind(1, stateMachine);
        };
        {
            Sql::Statement s(d->db,
                "SELECT count(*), ifnull(sum(e.status IN " + QByteArray(FailedExecutionStatuses) + "), 0) FROM executions e"
                    + filter);
            bindFilter(s);
            if (s.step()) {
                result.executions = s.int64(0);
                result.failedExecutions = s.int64(1);
            }
        }
        // One pass over the state runs, aggregated here: GROUP BY with count(DISTINCT ...) plus separate passes for
        // errors and durations cost several times more, and QString conversions per row dominate otherwise.
        struct Accumulator {
            StateStatistics stats;
            qint64 lastExecution = -1;
            qint64 lastFailedExecution = -1;
            std::map<std::string, qint64, std::less<>> errors;
            QList<qint64> durations;
        };
        std::map<std::string, Accumulator, std::less<>> states;
        {
            Sql::Statement s(d->db,
                "SELECT r.state_id, r.state, r.execution_id, r.status IN " + QByteArray(FailedRunStatuses)
                    + ", r.duration_ms, r.error FROM executions e JOIN state_runs r ON r.execution_id = e.id" + filter
                    + " ORDER BY r.execution_id");
            bindFilter(s);
            while (s.step()) {
                const std::string_view stateId = s.view(0);
                auto it = states.find(stateId);
                if (it == states.end()) {
                    it = states.emplace(std::string(stateId), Accumulator()).first;
                    it->second.stats.stateId = QString::fromUtf8(stateId.data(), qsizetype(stateId.size()));
                    it->second.stats.state = s.text(1);
                }
                Accumulator& acc = it->second;
                const qint64 execution = s.int64(2);
                const bool failed = s.int64(3) != 0;
                ++acc.stats.runs;
                if (execution != acc.lastExecution) { // rows come in execution order
                    ++acc.stats.executions;
                    acc.lastExecution = execution;
                }
                if (failed) {
                    ++acc.stats.failedRuns;
                    if (execution != acc.lastFailedExecution) {
                        ++acc.stats.failedExecutions;
                        acc.lastFailedExecution = execution;
                    }
                }
                if (!s.isNull(4) && s.int64(4) >= 0)
                    acc.durations.append(s.int64(4));
                if (const std::string_view error = s.view(5); !error.empty()) {
                    auto e = acc.errors.find(error);
                    if (e == acc.errors.end())
                        acc.errors.emplace(std::string(error), 1);
                    else
                        ++e->second;
                }
            }
        }
        for (auto& [id, acc] : states) {
            StateStatistics& st = acc.stats;
            st.failureRate = st.executions ? double(st.failedExecutions) / double(st.executions) : 0.0;
            std::sort(acc.durations.begin(), acc.durations.end());
            st.p50Ms = percentile(acc.durations, 0.50);
            st.p95Ms = percentile(acc.durations, 0.95);
            std::vector<std::pair<std::string, qint64>> errors(acc.errors.begin(), acc.errors.end());
            std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
            for (size_t i = 0; i < errors.size() && i < 5; ++i)
                st.topErrors.append({ QString::fromStdString(errors[i].first), errors[i].second });
            result.states.append(std::move(st));
        }
        std::sort(result.states.begin(), result.states.end(), [](const StateStatistics& a, const StateStatistics& b) {
            if (a.failureRate != b.failureRate)
                return a.failureRate > b.failureRate;
            return a.stateId < b.stateId;
        });
        return result;
    } catch (const Sql::Error& e) {
        throw ArchiveError(e.what());
    }
}

} // namespace Stepscope
