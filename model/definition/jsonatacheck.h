#pragma once

// Syntax checks for JSONata expressions ("{% ... %}") in JSONata-mode states: the surround and the expression's
// grammar (a parser that only accepts or rejects, it evaluates nothing).

#include "workflow/diagnostic.h"

#include <QString>

#include <optional>
#include <string_view>

namespace Stepscope::Validation {

struct Finding {
    Severity severity = Severity::Error;
    QString message;
};

/// Checks a string value of a JSONata state. Strings that neither start with "{%" nor end with "%}" are literals and
/// pass; otherwise the surround and the expression inside are checked.
[[nodiscard]] std::optional<Finding> checkJsonataString(std::string_view value);

/// Parses a bare JSONata expression; an empty string when it is syntactically valid.
[[nodiscard]] QString jsonataSyntaxError(std::string_view expression);

} // namespace Stepscope::Validation
