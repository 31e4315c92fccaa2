#pragma once

#include "sourcedocument.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace Stepscope {

/// `${Name}` -> value, for DefinitionSubstitutions and Fn::Sub variables whose values are literals.
using Substitutions = std::map<std::string, std::string, std::less<>>;

/// True for a CloudFormation intrinsic function: an object with one member, `Ref` or `Fn::*`.
[[nodiscard]] bool isIntrinsic(const Json& value);

/// A literal's text (strings as they are, numbers and booleans as JSON); empty optional for anything else.
[[nodiscard]] std::optional<std::string> literalText(const Json& value);

/// Readable text of a value used inside a definition, as CloudFormation would produce it where that is known
/// locally: strings as they are, Fn::Join joined, Fn::Sub with its literal variables applied. What only exists at
/// deploy time becomes a visible placeholder: Ref -> `${Name}`, Fn::GetAtt -> `${Resource.Attribute}`, other
/// functions -> `${Fn::Name}`.
[[nodiscard]] std::string intrinsicText(const Json& value);

/// Replaces each `${Name}` that has a substitution; unknown placeholders stay as they are.
[[nodiscard]] std::string applySubstitutions(std::string_view text, const Substitutions& substitutions);

/// Inside a definition object: replaces intrinsic functions by their readable text and applies the substitutions
/// to every string value.
void resolveIntrinsics(Json& value, const Substitutions& substitutions);

} // namespace Stepscope
