#include "importer.h"

#include "archive.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QThread>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace Stepscope {

namespace {

struct ReadFile {
    QString file;
    QList<ArchivedExecution> executions;
    QString error;
};

// Parsed files waiting for the writer; bounded so that readers cannot run far ahead and fill memory.
class ReadQueue {
public:
    explicit ReadQueue(size_t capacity)
        : m_capacity(capacity)
    {
    }

    void push(ReadFile item)
    {
        std::vector<ReadFile> done;
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_items.size() < m_capacity || m_closed; });
        m_items.push_back(std::move(item));
        m_notEmpty.notify_one();
        done.swap(m_done);
        lock.unlock();
        // `done` is destroyed here, on a reader's thread.
    }

    /// Hands an imported file back: its executions (thousands of strings) are freed by a reader, not the writer.
    void recycle(ReadFile&& item)
    {
        std::lock_guard lock(m_mutex);
        if (!m_closed)
            m_done.push_back(std::move(item));
    }

    /// False when every producer is done and nothing is left.
    bool pop(ReadFile& item)
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return !m_items.empty() || m_producers == 0; });
        if (m_items.empty())
            return false;
        item = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return true;
    }

    void setProducers(int count) { m_producers = count; }

    void producerDone()
    {
        std::lock_guard lock(m_mutex);
        --m_producers;
        m_notEmpty.notify_all();
    }

    /// Unblocks producers for good (the writer stopped).
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_items.clear();
        m_done.clear();
        m_notFull.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::deque<ReadFile> m_items;
    std::vector<ReadFile> m_done; // imported, waiting to be freed by a reader
    size_t m_capacity;
    int m_producers = 0;
    bool m_closed = false;
};

} // namespace

QStringList collectImportFiles(const QStringList& paths, QList<ImportFailure>* failures)
{
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, { QStringLiteral("*.json"), QStringLiteral("*.jsonl"), QStringLiteral("*.ndjson"),
                                      QStringLiteral("*.log") },
                QDir::Files | QDir::Readable, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext())
                found.append(it.next());
            found.sort();
            files += found;
        } else if (info.exists()) {
            files.append(path);
        } else if (failures) {
            failures->append({ path, QStringLiteral("no such file or folder") });
        }
    }
    return files;
}

ImportSummary importFiles(Archive& archive, const QStringList& files, const ExecutionFileReader& reader,
    const ImportOptions& options, const std::function<void(const ImportProgress&)>& progress,
    const std::atomic<bool>* cancel)
{
    ImportSummary summary;
    int threads = options.readerThreads;
    if (threads <= 0)
        threads = std::clamp(QThread::idealThreadCount() - 1, 1, 4);
    threads = std::min<int>(threads, std::max<qsizetype>(files.size(), 1));

    ReadQueue queue(size_t(threads) * 16);
    queue.setProducers(threads);
    std::atomic<qsizetype> next { 0 };
    std::atomic<bool> stop { false };
    auto cancelled = [&] { return stop.load() || (cancel && cancel->load()); };
    std::vector<std::thread> readers;
    readers.reserve(size_t(threads));
    for (int t = 0; t < threads; ++t) {
        readers.emplace_back([&] {
            for (;;) {
                const qsizetype index = next++;
                if (index >= files.size() || cancelled())
                    break;
                ReadFile item;
                item.file = files.at(index);
                try {
                    item.executions = reader(item.file, &item.error);
                } catch (const std::exception& e) {
                    item.executions.clear();
                    item.error = QString::fromUtf8(e.what());
                }
                if (item.executions.isEmpty() && item.error.isEmpty())
                    item.error = QStringLiteral("no execution in the file");
                queue.push(std::move(item));
            }
            queue.producerDone();
        });
    }

    ImportProgress state;
    state.filesTotal = int(files.size());
    ReadFile item;
    while (queue.pop(item)) {
        if (cancel && cancel->load()) {
            summary.cancelled = true;
            stop = true;
            queue.close();
            break;
        }
        ++summary.files;
        if (!item.error.isEmpty()) {
            summary.failures.append({ item.file, item.error });
        } else {
            QString failure;
            for (ArchivedExecution& execution : item.executions) {
                // A log export can hold thousands of executions: cancel stops between them too.
                if (cancel && cancel->load()) {
                    summary.cancelled = true;
                    break;
                }
                ++summary.executions;
                if (execution.stateMachine.isEmpty())
                    execution.stateMachine = options.stateMachine;
                if (execution.definition.isEmpty())
                    execution.definition = options.definition;
                try {
                    switch (archive.importExecution(execution)) {
                    case Archive::ImportOutcome::Imported:
                        ++summary.imported;
                        break;
                    case Archive::ImportOutcome::AlreadyPresent:
                        ++summary.alreadyPresent;
                        break;
                    case Archive::ImportOutcome::Replaced:
                        ++summary.replaced;
                        break;
                    }
                } catch (const ArchiveError& e) {
                    failure = QStringLiteral("cannot store execution %1: %2")
                                  .arg(execution.name.isEmpty() ? execution.identity() : execution.name,
                                      QString::fromUtf8(e.what()));
                }
            }
            if (!failure.isEmpty())
                summary.failures.append({ item.file, failure });
        }
        if (progress) {
            state.filesDone = summary.files;
            state.imported = summary.imported + summary.replaced;
            state.alreadyPresent = summary.alreadyPresent;
            state.failedFiles = int(summary.failures.size());
            state.lastFile = item.file;
            progress(state);
        }
        queue.recycle(std::move(item));
    }
    if (cancel && cancel->load())
        summary.cancelled = true;
    stop = true;
    queue.close();
    for (std::thread& t : readers)
        t.join();
    return summary;
}

} // namespace Stepscope
