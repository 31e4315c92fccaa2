#include "backgroundcheckpointer.h"

#include <sqlite3.h>

namespace Stepscope::Sql {

BackgroundCheckpointer::BackgroundCheckpointer(Database& writer, const QString& path, Limits limits)
    : m_writer(writer)
    , m_limits(limits)
    , m_restartAt(limits.restartFrames)
{
    m_connection.open(path, Database::Mode::ReadWrite);
    // Checkpoints sync the log before copying it and the database after: the writer's durability, kept.
    m_connection.exec("PRAGMA synchronous = NORMAL");
    m_thread = std::thread([this] { run(); });
    sqlite3_wal_hook(m_writer.handle(), &BackgroundCheckpointer::walHook, this); // replaces the automatic checkpoint
}

BackgroundCheckpointer::~BackgroundCheckpointer()
{
    if (m_writer.isOpen())
        sqlite3_wal_autocheckpoint(m_writer.handle(), 1000); // SQLite's default; takes the hook back
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

int BackgroundCheckpointer::passes() const
{
    const std::lock_guard lock(m_mutex);
    return m_completed;
}

int BackgroundCheckpointer::waits() const
{
    const std::lock_guard lock(m_mutex);
    return m_waits;
}

int BackgroundCheckpointer::walHook(void* self, sqlite3*, const char*, int frames)
{
    static_cast<BackgroundCheckpointer*>(self)->committed(frames);
    return SQLITE_OK;
}

// On the writer's thread, after each commit (its locks are released by then); `frames` is the log's size.
void BackgroundCheckpointer::committed(int frames)
{
    std::unique_lock lock(m_mutex);
    if (frames < m_lastFrames) { // the log started again from the beginning
        m_framesAtRequest = 0;
        m_restartAt = m_limits.restartFrames;
    }
    m_lastFrames = frames;
    if (frames >= m_restartAt) {
        // A pass that starts after this commit copies everything; the writer's next transaction restarts the log.
        // Should a reader (another process) keep the log from restarting, wait again only after it grew further.
        m_restartAt = frames + m_limits.restartFrames / 4;
        const int pass = ++m_requested;
        m_framesAtRequest = frames;
        ++m_waits;
        m_wake.notify_one();
        m_passDone.wait(lock, [&] { return m_completed >= pass || m_stop; });
        return;
    }
    if (frames - m_framesAtRequest >= m_limits.passFrames) {
        ++m_requested; // a running pass is followed by one more, which covers this commit
        m_framesAtRequest = frames;
        m_wake.notify_one();
    }
}

void BackgroundCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [&] { return m_stop || m_requested > m_completed; });
        if (m_stop)
            break;
        const int pass = m_requested;
        lock.unlock();
        // PASSIVE never waits for the writer. SQLITE_BUSY (another process checkpointing) only means that
        // process copies the log instead; an I/O error here leaves the log to the writer's close.
        sqlite3_wal_checkpoint_v2(m_connection.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
        m_completed = pass;
        m_passDone.notify_all();
    }
    m_passDone.notify_all();
}

} // namespace Stepscope::Sql
