#pragma once

#include <QString>

namespace Stepscope {

/// A duration as people read it, the same everywhere (inspector, reports, tables, heat map): "850 ms", "1.25 s",
/// "12.5 s", "3 min 20 s", "2 h 5 min"; "?" for a negative (unknown) duration.
[[nodiscard]] QString durationText(qint64 ms);

} // namespace Stepscope
