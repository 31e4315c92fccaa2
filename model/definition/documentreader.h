#pragma once

#include "sourcedocument.h"

#include <optional>
#include <string_view>

namespace Stepscope {

/// How a file was written, detected from its content.
enum class DocumentSyntax { Json, Json5, Yaml };

struct ParsedDocument {
    std::optional<SourceDocument> document; ///< empty when the file could not be read
    Diagnostics diagnostics;
    DocumentSyntax syntax = DocumentSyntax::Json;
};

/// Reads a JSON, JSON-with-comments or YAML document, chosen by content: a document whose first significant
/// character is `{` or `[` is JSON (comments and trailing commas make it Json5), anything else is YAML. Empty
/// files, binary files and Terraform files get a clear diagnostic instead of a confusing syntax error.
[[nodiscard]] ParsedDocument readDocument(std::string_view text, const QString& file);

/// The 1-based line and column (in code points) of byte `offset` in `text`.
[[nodiscard]] SourcePos positionOfOffset(std::string_view text, std::size_t offset);

} // namespace Stepscope
