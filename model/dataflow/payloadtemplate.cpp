#include "payloadtemplate.h"

#include "intrinsicfunctions.h"

namespace Stepscope::Dataflow {

namespace {

QString valueTypeName(const Json& v)
{
    switch (v.type()) {
    case Json::value_t::object:
        return QStringLiteral("OBJECT");
    case Json::value_t::array:
        return QStringLiteral("ARRAY");
    case Json::value_t::boolean:
        return QStringLiteral("BOOLEAN");
    case Json::value_t::null:
        return QStringLiteral("NULL");
    case Json::value_t::string:
        return QStringLiteral("STRING");
    default:
        return QStringLiteral("NUMBER");
    }
}

bool isDynamicKey(const std::string& key)
{
    return key.size() > 2 && key.compare(key.size() - 2, 2, ".$") == 0;
}

Json evaluateValue(const Json& value, const PathScope& scope)
{
    if (value.is_object()) {
        Json out = Json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string& key = it.key();
            if (isDynamicKey(key)) {
                if (!it->is_string())
                    throw runtimeError(QStringLiteral("The value for the field '%1' must be a STRING that contains a "
                                                      "JSONPath but was an %2")
                                           .arg(QString::fromStdString(key), valueTypeName(*it)));
                out[key.substr(0, key.size() - 2)]
                    = evaluateDynamicValue(it->get<std::string>(), QString::fromStdString(key), scope);
            } else {
                out[key] = evaluateValue(*it, scope);
            }
        }
        return out;
    }
    if (value.is_array()) {
        Json out = Json::array();
        for (const Json& item : value)
            out.push_back(evaluateValue(item, scope));
        return out;
    }
    return value;
}

} // namespace

Json evaluateDynamicValue(const std::string& expression, const QString& field, const PathScope& scope)
{
    if (isIntrinsicCall(expression))
        return evaluateIntrinsic(expression, scope);
    const JsonPath path = JsonPath::parse(expression);
    std::optional<Json> value = path.find(scope);
    if (!value) {
        const Json* root = path.root() == JsonPath::Root::Input ? scope.input
            : path.root() == JsonPath::Root::Context            ? scope.context
                                                                : scope.variables;
        QString where = path.root() == JsonPath::Root::Input ? QStringLiteral("the input")
            : path.root() == JsonPath::Root::Context         ? QStringLiteral("the context object")
                                                             : QStringLiteral("the variables");
        if (path.root() == JsonPath::Root::Variable
            && (!scope.variables || !scope.variables->is_object() || !scope.variables->contains(path.variable())))
            throw runtimeError(
                QStringLiteral("The JSONPath '%1' specified for the field '%2' could not be found: the "
                               "variable '%3' is not defined")
                    .arg(QString::fromStdString(expression), field, QString::fromStdString(path.variable())));
        throw runtimeError(QStringLiteral("The JSONPath '%1' specified for the field '%2' could not be found in %3 "
                                          "'%4'")
                               .arg(QString::fromStdString(expression), field, where,
                                   root ? compactText(*root) : QStringLiteral("null")));
    }
    return std::move(*value);
}

Json evaluatePayloadTemplate(const Json& payloadTemplate, const PathScope& scope)
{
    return evaluateValue(payloadTemplate, scope);
}

Json makeContextObject(const ContextValues& v)
{
    Json context = Json::object();
    Json execution = Json::object();
    if (!v.executionId.isEmpty())
        execution["Id"] = v.executionId.toStdString();
    if (v.executionInput)
        execution["Input"] = *v.executionInput;
    if (!v.executionName.isEmpty())
        execution["Name"] = v.executionName.toStdString();
    if (!v.roleArn.isEmpty())
        execution["RoleArn"] = v.roleArn.toStdString();
    if (!v.executionStartTime.isEmpty())
        execution["StartTime"] = v.executionStartTime.toStdString();
    if (!execution.empty())
        context["Execution"] = execution;
    Json state = Json::object();
    if (!v.stateEnteredTime.isEmpty())
        state["EnteredTime"] = v.stateEnteredTime.toStdString();
    if (!v.stateName.isEmpty())
        state["Name"] = v.stateName.toStdString();
    if (v.retryCount)
        state["RetryCount"] = *v.retryCount;
    if (!state.empty())
        context["State"] = state;
    Json machine = Json::object();
    if (!v.stateMachineId.isEmpty())
        machine["Id"] = v.stateMachineId.toStdString();
    if (!v.stateMachineName.isEmpty())
        machine["Name"] = v.stateMachineName.toStdString();
    if (!machine.empty())
        context["StateMachine"] = machine;
    if (!v.taskToken.isEmpty())
        context["Task"] = Json { { "Token", v.taskToken.toStdString() } };
    if (v.mapItemIndex || v.mapItemValue) {
        Json item = Json::object();
        if (v.mapItemIndex)
            item["Index"] = *v.mapItemIndex;
        if (v.mapItemValue)
            item["Value"] = *v.mapItemValue;
        context["Map"] = Json { { "Item", item } };
    }
    return context;
}

} // namespace Stepscope::Dataflow
