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

} // namespace Stepscope::Cli
