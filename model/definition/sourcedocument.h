#pragma once

#include "sourcepositions.h"
#include "workflow/diagnostic.h"

#include <nlohmann/json.hpp>

#include <string>

namespace Stepscope {

/// JSON value type used for definitions: keeps keys in file order, so states list as written.
using Json = nlohmann::ordered_json;

/// A parsed JSON or YAML document plus where each value came from.
struct SourceDocument {
    Json root;
    /// JSON pointer ("" for the root, "/States/A/Next") to the position of the value; for object members
    /// the position of the member's key, which is what an editor should jump to.
    SourcePositions positions;
    QString file; ///< the file the positions refer to

    /// The position of `pointer`, or of its nearest ancestor that has one.
    [[nodiscard]] SourcePos positionOf(const std::string& pointer) const;
    /// A sub-document: `pointer`'s value with positions re-rooted below it.
    [[nodiscard]] SourceDocument subDocument(const std::string& pointer) const;
};

/// Escapes a key for use in a JSON pointer (RFC 6901: "~" -> "~0", "/" -> "~1").
[[nodiscard]] std::string escapePointerToken(const std::string& token);
[[nodiscard]] QString toQString(const std::string& utf8);

} // namespace Stepscope
