#pragma once

#include "sqlite.h"

namespace Stepscope::ArchiveSchema {

/// Upgrades the archive from `fromVersion` to `toVersion`, one step at a time, inside the caller's transaction,
/// and sets PRAGMA user_version. Version 0 is an empty file. Steps are kept forever, so that an archive written by
/// any older build opens.
void migrate(Sql::Database& db, int fromVersion, int toVersion);

} // namespace Stepscope::ArchiveSchema
