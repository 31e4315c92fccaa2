#pragma once

#include "definitionloader.h"
#include "workflow/workflow.h"

namespace Stepscope {

/// Everything known after opening a definition file: the graph (as much as could be built) and every diagnostic
/// from loading, validation and building, sorted by position.
struct OpenedDefinition {
    LoadedDefinition loaded;
    Workflow workflow;
    Diagnostics diagnostics;
    [[nodiscard]] bool hasWorkflow() const { return !workflow.states.isEmpty(); }
};

[[nodiscard]] OpenedDefinition openDefinition(const QString& path, const LoadOptions& options = {});
[[nodiscard]] OpenedDefinition openDefinitionData(const QByteArray& data, const QString& file,
                                                  const LoadOptions& options = {});

} // namespace Stepscope
