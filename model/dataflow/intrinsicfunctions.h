#pragma once

#include "jsonpath.h"

#include <string_view>

namespace Stepscope::Dataflow {

/// True when a ".$" value is an intrinsic function call rather than a path ("States.Format(...)").
[[nodiscard]] bool isIntrinsicCall(std::string_view text);

/// Evaluates an intrinsic function call (every function of the States Language: Format, StringToJson, JsonToString,
/// Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique, Base64Encode,
/// Base64Decode, Hash, JsonMerge, MathRandom, MathAdd, StringSplit, UUID), its path arguments read from `scope`.
/// Throws DataflowError: States.IntrinsicFailure for a call the service rejects (syntax, argument count or type,
/// out-of-range values), States.Runtime for a path argument that finds nothing.
[[nodiscard]] Json evaluateIntrinsic(std::string_view text, const PathScope& scope);

} // namespace Stepscope::Dataflow
