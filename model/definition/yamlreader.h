#pragma once

#include "sourcedocument.h"

#include <optional>
#include <string_view>

namespace Stepscope {

struct YamlReadOptions {
    /// Deeper nesting is a diagnostic, never a stack overflow. Lower than JSON's 512: yaml-cpp 0.7 itself fails with
    /// a meaningless "bad file" error from 500 nested flow collections on.
    int maxDepth = 256;
    /// Values produced, aliases expanded: a "billion laughs" document of nested aliases stops here.
    std::size_t maxValues = 1'000'000;
};

struct YamlReadResult {
    std::optional<SourceDocument> document; ///< empty when the YAML could not be read
    Diagnostics diagnostics;
};

/// Reads YAML (through yaml-cpp) into the same JSON document and positions as readJson: the position of every
/// value, for mapping members the position of the key. CloudFormation short-form tags (!Ref, !Sub, !GetAtt, ...)
/// become their long form ({"Ref": ...}, {"Fn::Sub": ...}); plain scalars are typed as in YAML 1.2's core schema.
[[nodiscard]] YamlReadResult readYaml(std::string_view text, const QString& file, const YamlReadOptions& options = {});

} // namespace Stepscope
