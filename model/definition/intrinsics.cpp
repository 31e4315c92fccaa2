#include "intrinsics.h"

#include <optional>

namespace Stepscope {

namespace {

/// Replaces each `${Name}` found in `substitutions`; any other placeholder stays as written. With `bangEscapes`
/// (Fn::Sub's own syntax), `${!Literal}` stands for the text `${Literal}`.
std::string replacePlaceholders(std::string_view text, const Substitutions& substitutions, bool bangEscapes)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto open = text.find("${", i);
        if (open == std::string_view::npos)
            break;
        const auto close = text.find('}', open + 2);
        if (close == std::string_view::npos)
            break;
        out.append(text.substr(i, open - i));
        const std::string_view name = text.substr(open + 2, close - open - 2);
        if (bangEscapes && !name.empty() && name.front() == '!') {
            out += "${";
            out.append(name.substr(1));
            out += '}';
        } else if (const auto it = substitutions.find(name); it != substitutions.end()) {
            out += it->second;
        } else {
            out.append(text.substr(open, close - open + 1));
        }
        i = close + 1;
    }
    out.append(text.substr(i));
    return out;
}

} // namespace

bool isIntrinsic(const Json& value)
{
    if (!value.is_object() || value.size() != 1)
        return false;
    const std::string& key = value.begin().key();
    // Not "Condition": inside a definition that is a JSONata Choice rule's field, not a function.
    return key == "Ref" || key.rfind("Fn::", 0) == 0;
}

std::optional<std::string> literalText(const Json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number() || value.is_boolean())
        return value.dump();
    return std::nullopt;
}

std::string intrinsicText(const Json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (!isIntrinsic(value))
        return value.dump(-1, ' ', false, Json::error_handler_t::replace);
    const std::string& function = value.begin().key();
    const Json& argument = value.begin().value();
    if (function == "Ref" && argument.is_string())
        return "${" + argument.get<std::string>() + "}";
    if (function == "Fn::GetAtt") {
        if (argument.is_string())
            return "${" + argument.get<std::string>() + "}";
        if (argument.is_array()) {
            std::string name;
            for (const Json& part : argument) {
                if (!name.empty())
                    name += '.';
                name += intrinsicText(part);
            }
            return "${" + name + "}";
        }
    }
    if (function == "Fn::Join" && argument.is_array() && argument.size() == 2 && argument[1].is_array()) {
        const std::string delimiter = argument[0].is_string() ? argument[0].get<std::string>() : std::string();
        std::string joined;
        bool first = true;
        for (const Json& part : argument[1]) {
            if (!first)
                joined += delimiter;
            first = false;
            joined += intrinsicText(part);
        }
        return joined;
    }
    if (function == "Fn::Sub") {
        if (argument.is_string())
            return replacePlaceholders(argument.get_ref<const std::string&>(), {}, true);
        if (argument.is_array() && !argument.empty() && argument[0].is_string()) {
            Substitutions variables;
            if (argument.size() > 1 && argument[1].is_object()) {
                for (const auto& [name, variable] : argument[1].items()) {
                    // A variable bound to Ref/GetAtt reads better as what it points to: ${MyFunction.Arn}.
                    variables.emplace(name, intrinsicText(variable));
                }
            }
            return replacePlaceholders(argument[0].get_ref<const std::string&>(), variables, true);
        }
    }
    if (function == "Fn::ImportValue")
        return "${ImportValue:" + intrinsicText(argument) + "}";
    return "${" + function + "}";
}

std::string applySubstitutions(std::string_view text, const Substitutions& substitutions)
{
    if (substitutions.empty() || text.find("${") == std::string_view::npos)
        return std::string(text);
    return replacePlaceholders(text, substitutions, false);
}

void resolveIntrinsics(Json& value, const Substitutions& substitutions)
{
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        if (!substitutions.empty() && text.find("${") != std::string::npos)
            value = applySubstitutions(text, substitutions);
    } else if (isIntrinsic(value)) {
        value = applySubstitutions(intrinsicText(value), substitutions);
    } else if (value.is_structured()) {
        for (Json& child : value)
            resolveIntrinsics(child, substitutions);
    }
}

} // namespace Stepscope
