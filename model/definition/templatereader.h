#pragma once

#include "definitionloader.h"

#include <string_view>

namespace Stepscope {

/// True when `root` is a CloudFormation, SAM or CDK-synthesised template rather than an ASL definition: it has
/// `Resources`, `AWSTemplateFormatVersion` or `Transform` and no `StartAt`/`States`.
[[nodiscard]] bool looksLikeTemplate(const Json& root);

/// Lists the template's state machines (AWS::StepFunctions::StateMachine, AWS::Serverless::StateMachine) in file
/// order and loads the chosen one's definition into `loaded` (definition, stateMachineIds, stateMachineId,
/// diagnostics): `Definition`, `DefinitionString` (literal, Fn::Join, Fn::Sub), SAM `DefinitionUri` (relative to
/// the template) with `DefinitionSubstitutions` applied where their values are literals. `templateText` is the
/// template's source, used to map positions inside a DefinitionString written as a YAML block scalar.
void loadTemplateDefinition(const SourceDocument& templ, std::string_view templateText, const LoadOptions& options,
    LoadedDefinition& loaded);

} // namespace Stepscope
