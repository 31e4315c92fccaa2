#pragma once

#include "jsonpath.h"

#include <QString>

#include <vector>

namespace Stepscope::Dataflow {

/// One Choice rule (or a sub-rule of And / Or / Not) as evaluated: its operands and its result.
struct RuleEvaluation {
    QString text; ///< readable: `$.status StringEquals "FAILED"`
    QString op; ///< the comparison operator ("StringEquals", "NumericLessThanPath", "And", ...)
    QString variable; ///< the Variable path
    std::optional<Json> variableValue; ///< its value; empty when the path found nothing
    std::optional<Json> operand; ///< the value compared with (a ...Path operand as resolved)
    bool result = false;
    std::vector<RuleEvaluation> children; ///< And / Or / Not
};

/// A Choice state's rules as evaluated against its effective input.
struct ChoiceEvaluation {
    std::vector<RuleEvaluation> rules; ///< evaluated in order up to the first match
    int matchedRule = -1; ///< index in Choices, -1 when none matched
    QString nextState; ///< the matched rule's Next, else Default; empty when neither
    bool defaultTaken = false;
    QString reason; ///< "rule 2 matched: ..." or "no rule matched; Default taken"
};

/// Evaluates one rule (a Choices entry or a nested rule). Throws DataflowError (States.Runtime) when a Variable or
/// a ...Path operand finds nothing (IsPresent excepted), as the service does.
[[nodiscard]] RuleEvaluation evaluateChoiceRule(const Json& rule, const PathScope& scope);

/// Evaluates a Choice state's Choices in order; the first rule that is true wins, else Default. Throws
/// States.NoChoiceMatched when no rule matches and there is no Default.
[[nodiscard]] ChoiceEvaluation evaluateChoiceState(const Json& state, const PathScope& scope);

/// StringMatches: `*` matches any run of characters; `\*` a star, `\\` a backslash.
[[nodiscard]] bool stringMatches(const QString& value, const QString& pattern);

/// An RFC 3339 timestamp as Step Functions accepts it ("2016-08-18T17:33:00Z", "...+01:00", fractions).
[[nodiscard]] std::optional<qint64> parseTimestampMs(const QString& text);

} // namespace Stepscope::Dataflow
