#pragma once

#include "archivetypes.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace Stepscope {

/// The execution archive: one SQLite file (WAL, foreign keys, versioned schema) holding imported executions.
/// One Archive object is one connection: use it from one thread at a time; other threads or processes open their
/// own. Every method that touches the file reports failures by throwing ArchiveError (open() returns false).
class Archive {
public:
    /// Schema versions this build knows; opening upgrades older archives step by step.
    static constexpr int SchemaVersion = 2;
    /// PRAGMA application_id of Stepscope archives ("STPS").
    static constexpr int ApplicationId = 0x53545053;

    enum class Access { ReadOnly, ReadWrite };
    enum class ImportOutcome { Imported, AlreadyPresent, Replaced };

    Archive();
    ~Archive();
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    /// "<application data folder>/archive.sqlite" (QStandardPaths::AppDataLocation).
    [[nodiscard]] static QString defaultPath();

    /// Opens `path`, creating the archive when the file is missing or empty (ReadWrite only). A file that is not a
    /// Stepscope archive, or an archive with a newer schema, is refused with a clear errorString() and is never
    /// written to: it is inspected read-only first.
    bool open(const QString& path, Access access = Access::ReadWrite);
    void close();
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const;

    /// Stores one execution in one transaction. Identity is the ARN when known, else the content hash: the same
    /// content twice is AlreadyPresent; the same ARN with other content (a later, longer history) is Replaced.
    ImportOutcome importExecution(const ArchivedExecution& execution);

    /// Matching executions, newest first, with the total count of all matches (for paging: offset / limit).
    [[nodiscard]] SearchResult search(const SearchQuery& query);
    [[nodiscard]] qint64 count(const SearchQuery& query);
    [[nodiscard]] qint64 executionCount();

    /// The execution with its state runs and payloads; nullopt when there is none with that id.
    [[nodiscard]] std::optional<ArchivedExecution> loadExecution(qint64 id);
    [[nodiscard]] std::optional<ExecutionSummary> summary(qint64 id);
    /// Finds an execution by archive id, ARN, identity ("blake2b:..."), unique name or unique source file.
    [[nodiscard]] std::optional<qint64> findExecution(const QString& key);

    /// Names of the state machines in the archive, with their execution counts.
    [[nodiscard]] QList<QPair<QString, qint64>> stateMachines();
    /// Per-state figures for one state machine (every execution when stateMachine is empty).
    [[nodiscard]] StateMachineStatistics statistics(const QString& stateMachine);

    /// The SQL text search() runs for `query` (tests check that user text never reaches it).
    [[nodiscard]] static QByteArray searchSql(const SearchQuery& query, bool countOnly);

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString m_error;
    QString m_path;
};

/// Raised by Archive methods when SQLite fails (busy beyond the timeout, disk full, corrupt file).
class ArchiveError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// FTS5 query text for user words: each word becomes a quoted string (a trailing * keeps prefix search), so that
/// no user text is read as FTS syntax. Empty when no word holds a letter or digit.
[[nodiscard]] QString ftsQueryFromWords(const QString& words);

} // namespace Stepscope
