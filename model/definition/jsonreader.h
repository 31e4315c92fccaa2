#pragma once

#include "sourcedocument.h"

#include <optional>
#include <string_view>

namespace Stepscope {

struct JsonReadOptions {
    bool allowComments = true; ///< `//` and `/* */` (the JSON5-ish files LocalStack and editors write)
    bool allowTrailingCommas = true;
    bool allowUnquotedKeys = true; ///< JSON5 identifier keys (`ResultPath: "$.x"`), as in some LocalStack files
    int maxDepth = 512; ///< deeper nesting is a diagnostic, never a stack overflow
};

struct JsonReadResult {
    std::optional<SourceDocument> document; ///< empty when a syntax error stopped reading
    Diagnostics diagnostics; ///< syntax errors (at most one, it stops reading) and duplicate keys
    bool usedExtensions = false; ///< comments, trailing commas or unquoted keys were found
};

/// Reads JSON with the position of every value (for object members the position of the key, 1-based, column in
/// code points). Unlike nlohmann's parser it reports duplicate keys (the first value is kept), NUL bytes and
/// invalid UTF-8 with their position. A UTF-8 byte order mark is skipped.
[[nodiscard]] JsonReadResult readJson(std::string_view text, const QString& file, const JsonReadOptions& options = {});

/// Byte offset of the first invalid UTF-8 sequence in `text`, or npos when it is all valid.
[[nodiscard]] std::size_t findInvalidUtf8(std::string_view text);

} // namespace Stepscope
