#pragma once

#include "sourcedocument.h"

namespace Stepscope {

/// Checks an ASL definition against the States Language specification. Never throws; every finding carries
/// a JSON pointer and, where the document knows it, a line and column.
[[nodiscard]] Diagnostics validateDefinition(const SourceDocument& definition);

} // namespace Stepscope
