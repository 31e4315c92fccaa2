#pragma once

#include "sqlite.h"

#include <QByteArray>
#include <QSet>

namespace Stepscope::ArchiveSchema {

/// Upgrades the archive from `fromVersion` to `toVersion`, one step at a time, inside the caller's transaction,
/// and sets PRAGMA user_version. Version 0 is an empty file. Steps are kept forever, so that an archive written by
/// any older build opens.
void migrate(Sql::Database& db, int fromVersion, int toVersion);

/// The full-text document of one execution: its parts joined by newlines, empty and repeated parts left out. The
/// importer and the migration that re-indexes old archives must build byte-identical text, because a contentless
/// FTS5 document is deleted by giving that text back: both use this.
class SearchText {
public:
    void append(const QByteArray& part)
    {
        if (part.isEmpty() || m_seen.contains(part))
            return;
        m_seen.insert(part);
        if (!m_text.isEmpty())
            m_text += '\n';
        m_text += part;
    }
    [[nodiscard]] const QByteArray& text() const { return m_text; }

private:
    QByteArray m_text;
    QSet<QByteArray> m_seen;
};

} // namespace Stepscope::ArchiveSchema
