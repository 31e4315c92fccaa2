#include "archivewriter.h"

#include "archiveprivate.h"
#include "archiveschema.h"
#include "columnlist.h"
#include "executionidentity.h"

#include <QDateTime>

namespace Stepscope {

namespace {

// The columns an import writes; each list writes its INSERT and numbers its parameters.
constexpr Sql::ColumnList ExecutionRow { "identity", "content_hash", "arn", "name", "state_machine", "status",
    "start_ms", "stop_ms", "duration_ms", "redrive_count", "error", "cause", "root_state", "root_path", "input_id",
    "output_id", "definition_id", "event_count", "run_count", "source_file", "imported_ms" };
constexpr Sql::ColumnList RunRow { "execution_id", "seq", "state", "state_id", "container_path", "iteration", "status",
    "start_ms", "duration_ms", "attempts", "error", "cause_id", "input_id", "output_id" };

template <std::size_t N>
QByteArray insertSql(const char* table, const Sql::ColumnList<N>& row)
{
    return QByteArray("INSERT INTO ") + table + '(' + row.joined() + ") VALUES (" + row.placeholders() + ')';
}

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

// Empty texts are stored as NULL.
QString orNull(const QString& text) { return text.isEmpty() ? QString() : text; }

QString statusOrUnknown(const QString& status)
{
    return status.isEmpty() ? QStringLiteral("UNKNOWN") : upperStatus(status);
}

} // namespace

ArchiveWriter::ArchiveWriter(Sql::Database& db, const QString& path)
    : m_db(db)
    , m_findIdentity(db, "SELECT id, content_hash FROM executions WHERE identity = ?1")
    , m_deleteExecution(db, "DELETE FROM executions WHERE id = ?1")
    // Contentless FTS5: a document is deleted by giving back the text it was indexed with.
    , m_deleteText(db, "INSERT INTO execution_text(execution_text, rowid, body) VALUES ('delete', ?1, ?2)")
    , m_insertPayload(db, "INSERT INTO payloads(hash, content) VALUES (?1, ?2)")
    , m_findDefinition(db, "SELECT id FROM definitions WHERE hash = ?1")
    , m_insertDefinition(db, "INSERT INTO definitions(hash, content) VALUES (?1, ?2)")
    , m_insertExecution(db, insertSql("executions", ExecutionRow).constData())
    , m_insertRun(db, insertSql("state_runs", RunRow).constData())
    , m_insertText(db, "INSERT INTO execution_text(rowid, body) VALUES (?1, ?2)")
{
    // Each imported execution is its own transaction and writes a dozen pages to the log (the tables' and indexes'
    // last leaves, the FTS structure). Copying the log into the database and syncing both, done inside the
    // commits, stopped the import every few hundred executions; another thread does it.
    try {
        m_checkpointer = std::make_unique<Sql::BackgroundCheckpointer>(db, path);
    } catch (const Sql::Error&) {
        // No second connection (out of file handles, say): SQLite's own checkpoints, inside the commits.
    }
}

ArchiveWriter::~ArchiveWriter() = default;

std::optional<ArchiveWriter::Stored> ArchiveWriter::find(const QString& identity)
{
    constexpr Sql::ColumnList Columns { "id", "content_hash" }; // as m_findIdentity selects them
    std::optional<Stored> stored;
    m_findIdentity.bind(1, identity);
    if (m_findIdentity.step())
        stored = Stored { m_findIdentity.int64(Columns.at("id")), m_findIdentity.bytes(Columns.at("content_hash")) };
    m_findIdentity.reset();
    return stored;
}

void ArchiveWriter::remove(qint64 id, const std::optional<ArchivedExecution>& old)
{
    m_deleteText.bind(1, id).bind(2, old ? searchText(*old) : QByteArray()).run();
    m_deleteExecution.bind(1, id).run();
}

qint64 ArchiveWriter::insert(const ArchivedExecution& execution, const QString& identity, const QByteArray& contentHash)
{
    constexpr auto& c = ExecutionRow;
    m_pendingPayloads.clear();
    // Payloads and the definition first, in this order (their row ids follow it).
    const qint64 definition = definitionId(execution.definition);
    const qint64 input = payloadId(execution.input);
    const qint64 output = payloadId(execution.output);
    Sql::Statement& e = m_insertExecution;
    e.bind(c.parameter("identity"), identity);
    e.bind(c.parameter("content_hash"), contentHash);
    e.bind(c.parameter("arn"), isRealArn(execution.arn) ? execution.arn : QString());
    e.bind(c.parameter("name"), execution.name);
    e.bind(c.parameter("state_machine"), execution.stateMachine);
    e.bind(c.parameter("status"), statusOrUnknown(execution.status));
    e.bindOptional(c.parameter("start_ms"), execution.startMs, NoTime);
    e.bindOptional(c.parameter("stop_ms"), execution.stopMs, NoTime);
    e.bindOptional(c.parameter("duration_ms"), execution.durationMs(), -1);
    e.bind(c.parameter("redrive_count"), execution.redriveCount);
    e.bind(c.parameter("error"), orNull(execution.error));
    e.bind(c.parameter("cause"), orNull(execution.cause));
    e.bind(c.parameter("root_state"), orNull(execution.rootCauseState));
    e.bind(c.parameter("root_path"), orNull(execution.rootCausePath));
    e.bindOptional(c.parameter("input_id"), input, 0);
    e.bindOptional(c.parameter("output_id"), output, 0);
    e.bindOptional(c.parameter("definition_id"), definition, 0);
    e.bind(c.parameter("event_count"), execution.eventCount);
    e.bind(c.parameter("run_count"), int(execution.runs.size()));
    e.bind(c.parameter("source_file"), execution.sourceFile);
    e.bind(c.parameter("imported_ms"), QDateTime::currentMSecsSinceEpoch());
    e.run();
    const qint64 id = m_db.lastInsertRowId();

    constexpr auto& rc = RunRow;
    Sql::Statement& r = m_insertRun;
    for (qsizetype seq = 0; seq < execution.runs.size(); ++seq) {
        const ArchivedStateRun& run = execution.runs.at(seq);
        const qint64 cause = run.cause.isEmpty() ? 0 : payloadId(run.cause.toUtf8());
        const qint64 runInput = payloadId(run.input);
        const qint64 runOutput = payloadId(run.output);
        r.bind(rc.parameter("execution_id"), id);
        r.bind(rc.parameter("seq"), qint64(seq));
        r.bind(rc.parameter("state"), run.state);
        r.bind(rc.parameter("state_id"), run.stateId());
        r.bind(rc.parameter("container_path"), orNull(run.containerPath));
        r.bindOptional(rc.parameter("iteration"), run.iteration, -1);
        r.bind(rc.parameter("status"), statusOrUnknown(run.status));
        r.bindOptional(rc.parameter("start_ms"), run.startMs, NoTime);
        r.bindOptional(rc.parameter("duration_ms"), run.durationMs, -1);
        r.bind(rc.parameter("attempts"), run.attempts);
        r.bind(rc.parameter("error"), orNull(run.error));
        r.bindOptional(rc.parameter("cause_id"), cause, 0);
        r.bindOptional(rc.parameter("input_id"), runInput, 0);
        r.bindOptional(rc.parameter("output_id"), runOutput, 0);
        r.run();
    }
    m_insertText.bind(1, id).bind(2, searchText(execution)).run();
    return id;
}

// The id of a stored payload with this content, inserting it once; 0 for "no payload".
qint64 ArchiveWriter::payloadId(const QByteArray& content)
{
    if (content.isNull())
        return 0;
    if (const auto it = m_pendingPayloads.constFind(content); it != m_pendingPayloads.constEnd())
        return it.value();
    if (const auto it = m_storedPayloads.constFind(content); it != m_storedPayloads.constEnd())
        return it.value();
    m_insertPayload.bind(1, payloadHash(content)).bind(2, content).run();
    const qint64 id = m_db.lastInsertRowId();
    m_pendingPayloads.insert(content, id);
    return id;
}

void ArchiveWriter::committed()
{
    constexpr qsizetype MaxCachedBytes = 32 * 1024 * 1024;
    for (auto it = m_pendingPayloads.cbegin(); it != m_pendingPayloads.cend(); ++it) {
        if (m_storedPayloadBytes + it.key().size() > MaxCachedBytes) {
            m_storedPayloads.clear();
            m_storedPayloadBytes = 0;
        }
        m_storedPayloads.insert(it.key(), it.value());
        m_storedPayloadBytes += it.key().size();
    }
    m_pendingPayloads.clear();
}

qint64 ArchiveWriter::definitionId(const QByteArray& content)
{
    if (content.isEmpty())
        return 0;
    if (content == m_lastDefinition)
        return m_lastDefinitionId; // an import links one definition to many executions: hash it once
    const QByteArray hash = contentHashHex(content);
    qint64 id = 0;
    m_findDefinition.bind(1, hash);
    if (m_findDefinition.step())
        id = m_findDefinition.int64(0);
    m_findDefinition.reset();
    if (!id) {
        m_insertDefinition.bind(1, hash).bind(2, content).run();
        id = m_db.lastInsertRowId();
        return id; // not cached before the transaction commits
    }
    m_lastDefinition = content;
    m_lastDefinitionId = id;
    return id;
}

// Archive's own: the transaction around the writer's steps, and what happens to an identity already there.
Archive::ImportOutcome Archive::importExecution(const ArchivedExecution& execution)
{
    return d->run(Private::Need::Writing, [&] {
        if (!d->writer)
            d->writer = std::make_unique<ArchiveWriter>(d->db, m_path);
        ArchiveWriter& writer = *d->writer;
        try {
            const QString identity = execution.identity();
            const QByteArray contentHash
                = execution.contentHash.isEmpty() ? fallbackContentHash(execution) : execution.contentHash;
            Sql::Transaction transaction(d->db);
            ImportOutcome outcome = ImportOutcome::Imported;
            if (const std::optional<ArchiveWriter::Stored> existing = writer.find(identity)) {
                if (existing->contentHash == contentHash)
                    return ImportOutcome::AlreadyPresent; // the transaction rolls back: nothing was written
                // The same ARN with other content: a later (longer, redriven) history of the same execution.
                writer.remove(existing->id, loadExecution(existing->id));
                outcome = ImportOutcome::Replaced;
            }
            writer.insert(execution, identity, contentHash);
            transaction.commit();
            writer.committed();
            return outcome;
        } catch (const Sql::Error&) {
            writer.rolledBack();
            throw;
        }
    });
}

} // namespace Stepscope
