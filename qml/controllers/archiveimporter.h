#pragma once

#include "archive/importer.h"
#include "controllers/archivesession.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace Stepscope {


/// File › Import executions…: runs the Importer off the UI thread with progress and Cancel. Cancel stops between
/// files (every execution already written stays committed); the summary tells what was imported, what was already
/// there and what failed, with the reasons.
class ArchiveImporter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Stepscope::ArchiveSession* archive READ archive WRITE setArchive NOTIFY archiveChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(bool cancelling READ cancelling NOTIFY runningChanged)
    Q_PROPERTY(int filesDone READ filesDone NOTIFY progressChanged)
    Q_PROPERTY(int filesTotal READ filesTotal NOTIFY progressChanged)
    Q_PROPERTY(int imported READ imported NOTIFY progressChanged)
    Q_PROPERTY(int alreadyPresent READ alreadyPresent NOTIFY progressChanged)
    Q_PROPERTY(int failed READ failed NOTIFY progressChanged)
    Q_PROPERTY(QString currentFile READ currentFile NOTIFY progressChanged)
    Q_PROPERTY(bool finishedOnce READ finishedOnce NOTIFY finished)
    Q_PROPERTY(bool cancelled READ cancelled NOTIFY finished)
    Q_PROPERTY(QString summary READ summary NOTIFY finished)
    Q_PROPERTY(QVariantList failures READ failures NOTIFY finished) ///< [{file, reason}]
public:
    explicit ArchiveImporter(QObject* parent = nullptr);
    ~ArchiveImporter() override;

    [[nodiscard]] ArchiveSession* archive() const { return m_archive; }
    void setArchive(ArchiveSession* archive);

    /// Imports files and folders (folders recursively: *.json, *.jsonl, *.ndjson, *.log) into the session's archive.
    Q_INVOKABLE bool start(const QList<QUrl>& urls);
    Q_INVOKABLE bool startPaths(const QStringList& paths);
    Q_INVOKABLE void cancel();

    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] bool cancelling() const { return m_running && m_cancel && m_cancel->load(); }
    [[nodiscard]] int filesDone() const { return m_progress.filesDone; }
    [[nodiscard]] int filesTotal() const { return m_progress.filesTotal; }
    [[nodiscard]] int imported() const { return m_progress.imported; }
    [[nodiscard]] int alreadyPresent() const { return m_progress.alreadyPresent; }
    [[nodiscard]] int failed() const { return m_progress.failedFiles; }
    [[nodiscard]] QString currentFile() const { return m_progress.lastFile; }
    [[nodiscard]] bool finishedOnce() const { return m_finishedOnce; }
    [[nodiscard]] bool cancelled() const { return m_result.cancelled; }
    [[nodiscard]] QString summary() const { return m_summary; }
    [[nodiscard]] QVariantList failures() const;

Q_SIGNALS:
    void archiveChanged();
    void runningChanged();
    void progressChanged();
    void finished();

private:
    void done(const ImportSummary& summary);

    QPointer<ArchiveSession> m_archive;
    bool m_running = false;
    bool m_finishedOnce = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    ImportProgress m_progress;
    ImportSummary m_result;
    QString m_summary;
};

/// "12 imported, 3 already in the archive, 1 replaced, 2 failed" and, when cancelled, that it stopped early.
[[nodiscard]] QString importSummaryText(const ImportSummary& summary);

} // namespace Stepscope
