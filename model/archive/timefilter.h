#pragma once

#include <QString>

namespace Stepscope {

/// Epoch milliseconds for a search's since / until: "2024-11-18", "2024-11-18T14:06:54Z",
/// "2024-11-18T14:06:54+01:00" (no zone: UTC), epoch seconds or milliseconds, or a time before now ("30m", "24h",
/// "7d", "2w"); NoTime when it is none of those. The command line and the window read times the same way.
[[nodiscard]] qint64 parseTimeFilter(const QString& text);

} // namespace Stepscope
