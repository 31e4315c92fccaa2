#pragma once

// Internal to the validator: what every check shares (the document, the findings, the query language in force).

#include "sourcedocument.h"

#include <string>
#include <string_view>

namespace Stepscope::Validation {

enum class Language { JSONPath, JSONata };

/// Collects findings with their pointer and position.
class Reporter {
public:
    Reporter(const SourceDocument& doc, Diagnostics& out)
        : m_doc(doc)
        , m_out(out)
    {
    }

    void error(const std::string& pointer, const QString& message) { add(Severity::Error, pointer, message); }
    void warning(const std::string& pointer, const QString& message) { add(Severity::Warning, pointer, message); }
    void add(Severity severity, const std::string& pointer, const QString& message)
    {
        m_out.append({ severity, message, toQString(pointer), m_doc.positionOf(pointer), m_doc.file });
    }

private:
    const SourceDocument& m_doc;
    Diagnostics& m_out;
};

[[nodiscard]] inline std::string child(const std::string& pointer, std::string_view key)
{
    std::string result;
    result.reserve(pointer.size() + key.size() + 1);
    result += pointer;
    result += '/';
    if (key.find_first_of("~/") == std::string_view::npos)
        result += key;
    else
        result += escapePointerToken(std::string(key));
    return result;
}

[[nodiscard]] inline std::string child(const std::string& pointer, size_t index)
{
    return pointer + '/' + std::to_string(index);
}

/// "Name" quoted for messages.
[[nodiscard]] inline QString inQuotes(std::string_view text)
{
    return u'"' + QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())) + u'"';
}

/// The JSON type of a value, for "wrong type" messages.
[[nodiscard]] QString jsonTypeName(const Json& value);

/// A CloudFormation / SAM substitution left in the file: "${Name}" (whole value) or text containing one.
[[nodiscard]] bool isPlaceholder(const Json& value);
[[nodiscard]] bool containsPlaceholder(std::string_view text);
/// A CloudFormation intrinsic object ({"Ref": ...}, {"Fn::GetAtt": ...}) standing in for a value.
[[nodiscard]] bool isIntrinsicObject(const Json& value);

/// A JSONata expression string: "{% ... %}".
[[nodiscard]] bool isJsonataExpression(const Json& value);

} // namespace Stepscope::Validation
