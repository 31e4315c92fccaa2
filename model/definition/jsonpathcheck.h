#pragma once

// Light syntax checks for the strings that JSONPath-mode states evaluate: paths, reference paths and intrinsic
// functions. Each returns an empty string when the text is acceptable, otherwise what is wrong with it.

#include <QString>

#include <string_view>

namespace Stepscope::Validation {

/// A path as InputPath, OutputPath, ItemsPath, *Path fields and Choice Variables take it: "$", "$.a.b", "$$.Map.Item",
/// "$var.field", with the JSONPath operators (.., *, [n], ['x'], [a:b], [?(...)], [(...)]).
[[nodiscard]] QString checkPath(std::string_view path);

/// A Reference Path (ResultPath, Catch ResultPath): "$" followed by .name, ['name'] or [n] only: no variables, no
/// context object, no operators.
[[nodiscard]] QString checkReferencePath(std::string_view path);

/// An intrinsic function call "States.Format('{}', $.x)", arguments checked against the function's signature.
[[nodiscard]] QString checkIntrinsicFunction(std::string_view text);

/// What a ".$" field or ErrorPath / CausePath may hold: a path or an intrinsic function.
[[nodiscard]] QString checkPathOrIntrinsic(std::string_view text);

} // namespace Stepscope::Validation
