#pragma once

#include "archive.h"
#include "archivewriter.h"
#include "sqlite.h"

#include <memory>

// Shared by the files that implement Archive (archive.cpp, archivewriter.cpp, archivequeries.cpp,
// archivestatistics.cpp); not part of the model's API.
namespace Stepscope {

struct Archive::Private {
    Sql::Database db;
    bool readOnly = false;
    int version = 0;
    std::unique_ptr<ArchiveWriter> writer; // made by the first import, dropped by close()

    enum class Need { Reading, Writing };

    /// Runs `work` on the open connection, with SQLite's failures raised as ArchiveError (what archive.h promises
    /// of every method that touches the file). Calls nest: an ArchiveError passes through unchanged.
    template <typename Work>
    decltype(auto) run(Need need, Work&& work)
    {
        if (need == Need::Writing && (!db.isOpen() || readOnly))
            throw ArchiveError("the archive is not open for writing");
        if (!db.isOpen())
            throw ArchiveError("the archive is not open");
        try {
            return work();
        } catch (const Sql::Error& e) {
            throw ArchiveError(e.what());
        }
    }
};

/// A status as the archive stores and filters it: "timed out", "Timed-Out" → "TIMED_OUT".
[[nodiscard]] inline QString upperStatus(const QString& status)
{
    return status.trimmed().toUpper().replace(u' ', u'_').replace(u'-', u'_');
}

} // namespace Stepscope
