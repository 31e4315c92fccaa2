#pragma once

#include <QColor>

namespace Stepscope {

/// The colour for a level on a heat scale (0..1, archive/heatmap.h), light yellow to dark red: the same in the
/// window and in exports, and light to dark so that it also reads in grey.
[[nodiscard]] QColor heatColor(double level);

} // namespace Stepscope
