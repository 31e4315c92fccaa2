#pragma once

// Internal to the validator: the checks each file implements, called by the machine walk in validator.cpp.

#include "validatorcontext.h"

#include <initializer_list>
#include <optional>

namespace Stepscope::Validation {

/// State types as bits, so that field tables can say where a field is allowed.
enum StateKind : unsigned {
    TaskState = 1,
    PassState = 2,
    ChoiceState = 4,
    WaitState = 8,
    SucceedState = 16,
    FailState = 32,
    ParallelState = 64,
    MapState = 128,
};
[[nodiscard]] std::optional<StateKind> stateKindFromName(std::string_view name);

// statefields.cpp: allowed, required, forbidden and mutually exclusive fields per state type and query language,
// and each field's value type.
void checkStateFields(Reporter& r, const Json& state, const std::string& pointer, StateKind kind, Language language);

// fieldvalues.cpp: typed values. Each reports at `pointer` and accepts "${Placeholder}" strings where a value is
// expected, and "{% ... %}" expressions in JSONata states.
[[nodiscard]] bool isDynamic(const Json& value, Language language);
void expectString(Reporter& r, const Json& value, const std::string& pointer, std::string_view field, Language language);
void expectInteger(Reporter& r, const Json& value, const std::string& pointer, std::string_view field, long long min,
    Language language, std::optional<long long> max = std::nullopt);
void expectNumber(Reporter& r, const Json& value, const std::string& pointer, std::string_view field, double min,
    Language language, std::optional<double> max = std::nullopt);
void expectEnum(Reporter& r, const Json& value, const std::string& pointer, std::string_view field,
    std::initializer_list<std::string_view> allowed, Language language);
void expectObject(Reporter& r, const Json& value, const std::string& pointer, std::string_view field, Language language);
void expectStringArray(Reporter& r, const Json& value, const std::string& pointer, std::string_view field, Language language);
/// Path fields: `reference` for ResultPath; `intrinsic` where States.* functions are allowed (ErrorPath, CausePath).
void expectPath(Reporter& r, const Json& value, const std::string& pointer, std::string_view field, bool allowNull,
    bool reference = false, bool intrinsic = false);
/// Parameters, ResultSelector, ItemSelector, Credentials and JSONPath Assign: "name.$" fields hold paths or intrinsic
/// functions, and "name" and "name.$" cannot both be present.
void checkPayloadTemplate(Reporter& r, const Json& value, const std::string& pointer, int depth = 0);
/// Every string in `value` that looks like a JSONata expression is checked ("Comment" members are skipped).
void checkJsonataValues(Reporter& r, const Json& value, const std::string& pointer, int depth = 0);
/// Unknown members of a sub-object (ItemReader, Retry rule, ...).
void expectKnownMembers(Reporter& r, const Json& object, const std::string& pointer, std::string_view what,
    std::initializer_list<std::string_view> known, Severity severity = Severity::Error);
/// At most one of `fields` in `object`; with `required`, exactly one.
void expectExclusive(Reporter& r, const Json& object, const std::string& pointer, std::string_view what,
    std::initializer_list<std::string_view> fields, bool required = false);

// choicerules.cpp
void checkChoiceRules(Reporter& r, const Json& state, const std::string& pointer, Language language);

// retrycatch.cpp
void checkRetriers(Reporter& r, const Json& retry, const std::string& pointer);
void checkCatchers(Reporter& r, const Json& catchers, const std::string& pointer, Language language);

// mapfields.cpp
void checkMapFields(Reporter& r, const Json& state, const std::string& pointer, Language language);
void checkProcessorConfig(Reporter& r, const Json& config, const std::string& pointer);

// taskfields.cpp
void checkResource(Reporter& r, const Json& resource, const std::string& pointer);

} // namespace Stepscope::Validation
