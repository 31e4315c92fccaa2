#pragma once

#include "archivetypes.h"

#include <QByteArray>

namespace Stepscope {

/// Hex BLAKE2b-256 of `data`: the content hash of definitions and the identity hash of executions.
[[nodiscard]] QByteArray contentHashHex(const QByteArray& data);

/// The content hash of an execution whose reader gave none: a hash of a canonical serialisation of everything the
/// archive stores of it (not the ARN).
[[nodiscard]] QByteArray fallbackContentHash(const ArchivedExecution& execution);

} // namespace Stepscope
