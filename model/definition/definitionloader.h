#pragma once

#include "sourcedocument.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stepscope {

/// What a file turned out to hold, detected from its content (never from its name).
enum class DefinitionFormat { Unknown, AslJson, AslJson5, AslYaml, TemplateJson, TemplateYaml };
[[nodiscard]] QString definitionFormatName(DefinitionFormat format);

struct LoadOptions {
    QString stateMachineId; ///< template logical id to pick; empty: the first state machine
};

/// The raw ASL document found in a file, before it is turned into a Workflow.
struct LoadedDefinition {
    QString file;
    DefinitionFormat format = DefinitionFormat::Unknown;
    QStringList stateMachineIds; ///< templates: every state machine's logical id, in file order
    QString stateMachineId; ///< templates: the one loaded
    std::optional<SourceDocument> definition; ///< the ASL object (positions relative to it); empty on fatal errors
    Diagnostics diagnostics; ///< syntax errors with line:column, duplicate keys, template warnings
};

/// Reads any supported definition file: ASL JSON / JSON5-ish / YAML, CloudFormation, SAM, CDK templates.
[[nodiscard]] LoadedDefinition loadDefinitionFile(const QString& path, const LoadOptions& options = {});
/// Same from memory; `file` is used in messages and to resolve SAM DefinitionUri.
[[nodiscard]] LoadedDefinition loadDefinitionData(const QByteArray& data, const QString& file,
                                                  const LoadOptions& options = {});

} // namespace Stepscope
