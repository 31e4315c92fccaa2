#pragma once

#include "documentload.h"

#include <optional>

namespace Stepscope {

/// The files named on the command line start loading before the window exists: building the window takes a quarter
/// of a second on the UI thread, and reading, matching and laying out the files can take as long on another. When
/// the window then asks for the same files, it takes over that load instead of starting its own. UI thread only.
class DocumentPreload {
public:
    /// Starts loading `request` (replacing an earlier preload nobody took).
    static void start(const LoadRequest& request);
    /// The load started for exactly `request`, once; nothing when there is none or it was for something else.
    [[nodiscard]] static std::optional<QFuture<LoadResult>> take(const LoadRequest& request);
};

} // namespace Stepscope
