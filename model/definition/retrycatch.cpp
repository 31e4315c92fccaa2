#include "validatorchecks.h"

#include <array>

namespace Stepscope::Validation {

namespace {

// The predefined error names (States Language "Errors", plus the ones the developer guide adds for JSONata and
// distributed Map).
constexpr std::array knownErrors {
    std::string_view("States.ALL"),
    std::string_view("States.DataLimitExceeded"),
    std::string_view("States.ExceedToleratedFailureThreshold"),
    std::string_view("States.HeartbeatTimeout"),
    std::string_view("States.Http.Socket"),
    std::string_view("States.IntrinsicFailure"),
    std::string_view("States.ItemReaderFailed"),
    std::string_view("States.NoChoiceMatched"),
    std::string_view("States.ParameterPathFailure"),
    std::string_view("States.Permissions"),
    std::string_view("States.QueryEvaluationError"),
    std::string_view("States.ResultPathMatchFailure"),
    std::string_view("States.ResultWriterFailed"),
    std::string_view("States.Runtime"),
    std::string_view("States.TaskFailed"),
    std::string_view("States.Timeout"),
    std::string_view("States.BranchFailed"),
};

/// Checks ErrorEquals; returns whether the rule catches States.ALL.
bool checkErrorEquals(Reporter& r, const Json& rule, const std::string& pointer, std::string_view what)
{
    const auto it = rule.find("ErrorEquals");
    if (it == rule.end()) {
        r.error(pointer, QStringLiteral("a %1 rule needs \"ErrorEquals\" (a non-empty array of error names)")
                             .arg(QString::fromUtf8(what.data(), static_cast<qsizetype>(what.size()))));
        return false;
    }
    const std::string errorsPointer = child(pointer, "ErrorEquals");
    if (!it->is_array() || it->empty()) {
        r.error(errorsPointer, QStringLiteral("\"ErrorEquals\" must be a non-empty array of error names, not %1")
                                   .arg(it->is_array() ? QStringLiteral("an empty array") : jsonTypeName(*it)));
        return false;
    }
    bool catchesAll = false;
    for (size_t i = 0; i < it->size(); ++i) {
        const Json& name = (*it)[i];
        if (!name.is_string()) {
            r.error(child(errorsPointer, i), QStringLiteral("error names in \"ErrorEquals\" must be strings, not %1").arg(jsonTypeName(name)));
            continue;
        }
        const std::string& error = name.get_ref<const std::string&>();
        if (error == "States.ALL") {
            catchesAll = true;
            if (it->size() > 1)
                r.error(child(errorsPointer, i), QStringLiteral("\"States.ALL\" must be the only error name in its \"ErrorEquals\""));
        } else if (error.starts_with("States.")) {
            bool known = false;
            for (const std::string_view k : knownErrors)
                known = known || k == error;
            if (!known)
                r.warning(child(errorsPointer, i), QStringLiteral("%1 is not a predefined error name (names starting with "
                                                                  "\"States.\" are reserved)")
                                                       .arg(inQuotes(error)));
        }
    }
    return catchesAll;
}

} // namespace

void checkRetriers(Reporter& r, const Json& retry, const std::string& pointer)
{
    if (!retry.is_array()) {
        r.error(pointer, QStringLiteral("\"Retry\" must be an array of retriers, not %1").arg(jsonTypeName(retry)));
        return;
    }
    for (size_t i = 0; i < retry.size(); ++i) {
        const Json& rule = retry[i];
        const std::string rulePointer = child(pointer, i);
        if (!rule.is_object()) {
            r.error(rulePointer, QStringLiteral("a retrier must be an object, not %1").arg(jsonTypeName(rule)));
            continue;
        }
        expectKnownMembers(r, rule, rulePointer, "a retrier",
            { "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment" });
        if (checkErrorEquals(r, rule, rulePointer, "Retry") && i + 1 < retry.size())
            r.error(child(rulePointer, "ErrorEquals"), QStringLiteral("the retrier for \"States.ALL\" must be the last one"));
        for (auto it = rule.begin(); it != rule.end(); ++it) {
            const std::string& key = it.key();
            const std::string memberPointer = child(rulePointer, key);
            if (key == "IntervalSeconds")
                expectInteger(r, *it, memberPointer, key, 1, Language::JSONPath, 99999999);
            else if (key == "MaxAttempts")
                expectInteger(r, *it, memberPointer, key, 0, Language::JSONPath, 99999999);
            else if (key == "BackoffRate")
                expectNumber(r, *it, memberPointer, key, 1.0, Language::JSONPath);
            else if (key == "MaxDelaySeconds")
                expectInteger(r, *it, memberPointer, key, 1, Language::JSONPath, 31622400);
            else if (key == "JitterStrategy")
                expectEnum(r, *it, memberPointer, key, { "FULL", "NONE" }, Language::JSONPath);
            else if (key == "Comment")
                expectString(r, *it, memberPointer, key, Language::JSONPath);
        }
    }
}

void checkCatchers(Reporter& r, const Json& catchers, const std::string& pointer, Language language)
{
    if (!catchers.is_array()) {
        r.error(pointer, QStringLiteral("\"Catch\" must be an array of catchers, not %1").arg(jsonTypeName(catchers)));
        return;
    }
    for (size_t i = 0; i < catchers.size(); ++i) {
        const Json& rule = catchers[i];
        const std::string rulePointer = child(pointer, i);
        if (!rule.is_object()) {
            r.error(rulePointer, QStringLiteral("a catcher must be an object, not %1").arg(jsonTypeName(rule)));
            continue;
        }
        if (language == Language::JSONata)
            expectKnownMembers(r, rule, rulePointer, "a JSONata catcher", { "ErrorEquals", "Next", "Output", "Assign", "Comment" });
        else
            expectKnownMembers(r, rule, rulePointer, "a JSONPath catcher", { "ErrorEquals", "Next", "ResultPath", "Assign", "Comment" });
        if (checkErrorEquals(r, rule, rulePointer, "Catch") && i + 1 < catchers.size())
            r.error(child(rulePointer, "ErrorEquals"), QStringLiteral("the catcher for \"States.ALL\" must be the last one"));
        const auto next = rule.find("Next");
        if (next == rule.end())
            r.error(rulePointer, QStringLiteral("a catcher needs \"Next\" (the state that handles the error)"));
        else if (!next->is_string())
            r.error(child(rulePointer, "Next"), QStringLiteral("\"Next\" must be the name of a state, not %1").arg(jsonTypeName(*next)));
        if (const auto path = rule.find("ResultPath"); path != rule.end() && language == Language::JSONPath)
            expectPath(r, *path, child(rulePointer, "ResultPath"), "ResultPath", true, true);
        if (const auto assign = rule.find("Assign"); assign != rule.end()) {
            if (!assign->is_object())
                r.error(child(rulePointer, "Assign"), QStringLiteral("\"Assign\" must be an object, not %1").arg(jsonTypeName(*assign)));
            else if (language == Language::JSONPath)
                checkPayloadTemplate(r, *assign, child(rulePointer, "Assign"));
        }
        if (const auto comment = rule.find("Comment"); comment != rule.end())
            expectString(r, *comment, child(rulePointer, "Comment"), "Comment", language);
    }
}

} // namespace Stepscope::Validation
