#include "archiveschema.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <iterator>

namespace Stepscope::ArchiveSchema {

namespace {

// Version 1: executions, their state runs, payloads stored once, definitions by content hash.
void toVersion1(Sql::Database& db)
{
    db.exec(R"sql(
CREATE TABLE definitions(
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    content TEXT NOT NULL);
CREATE TABLE payloads(
    id INTEGER PRIMARY KEY,
    hash INTEGER NOT NULL,
    content TEXT NOT NULL);
CREATE INDEX payloads_hash ON payloads(hash);
CREATE TABLE executions(
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    arn TEXT,
    name TEXT,
    state_machine TEXT,
    status TEXT NOT NULL,
    start_ms INTEGER,
    stop_ms INTEGER,
    duration_ms INTEGER,
    redrive_count INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    cause TEXT,
    root_state TEXT,
    root_path TEXT,
    input_id INTEGER REFERENCES payloads(id),
    output_id INTEGER REFERENCES payloads(id),
    definition_id INTEGER REFERENCES definitions(id),
    event_count INTEGER NOT NULL DEFAULT 0,
    run_count INTEGER NOT NULL DEFAULT 0,
    source_file TEXT,
    imported_ms INTEGER NOT NULL);
CREATE TABLE state_runs(
    id INTEGER PRIMARY KEY,
    execution_id INTEGER NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    state_id TEXT NOT NULL,
    container_path TEXT,
    iteration INTEGER,
    status TEXT NOT NULL,
    start_ms INTEGER,
    duration_ms INTEGER,
    attempts INTEGER NOT NULL DEFAULT 1,
    error TEXT,
    cause_id INTEGER REFERENCES payloads(id),
    input_id INTEGER REFERENCES payloads(id),
    output_id INTEGER REFERENCES payloads(id));
CREATE INDEX state_runs_execution ON state_runs(execution_id, seq);
)sql");
}

// The search text of one execution already in the archive (for the FTS back-fill of older archives).
QByteArray storedSearchText(Sql::Database& db, qint64 id)
{
    QByteArray text;
    auto append = [&text](const QByteArray& part) {
        if (part.isEmpty())
            return;
        if (!text.isEmpty())
            text += '\n';
        text += part;
    };
    Sql::Statement head(db, "SELECT name, error, cause FROM executions WHERE id = ?1");
    head.bind(1, id);
    if (head.step()) {
        append(head.bytes(0));
        append(head.bytes(1));
        append(head.bytes(2));
    }
    Sql::Statement runs(db, "SELECT DISTINCT state FROM state_runs WHERE execution_id = ?1 UNION "
                            "SELECT DISTINCT error FROM state_runs WHERE execution_id = ?1 AND error IS NOT NULL");
    runs.bind(1, id);
    while (runs.step())
        append(runs.bytes(0));
    Sql::Statement payloads(db, R"sql(
SELECT content FROM payloads WHERE id IN (
    SELECT input_id FROM state_runs WHERE execution_id = ?1 UNION SELECT output_id FROM state_runs WHERE execution_id = ?1
    UNION SELECT cause_id FROM state_runs WHERE execution_id = ?1
    UNION SELECT input_id FROM executions WHERE id = ?1 UNION SELECT output_id FROM executions WHERE id = ?1))sql");
    payloads.bind(1, id);
    while (payloads.step())
        append(payloads.bytes(0));
    return text;
}

// Version 2: search. Indexes for the filters and statistics, and the full-text index: one document per execution
// (so that all the words of a query may sit in different payloads of the same execution).
void toVersion2(Sql::Database& db)
{
    db.exec(R"sql(
CREATE INDEX executions_start ON executions(start_ms);
CREATE INDEX executions_state_machine ON executions(state_machine, start_ms);
CREATE INDEX executions_status ON executions(status, start_ms);
CREATE INDEX executions_error ON executions(error) WHERE error IS NOT NULL;
CREATE INDEX state_runs_state_id ON state_runs(state_id, execution_id);
CREATE INDEX state_runs_state ON state_runs(state, execution_id);
CREATE INDEX state_runs_error ON state_runs(error, execution_id) WHERE error IS NOT NULL;
CREATE VIRTUAL TABLE execution_text USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
)sql");
    QList<qint64> ids;
    {
        Sql::Statement all(db, "SELECT id FROM executions");
        while (all.step())
            ids.append(all.int64(0));
    }
    Sql::Statement insert(db, "INSERT INTO execution_text(rowid, body) VALUES (?1, ?2)");
    for (const qint64 id : ids)
        insert.bind(1, id).bind(2, storedSearchText(db, id)).run();
}

} // namespace

void migrate(Sql::Database& db, int fromVersion, int toVersion)
{
    using Step = void (*)(Sql::Database&);
    static constexpr Step steps[] = { toVersion1, toVersion2 };
    if (fromVersion < 0 || toVersion > int(std::size(steps)))
        throw Sql::Error(1, QStringLiteral("no migration from schema version %1 to %2").arg(fromVersion).arg(toVersion));
    for (int version = fromVersion; version < toVersion; ++version) {
        steps[version](db);
        // PRAGMA takes no bound parameters; the value is our own integer.
        db.exec(QByteArray("PRAGMA user_version = " + QByteArray::number(version + 1)).constData());
    }
}

} // namespace Stepscope::ArchiveSchema
