#include "controllers/archiveimporter.h"

#include "archive/archive.h"
#include "controllers/archivesession.h"
#include "support/futurewatch.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace Stepscope {

QString importSummaryText(const ImportSummary& s)
{
    QStringList parts;
    parts.append(QStringLiteral("%1 imported").arg(s.imported));
    parts.append(QStringLiteral("%1 already in the archive").arg(s.alreadyPresent));
    if (s.replaced > 0)
        parts.append(QStringLiteral("%1 replaced by a longer history").arg(s.replaced));
    parts.append(QStringLiteral("%1 failed").arg(s.failures.size()));
    QString text = parts.join(QStringLiteral(", "));
    if (s.cancelled)
        text = QStringLiteral("Cancelled after %1 of the files: ").arg(s.files) + text
            + QStringLiteral(" (what was imported stays in the archive)");
    return text + u'.';
}

ArchiveImporter::ArchiveImporter(QObject* parent)
    : QObject(parent)
{
}

ArchiveImporter::~ArchiveImporter()
{
    // The import writes through its own connection: stop it between files and let it commit before the window goes.
    if (m_cancel)
        m_cancel->store(true);
}

void ArchiveImporter::setArchive(ArchiveSession* archive)
{
    if (m_archive == archive)
        return;
    m_archive = archive;
    Q_EMIT archiveChanged();
}

bool ArchiveImporter::start(const QList<QUrl>& urls)
{
    QStringList paths;
    for (const QUrl& url : urls)
        paths.append(url.isLocalFile() ? url.toLocalFile() : url.toString());
    return startPaths(paths);
}

bool ArchiveImporter::startPaths(const QStringList& paths)
{
    if (m_running || !m_archive || paths.isEmpty())
        return false;
    m_running = true;
    m_progress = {};
    m_result = {};
    m_summary.clear();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const QString db = m_archive->path();
    auto cancel = m_cancel;
    QPointer<ArchiveImporter> self(this);
    // Progress comes from the worker after each file: hand it to the UI thread by a queued call.
    auto progress = [self](const ImportProgress& p) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, p] {
                if (!self || !self->m_running)
                    return;
                self->m_progress = p;
                Q_EMIT self->progressChanged();
            },
            Qt::QueuedConnection);
    };
    whenFinished(this,
        QtConcurrent::run([paths, db, cancel, progress] {
            ImportSummary summary;
            QList<ImportFailure> missing;
            const QStringList files = collectImportFiles(paths, &missing);
            QDir().mkpath(QFileInfo(db).absolutePath());
            Archive archive;
            if (!archive.open(db, Archive::Access::ReadWrite)) {
                summary.failures.append({ db, archive.errorString() });
                return summary;
            }
            try {
                summary = importFiles(archive, files, readExecutionsFromFile, {}, progress, cancel.get());
            } catch (const ArchiveError& e) {
                summary.failures.append({ db, QString::fromUtf8(e.what()) });
            }
            summary.failures = missing + summary.failures;
            return summary;
        }),
        [this](const ImportSummary& summary) { done(summary); });
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    return true;
}

void ArchiveImporter::cancel()
{
    if (!m_running || !m_cancel)
        return;
    m_cancel->store(true);
    Q_EMIT runningChanged();
}

void ArchiveImporter::done(const ImportSummary& summary)
{
    m_result = summary;
    m_running = false;
    m_finishedOnce = true;
    m_progress.imported = summary.imported;
    m_progress.alreadyPresent = summary.alreadyPresent;
    m_progress.failedFiles = int(summary.failures.size());
    m_progress.filesDone = summary.files;
    m_summary = importSummaryText(summary);
    if (m_archive)
        m_archive->contentChanged();
    Q_EMIT progressChanged();
    Q_EMIT runningChanged();
    Q_EMIT finished();
}

QVariantList ArchiveImporter::failures() const
{
    QVariantList list;
    for (const ImportFailure& f : m_result.failures)
        list.append(QVariantMap { { QStringLiteral("file"), f.file }, { QStringLiteral("reason"), f.reason } });
    return list;
}

} // namespace Stepscope
