#pragma once

#include "sqlite.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace Stepscope::Sql {

/// Copies a WAL database's log into the database file on a thread and connection of its own while one connection
/// (the writer) commits many small transactions, such as an import with one transaction per execution.
///
/// SQLite's automatic checkpoint runs inside the writer's commit: every few thousand frames the writer stops to
/// sync the log, copy its pages into the database and sync that (tens of milliseconds each time on an ordinary
/// disk). Here the writer's automatic checkpoint is off; its commits only wake this thread, which runs PASSIVE
/// checkpoints (they never block the writer). Durability is unchanged: the same syncs happen, on another thread.
///
/// A passive checkpoint cannot restart the log while the writer keeps appending, so the log would grow without
/// end. When it passes `restartFrames`, the writer waits after its commit for one pass that catches up with
/// everything committed; its next transaction then starts the log from the beginning again (SQLite restarts a log
/// whose every frame is in the database when no reader still needs it).
class BackgroundCheckpointer {
public:
    struct Limits {
        int passFrames = 2000; ///< frames committed since the last pass that start another one
        int restartFrames = 40000; ///< log size (frames) at which the writer waits for the log to catch up
    };

    /// Takes over `writer`'s WAL hook and opens a second connection to `path`. Throws Error when that fails.
    BackgroundCheckpointer(Database& writer, const QString& path, Limits limits);
    BackgroundCheckpointer(Database& writer, const QString& path)
        : BackgroundCheckpointer(writer, path, Limits {})
    {
    }
    /// Stops the thread (after its running pass) and gives the writer its automatic checkpoint back.
    ~BackgroundCheckpointer();
    BackgroundCheckpointer(const BackgroundCheckpointer&) = delete;
    BackgroundCheckpointer& operator=(const BackgroundCheckpointer&) = delete;

    /// Passes completed so far and times the writer waited for the log to catch up (for tests).
    [[nodiscard]] int passes() const;
    [[nodiscard]] int waits() const;

private:
    static int walHook(void* self, sqlite3* db, const char* name, int frames);
    void committed(int frames);
    void run();

    Database& m_writer;
    Database m_connection;
    const Limits m_limits;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_passDone;
    int m_requested = 0; // passes asked for
    int m_completed = 0; // passes done
    int m_waits = 0; // times the writer waited for a catch-up pass
    int m_framesAtRequest = 0; // the log size when the last pass was asked for
    int m_lastFrames = 0;
    int m_restartAt; // the log size at which the writer waits next
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace Stepscope::Sql
