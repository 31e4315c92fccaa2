#include "validatorchecks.h"

#include <array>

namespace Stepscope::Validation {

namespace {

constexpr int MaxRuleDepth = 100;

enum class Operand { String, Number, Boolean, Timestamp, Path };

struct Operator {
    std::string_view name;
    Operand operand;
};

// Every comparison operator of the States Language, with the operand it takes. "*Path" variants compare against the
// value at a path; StringMatches has none.
constexpr std::array operators {
    Operator { "StringEquals", Operand::String },
    Operator { "StringEqualsPath", Operand::Path },
    Operator { "StringLessThan", Operand::String },
    Operator { "StringLessThanPath", Operand::Path },
    Operator { "StringGreaterThan", Operand::String },
    Operator { "StringGreaterThanPath", Operand::Path },
    Operator { "StringLessThanEquals", Operand::String },
    Operator { "StringLessThanEqualsPath", Operand::Path },
    Operator { "StringGreaterThanEquals", Operand::String },
    Operator { "StringGreaterThanEqualsPath", Operand::Path },
    Operator { "StringMatches", Operand::String },
    Operator { "NumericEquals", Operand::Number },
    Operator { "NumericEqualsPath", Operand::Path },
    Operator { "NumericLessThan", Operand::Number },
    Operator { "NumericLessThanPath", Operand::Path },
    Operator { "NumericGreaterThan", Operand::Number },
    Operator { "NumericGreaterThanPath", Operand::Path },
    Operator { "NumericLessThanEquals", Operand::Number },
    Operator { "NumericLessThanEqualsPath", Operand::Path },
    Operator { "NumericGreaterThanEquals", Operand::Number },
    Operator { "NumericGreaterThanEqualsPath", Operand::Path },
    Operator { "BooleanEquals", Operand::Boolean },
    Operator { "BooleanEqualsPath", Operand::Path },
    Operator { "TimestampEquals", Operand::Timestamp },
    Operator { "TimestampEqualsPath", Operand::Path },
    Operator { "TimestampLessThan", Operand::Timestamp },
    Operator { "TimestampLessThanPath", Operand::Path },
    Operator { "TimestampGreaterThan", Operand::Timestamp },
    Operator { "TimestampGreaterThanPath", Operand::Path },
    Operator { "TimestampLessThanEquals", Operand::Timestamp },
    Operator { "TimestampLessThanEqualsPath", Operand::Path },
    Operator { "TimestampGreaterThanEquals", Operand::Timestamp },
    Operator { "TimestampGreaterThanEqualsPath", Operand::Path },
    Operator { "IsNull", Operand::Boolean },
    Operator { "IsPresent", Operand::Boolean },
    Operator { "IsNumeric", Operand::Boolean },
    Operator { "IsString", Operand::Boolean },
    Operator { "IsBoolean", Operand::Boolean },
    Operator { "IsTimestamp", Operand::Boolean },
};

const Operator* findOperator(std::string_view name)
{
    for (const Operator& op : operators) {
        if (op.name == name)
            return &op;
    }
    return nullptr;
}

void checkOperand(Reporter& r, const Operator& op, const Json& value, const std::string& pointer)
{
    if (isPlaceholder(value))
        return;
    const QString name = inQuotes(op.name);
    switch (op.operand) {
    case Operand::String:
    case Operand::Timestamp:
        if (!value.is_string())
            r.error(pointer, QStringLiteral("%1 compares with a string, not %2").arg(name, jsonTypeName(value)));
        break;
    case Operand::Number:
        if (!value.is_number())
            r.error(pointer, QStringLiteral("%1 compares with a number, not %2").arg(name, jsonTypeName(value)));
        break;
    case Operand::Boolean:
        if (!value.is_boolean())
            r.error(pointer, QStringLiteral("%1 takes true or false, not %2").arg(name, jsonTypeName(value)));
        break;
    case Operand::Path:
        expectPath(r, value, pointer, op.name, false);
        break;
    }
}

void checkRule(Reporter& r, const Json& rule, const std::string& pointer, bool topLevel, int depth);

void checkRuleList(Reporter& r, const Json& list, const std::string& pointer, std::string_view key, int depth)
{
    if (!list.is_array() || list.empty()) {
        r.error(pointer, QStringLiteral("%1 must be a non-empty array of Choice rules").arg(inQuotes(key)));
        return;
    }
    for (size_t i = 0; i < list.size(); ++i)
        checkRule(r, list[i], child(pointer, i), false, depth + 1);
}

/// A JSONPath-mode rule: a comparison, or And / Or / Not.
void checkRule(Reporter& r, const Json& rule, const std::string& pointer, bool topLevel, int depth)
{
    if (depth > MaxRuleDepth)
        return;
    if (!rule.is_object()) {
        r.error(pointer, QStringLiteral("a Choice rule must be an object, not %1").arg(jsonTypeName(rule)));
        return;
    }
    std::string_view firstOperator;
    int operatorCount = 0;
    bool hasVariable = false;
    for (auto it = rule.begin(); it != rule.end(); ++it) {
        const std::string& key = it.key();
        const std::string memberPointer = child(pointer, key);
        if (key == "Comment") {
            expectString(r, *it, memberPointer, key, Language::JSONPath);
        } else if (key == "Next" || key == "Assign") {
            if (!topLevel)
                r.error(memberPointer, QStringLiteral("%1 is only allowed on top-level Choice rules, not inside And / Or / Not")
                                           .arg(inQuotes(key)));
            else if (key == "Next" && !it->is_string())
                r.error(memberPointer, QStringLiteral("\"Next\" must be the name of a state, not %1").arg(jsonTypeName(*it)));
            else if (key == "Assign") {
                if (!it->is_object())
                    r.error(memberPointer, QStringLiteral("\"Assign\" must be an object, not %1").arg(jsonTypeName(*it)));
                else
                    checkPayloadTemplate(r, *it, memberPointer);
            }
        } else if (key == "Variable") {
            hasVariable = true;
            expectPath(r, *it, memberPointer, key, false);
        } else if (key == "And" || key == "Or") {
            ++operatorCount;
            firstOperator = firstOperator.empty() ? std::string_view(key) : firstOperator;
            checkRuleList(r, *it, memberPointer, key, depth);
        } else if (key == "Not") {
            ++operatorCount;
            firstOperator = firstOperator.empty() ? std::string_view(key) : firstOperator;
            checkRule(r, *it, memberPointer, false, depth + 1);
        } else if (const Operator* op = findOperator(key)) {
            ++operatorCount;
            firstOperator = firstOperator.empty() ? op->name : firstOperator;
            checkOperand(r, *op, *it, memberPointer);
        } else if (key == "Condition") {
            r.error(memberPointer, QStringLiteral("\"Condition\" needs \"QueryLanguage\": \"JSONata\" (this Choice uses JSONPath: "
                                                  "use \"Variable\" with a comparison)"));
        } else if (key == "End") {
            r.error(memberPointer, QStringLiteral("a Choice rule cannot end the machine: give it \"Next\" and end in that state"));
        } else {
            r.error(memberPointer, QStringLiteral("%1 is not a comparison operator or a field of a Choice rule").arg(inQuotes(key)));
        }
    }
    if (topLevel && !rule.contains("Next"))
        r.error(pointer, QStringLiteral("a Choice rule needs \"Next\""));
    if (operatorCount == 0) {
        r.error(pointer, QStringLiteral("a Choice rule needs a comparison (such as \"StringEquals\") or And / Or / Not"));
        return;
    }
    if (operatorCount > 1) {
        r.error(pointer, QStringLiteral("a Choice rule can hold only one comparison or And / Or / Not; combine several with \"And\""));
        return;
    }
    const bool compound = firstOperator == "And" || firstOperator == "Or" || firstOperator == "Not";
    if (compound && hasVariable)
        r.error(child(pointer, "Variable"), QStringLiteral("\"Variable\" does not go with %1: put it in the inner rules").arg(inQuotes(firstOperator)));
    if (!compound && !hasVariable)
        r.error(pointer, QStringLiteral("the comparison %1 needs \"Variable\" (the path to compare)").arg(inQuotes(firstOperator)));
}

/// A JSONata-mode rule: Condition, Next, and optionally Assign / Output / Comment.
void checkJsonataRule(Reporter& r, const Json& rule, const std::string& pointer)
{
    if (!rule.is_object()) {
        r.error(pointer, QStringLiteral("a Choice rule must be an object, not %1").arg(jsonTypeName(rule)));
        return;
    }
    for (auto it = rule.begin(); it != rule.end(); ++it) {
        const std::string& key = it.key();
        const std::string memberPointer = child(pointer, key);
        if (key == "Comment") {
            expectString(r, *it, memberPointer, key, Language::JSONata);
        } else if (key == "Next") {
            if (!it->is_string())
                r.error(memberPointer, QStringLiteral("\"Next\" must be the name of a state, not %1").arg(jsonTypeName(*it)));
        } else if (key == "Condition") {
            if (!it->is_boolean() && !isJsonataExpression(*it) && !isPlaceholder(*it))
                r.error(memberPointer, QStringLiteral("\"Condition\" must be a {% %} expression or a boolean, not %1")
                                           .arg(it->is_string() ? inQuotes(it->get_ref<const std::string&>()) : jsonTypeName(*it)));
        } else if (key == "Assign") {
            if (!it->is_object())
                r.error(memberPointer, QStringLiteral("\"Assign\" must be an object, not %1").arg(jsonTypeName(*it)));
        } else if (key == "Output") {
        } else if (key == "Variable" || key == "And" || key == "Or" || key == "Not" || findOperator(key)) {
            r.error(memberPointer, QStringLiteral("%1 is a JSONPath Choice field and this state uses JSONata: write the test as "
                                                  "\"Condition\": \"{% ... %}\"")
                                       .arg(inQuotes(key)));
        } else {
            r.error(memberPointer, QStringLiteral("%1 is not a field of a JSONata Choice rule").arg(inQuotes(key)));
        }
    }
    if (!rule.contains("Condition"))
        r.error(pointer, QStringLiteral("a JSONata Choice rule needs \"Condition\""));
    if (!rule.contains("Next"))
        r.error(pointer, QStringLiteral("a Choice rule needs \"Next\""));
}

} // namespace

void checkChoiceRules(Reporter& r, const Json& state, const std::string& pointer, Language language)
{
    const auto choices = state.find("Choices");
    if (choices == state.end())
        return;
    const std::string choicesPointer = child(pointer, "Choices");
    if (!choices->is_array() || choices->empty()) {
        r.error(choicesPointer, QStringLiteral("\"Choices\" must be a non-empty array of rules, not %1")
                                    .arg(choices->is_array() ? QStringLiteral("an empty array") : jsonTypeName(*choices)));
        return;
    }
    for (size_t i = 0; i < choices->size(); ++i) {
        if (language == Language::JSONata)
            checkJsonataRule(r, (*choices)[i], child(choicesPointer, i));
        else
            checkRule(r, (*choices)[i], child(choicesPointer, i), true, 0);
    }
}

} // namespace Stepscope::Validation
