#pragma once

#include "archivetypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Stepscope {

class Archive;

struct ImportFailure {
    QString file;
    QString reason;
};

struct ImportProgress {
    int filesDone = 0;
    int filesTotal = 0;
    int imported = 0;
    int alreadyPresent = 0;
    int failedFiles = 0;
    QString lastFile;
};

struct ImportSummary {
    int files = 0; ///< files attempted
    int executions = 0; ///< executions read from them
    int imported = 0; ///< new in the archive
    int alreadyPresent = 0; ///< identical content was there already
    int replaced = 0; ///< the same ARN with other content (a longer or redriven history) replaced the old one
    QList<ImportFailure> failures; ///< files that could not be read or stored, with the reason
    bool cancelled = false;
};

struct ImportOptions {
    QString stateMachine; ///< given to executions whose source does not name their state machine
    QByteArray definition; ///< definition text linked to every imported execution (by content hash)
    int readerThreads = 0; ///< 0: one per core but one, at least one, at most 4
};

/// Reads one file into its executions (several for a log export); empty with `error` set when it cannot.
using ExecutionFileReader = std::function<QList<ArchivedExecution>(const QString& file, QString* error)>;

/// The files to import: files as given, folders walked recursively for *.json, *.jsonl, *.ndjson, *.log (sorted).
/// Paths that do not exist are reported in `failures`.
[[nodiscard]] QStringList collectImportFiles(const QStringList& paths, QList<ImportFailure>* failures);

/// Imports `files`: reader threads parse while this thread writes, one transaction per execution, so a crash or a
/// kill loses at most the execution being written. A file that fails never stops the rest. `progress` is called on
/// this thread after each file; `cancel` stops between executions (what was committed stays).
ImportSummary importFiles(Archive& archive, const QStringList& files, const ExecutionFileReader& reader,
    const ImportOptions& options = {}, const std::function<void(const ImportProgress&)>& progress = {},
    const std::atomic<bool>* cancel = nullptr);

/// The default reader: every history format model/history reads (get-execution-history, describe-execution,
/// start-sync-execution, CloudWatch log events and exports); a log export gives one execution per execution ARN.
[[nodiscard]] QList<ArchivedExecution> readExecutionsFromFile(const QString& file, QString* error);

} // namespace Stepscope
