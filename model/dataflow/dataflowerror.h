#pragma once

#include <nlohmann/json.hpp>

#include <QString>

#include <exception>

/// The offline data-flow engine for JSONPath states: paths, payload templates, intrinsic functions, Choice rules,
/// the stages of each state type, error handling and the replay of recorded runs. QtCore and nlohmann_json only.
namespace Stepscope::Dataflow {

/// Payload values keep their keys in the order written (the type definitions use too).
using Json = nlohmann::ordered_json;

/// A runtime failure as Step Functions reports it: an error name ("States.Runtime") and a cause (the message).
struct DataflowError : std::exception {
    DataflowError(QString errorName, QString causeText)
        : error(std::move(errorName))
        , cause(std::move(causeText))
    {
    }
    [[nodiscard]] const char* what() const noexcept override { return "Stepscope::Dataflow::DataflowError"; }
    QString error;
    QString cause;
};

[[nodiscard]] inline DataflowError runtimeError(const QString& cause)
{
    return { QStringLiteral("States.Runtime"), cause };
}
[[nodiscard]] inline DataflowError intrinsicFailure(const QString& cause)
{
    return { QStringLiteral("States.IntrinsicFailure"), cause };
}

/// Compact JSON text of a value, as AWS prints values inside messages.
[[nodiscard]] QString compactText(const Json& value);
/// JSON equality where object members compare by name, whatever their order, and 1 equals 1.0.
[[nodiscard]] bool jsonEquals(const Json& a, const Json& b);
/// Parses JSON text; nullopt (and `problem` set) when it is not JSON.
[[nodiscard]] std::optional<Json> parseJson(const QByteArray& text, QString* problem = nullptr);

} // namespace Stepscope::Dataflow
