#include "archiveschema.h"

#include <QByteArray>
#include <QList>
#include <QSet>
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

// Every column of every row, in order: the order of the columns and rows is the order of the document's parts.
void appendRows(SearchText& text, Sql::Statement& rows)
{
    while (rows.step()) {
        for (int column = 0; column < rows.columnCount(); ++column)
            text.append(rows.bytes(column));
    }
}

// The search text of one execution already in the archive, for the FTS back-fill of older archives. It must be the
// text Archive::importExecution indexes (same parts, same order, same de-duplication): a contentless FTS5 document
// is deleted by giving that text back.
QByteArray storedSearchText(Sql::Database& db, qint64 id)
{
    SearchText text;
    Sql::Statement head(db, "SELECT e.name, e.error, e.cause, i.content, o.content FROM executions e "
                            "LEFT JOIN payloads i ON i.id = e.input_id LEFT JOIN payloads o ON o.id = e.output_id "
                            "WHERE e.id = ?1");
    head.bind(1, id);
    appendRows(text, head); // one row at most: e.id is the key
    Sql::Statement runs(db, "SELECT r.state, r.error, c.content, i.content, o.content FROM state_runs r "
                            "LEFT JOIN payloads c ON c.id = r.cause_id LEFT JOIN payloads i ON i.id = r.input_id "
                            "LEFT JOIN payloads o ON o.id = r.output_id WHERE r.execution_id = ?1 ORDER BY r.seq");
    runs.bind(1, id);
    appendRows(text, runs);
    return text.text();
}

// Version 2: search. Indexes for the filters and statistics, and the full-text index: one document per execution
// (so that all the words of a query may sit in different payloads of the same execution). Contentless (the texts
// are in payloads already) and without column sizes (no ranking): fewer pages written per imported execution.
// Filters on state names and state errors probe state_runs through its execution index instead of having their
// own indexes: those would dirty one page per distinct state on every import.
void toVersion2(Sql::Database& db)
{
    db.exec(R"sql(
CREATE INDEX executions_start ON executions(start_ms);
CREATE INDEX executions_state_machine ON executions(state_machine, start_ms);
CREATE INDEX executions_error ON executions(error) WHERE error IS NOT NULL;
CREATE VIRTUAL TABLE execution_text USING fts5(body, content = '', columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2');
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
