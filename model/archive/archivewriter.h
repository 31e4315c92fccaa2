#pragma once

#include "archivetypes.h"
#include "backgroundcheckpointer.h"
#include "sqlite.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace Stepscope {

/// The write side of Archive::importExecution: the statements every import reuses and what one connection keeps
/// between the executions of an import session (payloads and the last definition already stored). The caller owns
/// the transaction; each step here writes inside it.
class ArchiveWriter {
public:
    /// Prepares the statements on `db` and starts checkpointing `path`'s log on a thread of its own.
    ArchiveWriter(Sql::Database& db, const QString& path);
    ~ArchiveWriter();
    ArchiveWriter(const ArchiveWriter&) = delete;
    ArchiveWriter& operator=(const ArchiveWriter&) = delete;

    struct Stored {
        qint64 id = 0;
        QByteArray contentHash;
    };
    /// The stored execution with this identity, if any.
    [[nodiscard]] std::optional<Stored> find(const QString& identity);
    /// Deletes an execution (its state runs go with it) and its full-text document, which `old` (the execution as
    /// loaded back) rebuilds: a contentless FTS5 document is deleted by giving back the text it was indexed with.
    void remove(qint64 id, const std::optional<ArchivedExecution>& old);
    /// Stores the execution, its payloads, its definition, state runs and full-text document; returns its row id.
    qint64 insert(const ArchivedExecution& execution, const QString& identity, const QByteArray& contentHash);

    /// The caller's transaction committed, or rolled back: payloads stored by it become reusable, or are forgotten.
    void committed();
    void rolledBack() { m_pendingPayloads.clear(); }

private:
    qint64 payloadId(const QByteArray& content);
    qint64 definitionId(const QByteArray& content);

    Sql::Database& m_db;
    Sql::Statement m_findIdentity, m_deleteExecution, m_deleteText, m_insertPayload, m_findDefinition,
        m_insertDefinition, m_insertExecution, m_insertRun, m_insertText;
    // Payloads stored by this connection, for de-duplication across the executions of one import session without a
    // hash index (an index on a hash dirties a random page per payload on every import). Entries of the open
    // transaction are kept apart until it commits.
    QHash<QByteArray, qint64> m_storedPayloads;
    QHash<QByteArray, qint64> m_pendingPayloads;
    qsizetype m_storedPayloadBytes = 0;
    QByteArray m_lastDefinition;
    qint64 m_lastDefinitionId = 0;
    std::unique_ptr<Sql::BackgroundCheckpointer> m_checkpointer;
};

} // namespace Stepscope
