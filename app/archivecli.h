#pragma once

#include "archive/archivetypes.h"

#include <QString>

#include <nlohmann/json.hpp>

// Helpers shared by the archive commands (import, search, stats, compare).
namespace Stepscope::Cli {

/// Epoch milliseconds from "2024-11-18", "2024-11-18T14:06:54Z", "2024-11-18T14:06:54+01:00" (no zone: UTC), epoch
/// seconds or milliseconds, or a time before now ("30m", "24h", "7d"); NoTime when it is none of those.
[[nodiscard]] qint64 parseTimeArgument(const QString& text);
/// ISO 8601 UTC with milliseconds, or "" for NoTime.
[[nodiscard]] QString formatTime(qint64 ms);
[[nodiscard]] nlohmann::ordered_json summaryJson(const ExecutionSummary& summary);
/// nlohmann's dump, invalid UTF-8 replaced.
[[nodiscard]] QString dumpJson(const nlohmann::ordered_json& json);
[[nodiscard]] std::string utf8(const QString& text);
/// A JSON array of the lines' text.
[[nodiscard]] nlohmann::ordered_json jsonLines(const QStringList& lines);
/// Milliseconds as JSON, null when negative (unknown).
[[nodiscard]] nlohmann::ordered_json optionalMs(qint64 ms);
/// durationText(), or "-" when negative (unknown).
[[nodiscard]] QString durationOrDash(qint64 ms);
/// "stepscope COMMAND: message" on standard error; returns Failed.
int archiveCommandFailed(const char* command, const QString& message);
/// The same with a pointer to --help; returns UsageError.
int archiveUsageError(const char* command, const QString& message);

} // namespace Stepscope::Cli
