#include "validatorchecks.h"

#include <QStringList>

#include <array>
#include <unordered_map>

namespace Stepscope::Validation {

namespace {

constexpr unsigned AllStates = 0xff;
constexpr unsigned Flowing = TaskState | PassState | WaitState | ParallelState | MapState; ///< Next or End
constexpr unsigned NotFail = AllStates & ~FailState;
constexpr unsigned Working = TaskState | ParallelState | MapState; ///< Retry, Catch, ResultSelector

enum class Mode { Both, JSONPathOnly, JSONataOnly };

enum class Value {
    Text,
    Language,
    Target,
    EndFlag,
    Path,
    PathOrNull,
    ReferencePathOrNull,
    PathOrIntrinsic,
    Parameters,
    Selector,
    Assign,
    Arguments,
    Resource,
    Timeout,
    NonNegativeInteger,
    Credentials,
    Timestamp,
    Percentage,
    Label,
    Items,
    Anything, ///< any JSON value (Result, Output)
    Checked, ///< checked by the state's own code (Choices, Branches, Retry, ...)
};

struct FieldSpec {
    std::string_view name;
    unsigned states;
    Mode mode;
    Value value;
};

// From the States Language specification and the Step Functions developer guide (JSONata, variables, distributed
// Map). Type is handled by the machine walk.
constexpr std::array fieldSpecs {
    FieldSpec { "Comment", AllStates, Mode::Both, Value::Text },
    FieldSpec { "QueryLanguage", AllStates, Mode::Both, Value::Language },
    FieldSpec { "Next", Flowing, Mode::Both, Value::Target },
    FieldSpec { "End", Flowing, Mode::Both, Value::EndFlag },
    FieldSpec { "InputPath", NotFail, Mode::JSONPathOnly, Value::PathOrNull },
    FieldSpec { "OutputPath", NotFail, Mode::JSONPathOnly, Value::PathOrNull },
    FieldSpec { "Parameters", TaskState | PassState | ParallelState | MapState, Mode::JSONPathOnly, Value::Parameters },
    FieldSpec { "ResultSelector", Working, Mode::JSONPathOnly, Value::Selector },
    FieldSpec { "ResultPath", TaskState | PassState | ParallelState | MapState, Mode::JSONPathOnly, Value::ReferencePathOrNull },
    FieldSpec { "Result", PassState, Mode::JSONPathOnly, Value::Anything },
    FieldSpec { "Arguments", TaskState | ParallelState, Mode::JSONataOnly, Value::Arguments },
    FieldSpec { "Output", NotFail, Mode::JSONataOnly, Value::Anything },
    FieldSpec { "Assign", AllStates & ~(SucceedState | FailState), Mode::Both, Value::Assign },
    FieldSpec { "Resource", TaskState, Mode::Both, Value::Resource },
    FieldSpec { "TimeoutSeconds", TaskState, Mode::Both, Value::Timeout },
    FieldSpec { "TimeoutSecondsPath", TaskState, Mode::JSONPathOnly, Value::Path },
    FieldSpec { "HeartbeatSeconds", TaskState, Mode::Both, Value::Timeout },
    FieldSpec { "HeartbeatSecondsPath", TaskState, Mode::JSONPathOnly, Value::Path },
    FieldSpec { "Credentials", TaskState, Mode::Both, Value::Credentials },
    FieldSpec { "Retry", Working, Mode::Both, Value::Checked },
    FieldSpec { "Catch", Working, Mode::Both, Value::Checked },
    FieldSpec { "Choices", ChoiceState, Mode::Both, Value::Checked },
    FieldSpec { "Default", ChoiceState, Mode::Both, Value::Target },
    FieldSpec { "Seconds", WaitState, Mode::Both, Value::NonNegativeInteger },
    FieldSpec { "SecondsPath", WaitState, Mode::JSONPathOnly, Value::Path },
    FieldSpec { "Timestamp", WaitState, Mode::Both, Value::Timestamp },
    FieldSpec { "TimestampPath", WaitState, Mode::JSONPathOnly, Value::Path },
    FieldSpec { "Error", FailState, Mode::Both, Value::Text },
    FieldSpec { "ErrorPath", FailState, Mode::JSONPathOnly, Value::PathOrIntrinsic },
    FieldSpec { "Cause", FailState, Mode::Both, Value::Text },
    FieldSpec { "CausePath", FailState, Mode::JSONPathOnly, Value::PathOrIntrinsic },
    FieldSpec { "Branches", ParallelState, Mode::Both, Value::Checked },
    FieldSpec { "Iterator", MapState, Mode::Both, Value::Checked },
    FieldSpec { "ItemProcessor", MapState, Mode::Both, Value::Checked },
    FieldSpec { "ItemsPath", MapState, Mode::JSONPathOnly, Value::Path },
    FieldSpec { "Items", MapState, Mode::JSONataOnly, Value::Items },
    FieldSpec { "ItemSelector", MapState, Mode::Both, Value::Selector },
    FieldSpec { "ItemReader", MapState, Mode::Both, Value::Checked },
    FieldSpec { "ItemBatcher", MapState, Mode::Both, Value::Checked },
    FieldSpec { "ResultWriter", MapState, Mode::Both, Value::Checked },
    FieldSpec { "MaxConcurrency", MapState, Mode::Both, Value::NonNegativeInteger },
    FieldSpec { "MaxConcurrencyPath", MapState, Mode::JSONPathOnly, Value::Path },
    FieldSpec { "ToleratedFailurePercentage", MapState, Mode::Both, Value::Percentage },
    FieldSpec { "ToleratedFailurePercentagePath", MapState, Mode::JSONPathOnly, Value::Path },
    FieldSpec { "ToleratedFailureCount", MapState, Mode::Both, Value::NonNegativeInteger },
    FieldSpec { "ToleratedFailureCountPath", MapState, Mode::JSONPathOnly, Value::Path },
    FieldSpec { "Label", MapState, Mode::Both, Value::Label },
};

const FieldSpec* findSpec(std::string_view name)
{
    static const std::unordered_map<std::string_view, const FieldSpec*> index = [] {
        std::unordered_map<std::string_view, const FieldSpec*> map;
        for (const FieldSpec& spec : fieldSpecs)
            map.emplace(spec.name, &spec);
        return map;
    }();
    const auto it = index.find(name);
    return it == index.end() ? nullptr : it->second;
}

QString kindName(StateKind kind)
{
    switch (kind) {
    case TaskState:
        return QStringLiteral("Task");
    case PassState:
        return QStringLiteral("Pass");
    case ChoiceState:
        return QStringLiteral("Choice");
    case WaitState:
        return QStringLiteral("Wait");
    case SucceedState:
        return QStringLiteral("Succeed");
    case FailState:
        return QStringLiteral("Fail");
    case ParallelState:
        return QStringLiteral("Parallel");
    case MapState:
        return QStringLiteral("Map");
    }
    return {};
}

/// What to write instead of a JSONPath-only field in a JSONata state.
QString jsonataReplacement(std::string_view name)
{
    if (name == "InputPath" || name == "Parameters")
        return QStringLiteral("use \"Arguments\" with {% %} expressions");
    if (name == "ResultSelector" || name == "OutputPath" || name == "ResultPath" || name == "Result")
        return QStringLiteral("use \"Output\" (and \"Assign\") with {% %} expressions");
    if (name == "ItemsPath")
        return QStringLiteral("use \"Items\"");
    if (name.ends_with("Path"))
        return QStringLiteral("use \"%1\" with a {% %} expression")
            .arg(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size() - 4)));
    return {};
}

/// ISO 8601 / RFC 3339 as Wait.Timestamp requires: 2024-01-31T12:00:00Z, optional fraction, Z or an offset.
bool isTimestamp(const std::string& s)
{
    auto digits = [&](size_t at, size_t count) {
        if (at + count > s.size())
            return false;
        for (size_t i = at; i < at + count; ++i) {
            if (s[i] < '0' || s[i] > '9')
                return false;
        }
        return true;
    };
    if (!(digits(0, 4) && s.size() > 19 && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2) && s[10] == 'T'
            && digits(11, 2) && s[13] == ':' && digits(14, 2) && s[16] == ':' && digits(17, 2)))
        return false;
    size_t i = 19;
    if (s[i] == '.') {
        ++i;
        const size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == start)
            return false;
    }
    if (i < s.size() && s[i] == 'Z')
        return i + 1 == s.size();
    return i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && digits(i + 1, 2) && s[i + 3] == ':' && digits(i + 4, 2);
}

void checkValue(Reporter& r, const FieldSpec& spec, const Json& value, const std::string& pointer, Language language)
{
    const std::string_view name = spec.name;
    switch (spec.value) {
    case Value::Text:
        if (!(language == Language::JSONata && isJsonataExpression(value)))
            expectString(r, value, pointer, name, language);
        break;
    case Value::Language:
        expectEnum(r, value, pointer, name, { "JSONPath", "JSONata" }, Language::JSONPath);
        break;
    case Value::Target:
        if (!value.is_string())
            r.error(pointer, QStringLiteral("%1 must be the name of a state, not %2").arg(inQuotes(name), jsonTypeName(value)));
        break;
    case Value::EndFlag:
        if (!value.is_boolean())
            r.error(pointer, QStringLiteral("\"End\" must be true or absent, not %1").arg(jsonTypeName(value)));
        break;
    case Value::Path:
        expectPath(r, value, pointer, name, false);
        break;
    case Value::PathOrNull:
        expectPath(r, value, pointer, name, true);
        break;
    case Value::ReferencePathOrNull:
        expectPath(r, value, pointer, name, true, true);
        break;
    case Value::PathOrIntrinsic:
        expectPath(r, value, pointer, name, false, false, true);
        break;
    case Value::Parameters:
        checkPayloadTemplate(r, value, pointer);
        break;
    case Value::Selector:
        if (language == Language::JSONPath) {
            expectObject(r, value, pointer, name, language);
            checkPayloadTemplate(r, value, pointer);
        } else if (!value.is_object() && !isJsonataExpression(value)) {
            r.error(pointer, QStringLiteral("%1 must be an object or a {% %} expression, not %2").arg(inQuotes(name), jsonTypeName(value)));
        }
        break;
    case Value::Assign:
        if (!value.is_object() && !isPlaceholder(value)) {
            r.error(pointer, QStringLiteral("\"Assign\" must be an object of variable names and values, not %1").arg(jsonTypeName(value)));
            break;
        }
        if (language == Language::JSONPath)
            checkPayloadTemplate(r, value, pointer);
        break;
    case Value::Arguments:
        if (!value.is_object() && !value.is_array() && !isJsonataExpression(value) && !isPlaceholder(value))
            r.error(pointer, QStringLiteral("\"Arguments\" must be an object or a {% %} expression, not %1").arg(jsonTypeName(value)));
        break;
    case Value::Resource:
        checkResource(r, value, pointer);
        break;
    case Value::Timeout:
        expectInteger(r, value, pointer, name, 1, language, 99999999);
        break;
    case Value::NonNegativeInteger:
        expectInteger(r, value, pointer, name, 0, language);
        break;
    case Value::Credentials:
        if (!value.is_object() && !isDynamic(value, language)) {
            r.error(pointer, QStringLiteral("\"Credentials\" must be an object (for example {\"RoleArn\": \"arn:aws:iam::...\"}), not %1")
                                 .arg(jsonTypeName(value)));
            break;
        }
        if (language == Language::JSONPath)
            checkPayloadTemplate(r, value, pointer);
        break;
    case Value::Timestamp:
        if (isDynamic(value, language))
            break;
        if (!value.is_string())
            r.error(pointer, QStringLiteral("\"Timestamp\" must be a string, not %1").arg(jsonTypeName(value)));
        else if (!isTimestamp(value.get_ref<const std::string&>()))
            r.error(pointer, QStringLiteral("\"Timestamp\" must be an ISO 8601 time such as 2024-01-31T12:00:00Z, not %1")
                                 .arg(inQuotes(value.get_ref<const std::string&>())));
        break;
    case Value::Percentage:
        expectNumber(r, value, pointer, name, 0, language, 100);
        break;
    case Value::Label:
        if (isDynamic(value, language))
            break;
        if (!value.is_string())
            r.error(pointer, QStringLiteral("\"Label\" must be a string, not %1").arg(jsonTypeName(value)));
        else if (QString::fromStdString(value.get<std::string>()).size() > 40)
            r.error(pointer, QStringLiteral("\"Label\" must be at most 40 characters long"));
        break;
    case Value::Items:
        if (!value.is_array() && !isDynamic(value, language))
            r.error(pointer, QStringLiteral("\"Items\" must be an array or a {% %} expression, not %1").arg(jsonTypeName(value)));
        break;
    case Value::Anything:
    case Value::Checked:
        break;
    }
}

} // namespace

std::optional<StateKind> stateKindFromName(std::string_view name)
{
    static constexpr std::pair<std::string_view, StateKind> kinds[] = {
        { "Task", TaskState },
        { "Pass", PassState },
        { "Choice", ChoiceState },
        { "Wait", WaitState },
        { "Succeed", SucceedState },
        { "Fail", FailState },
        { "Parallel", ParallelState },
        { "Map", MapState },
    };
    for (const auto& [n, kind] : kinds) {
        if (n == name)
            return kind;
    }
    return std::nullopt;
}

void checkStateFields(Reporter& r, const Json& state, const std::string& pointer, StateKind kind, Language language)
{
    const QString type = kindName(kind);
    const bool jsonata = language == Language::JSONata;
    for (auto it = state.begin(); it != state.end(); ++it) {
        const std::string& name = it.key();
        if (name == "Type")
            continue;
        const std::string memberPointer = child(pointer, name);
        const FieldSpec* spec = findSpec(name);
        if (!spec) {
            r.error(memberPointer, QStringLiteral("%1 is not a field of a %2 state").arg(inQuotes(name), type));
            continue;
        }
        if (!(spec->states & kind)) {
            r.error(memberPointer, QStringLiteral("%1 is not allowed in a %2 state").arg(inQuotes(name), type));
            continue;
        }
        if (jsonata && spec->mode == Mode::JSONPathOnly) {
            r.error(memberPointer, QStringLiteral("%1 is a JSONPath field and this state uses JSONata: %2")
                                       .arg(inQuotes(name), jsonataReplacement(name)));
            continue;
        }
        if (!jsonata && spec->mode == Mode::JSONataOnly) {
            r.error(memberPointer, QStringLiteral("%1 needs \"QueryLanguage\": \"JSONata\" (this state uses JSONPath)").arg(inQuotes(name)));
            continue;
        }
        checkValue(r, *spec, *it, memberPointer, language);
    }

    switch (kind) {
    case TaskState:
        if (!state.contains("Resource"))
            r.error(pointer, QStringLiteral("a Task state needs \"Resource\""));
        expectExclusive(r, state, pointer, "a Task state", { "TimeoutSeconds", "TimeoutSecondsPath" });
        expectExclusive(r, state, pointer, "a Task state", { "HeartbeatSeconds", "HeartbeatSecondsPath" });
        break;
    case WaitState:
        expectExclusive(r, state, pointer, "a Wait state", { "Seconds", "Timestamp", "SecondsPath", "TimestampPath" }, true);
        break;
    case FailState:
        expectExclusive(r, state, pointer, "a Fail state", { "Error", "ErrorPath" });
        expectExclusive(r, state, pointer, "a Fail state", { "Cause", "CausePath" });
        break;
    case MapState:
        expectExclusive(r, state, pointer, "a Map state", { "ItemProcessor", "Iterator" }, true);
        expectExclusive(r, state, pointer, "a Map state", { "ItemSelector", "Parameters" });
        expectExclusive(r, state, pointer, "a Map state", { "Items", "ItemsPath" });
        expectExclusive(r, state, pointer, "a Map state", { "MaxConcurrency", "MaxConcurrencyPath" });
        expectExclusive(r, state, pointer, "a Map state", { "ToleratedFailurePercentage", "ToleratedFailurePercentagePath" });
        expectExclusive(r, state, pointer, "a Map state", { "ToleratedFailureCount", "ToleratedFailureCountPath" });
        break;
    case ChoiceState:
        if (!state.contains("Choices"))
            r.error(pointer, QStringLiteral("a Choice state needs \"Choices\""));
        break;
    case ParallelState:
        if (!state.contains("Branches"))
            r.error(pointer, QStringLiteral("a Parallel state needs \"Branches\""));
        break;
    case PassState:
    case SucceedState:
        break;
    }
}

} // namespace Stepscope::Validation
