#include "statestages.h"

#include "payloadtemplate.h"

#include <QDateTime>

#include <cmath>

namespace Stepscope::Dataflow {

namespace {

JsonataStateEvaluator& jsonataEvaluator()
{
    static JsonataStateEvaluator evaluator;
    return evaluator;
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

/// Runs the stages in order, stopping at the first error.
class StageRunner {
public:
    StageRunner(const StateRequest& request, StateEvaluation& out)
        : m_request(request)
        , m_out(out)
    {
        m_scope.context = &m_request.context;
        m_scope.variables = &m_request.variables;
        m_scope.volatileUses = &m_out.volatileUses;
    }

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] const DataflowError& error() const { return *m_error; }

    /// Adds a stage computed by `compute`; after a failure the stage is marked not reached.
    template <typename F> bool stage(const QString& name, const QString& field, F&& compute)
    {
        Stage s;
        s.name = name;
        s.field = field;
        if (m_error) {
            s.status = Stage::Status::NotReached;
            s.note = QStringLiteral("an earlier stage failed");
            m_out.stages.push_back(std::move(s));
            return false;
        }
        try {
            s.value = compute();
            s.status = Stage::Status::Computed;
            m_out.stages.push_back(std::move(s));
            return true;
        } catch (const DataflowError& e) {
            fail(s, e);
        } catch (const std::exception& e) {
            fail(s, runtimeError(QStringLiteral("%1: %2").arg(name, QString::fromUtf8(e.what()))));
        }
        return false;
    }

    void unknown(const QString& name, const QString& field, const QString& note)
    {
        Stage s;
        s.name = name;
        s.field = field;
        s.status = m_error ? Stage::Status::NotReached : Stage::Status::Unknown;
        s.note = m_error ? QStringLiteral("an earlier stage failed") : note;
        m_out.stages.push_back(std::move(s));
    }

    void failWith(const QString& name, const QString& field, const DataflowError& e)
    {
        Stage s;
        s.name = name;
        s.field = field;
        fail(s, e);
    }

    PathScope scopeOf(const Json& input) const
    {
        PathScope scope = m_scope;
        scope.input = &input;
        return scope;
    }

    Json path(const Json& state, const char* field, const Json& input, const Json& whenNull)
    {
        if (!state.contains(field))
            return input;
        const Json& p = state[field];
        if (p.is_null())
            return whenNull;
        if (!p.is_string())
            throw runtimeError(QStringLiteral("%1 must be a path string or null").arg(QLatin1String(field)));
        return JsonPath::parse(p.get<std::string>()).evaluate(scopeOf(input));
    }

    Json templateOf(const Json& payloadTemplate, const Json& input)
    {
        return evaluatePayloadTemplate(payloadTemplate, scopeOf(input));
    }

private:
    void fail(Stage& s, const DataflowError& e)
    {
        DataflowError full = e;
        if (full.error == QLatin1String("States.Runtime") || full.error == QLatin1String("States.IntrinsicFailure")) {
            QString prefix
                = QStringLiteral("An error occurred while executing the state '%1'").arg(m_request.stateName);
            if (m_request.enteredEventId)
                prefix += QStringLiteral(" (entered at the event id #%1)").arg(*m_request.enteredEventId);
            full.cause = prefix + QStringLiteral(". ") + full.cause;
        }
        s.status = Stage::Status::Failed;
        s.error = full.error;
        s.cause = full.cause;
        m_out.failedStage = s.name;
        m_out.stages.push_back(s);
        m_error = full;
    }

    const StateRequest& m_request;
    StateEvaluation& m_out;
    PathScope m_scope;
    std::optional<DataflowError> m_error;
};

size_t payloadSize(const Json& v)
{
    return v.dump(-1, ' ', false, Json::error_handler_t::replace).size();
}

/// A lower bound of the compact JSON size: the text without escapes (escaping only makes it longer, at most 6×).
size_t minimumSize(const Json& v)
{
    switch (v.type()) {
    case Json::value_t::object: {
        size_t n = 2 + (v.empty() ? 0 : v.size() - 1);
        for (auto it = v.begin(); it != v.end(); ++it)
            n += it.key().size() + 3 + minimumSize(*it);
        return n;
    }
    case Json::value_t::array: {
        size_t n = 2 + (v.empty() ? 0 : v.size() - 1);
        for (const Json& item : v)
            n += minimumSize(item);
        return n;
    }
    case Json::value_t::string:
        return v.get_ref<const std::string&>().size() + 2;
    default:
        return 1;
    }
}

void checkSize(const Json& v, const QString& what, const QString& stateName)
{
    // Serialising every payload to measure it would cost more than the rest of the evaluation: only values that may
    // be over the limit are measured exactly.
    const size_t atLeast = minimumSize(v);
    if (atLeast * 6 + 64 < MaxPayloadBytes)
        return;
    if (atLeast > MaxPayloadBytes || payloadSize(v) > MaxPayloadBytes)
        throw DataflowError(QStringLiteral("States.DataLimitExceeded"),
            QStringLiteral("The state/task '%1' returned a result with a size exceeding the maximum number of bytes "
                           "service limit. (%2 is over 256 KiB)")
                .arg(stateName, what));
}

Json resultPathApply(const Json& state, const char* field, const Json& rawInput, const Json& result)
{
    if (!state.contains(field))
        return result; // default "$"
    const Json& p = state[field];
    if (p.is_null())
        return rawInput;
    if (!p.is_string())
        throw runtimeError(QStringLiteral("ResultPath must be a reference path string or null"));
    const JsonPath path = JsonPath::parse(p.get<std::string>());
    Json out = rawInput;
    path.assign(out, result);
    return out;
}

QString nextOf(const Json& state)
{
    return qs(state.value("Next", std::string()));
}

// Assign: each member is a value or (".$") a path / intrinsic, evaluated against `input`; every assignment reads the
// variables as they were before the state (they are assigned together).
Json evaluateAssign(const Json& assign, StageRunner& runner, const Json& input)
{
    if (!assign.is_object())
        throw runtimeError(QStringLiteral("Assign must be an object"));
    return runner.templateOf(assign, input);
}

void applyAssigned(StateEvaluation& out, const StateRequest& request, const Json& assigned)
{
    out.assigned = assigned;
    out.variables = request.variables;
    for (auto it = assigned.begin(); it != assigned.end(); ++it)
        out.variables[it.key()] = *it;
}

} // namespace

QString stageStatusName(Stage::Status status)
{
    switch (status) {
    case Stage::Status::Computed:
        return QStringLiteral("computed");
    case Stage::Status::Failed:
        return QStringLiteral("failed");
    case Stage::Status::NotReached:
        return QStringLiteral("not reached");
    case Stage::Status::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString evaluationStatusKey(EvaluationStatus status)
{
    switch (status) {
    case EvaluationStatus::Succeeded:
        return QStringLiteral("SUCCEEDED");
    case EvaluationStatus::Failed:
        return QStringLiteral("FAILED");
    case EvaluationStatus::CaughtError:
        return QStringLiteral("CAUGHT_ERROR");
    case EvaluationStatus::Retriable:
        return QStringLiteral("RETRIABLE");
    case EvaluationStatus::NotEvaluated:
        return QStringLiteral("NOT_EVALUATED");
    }
    return {};
}

void setJsonataStateEvaluator(JsonataStateEvaluator evaluator)
{
    jsonataEvaluator() = std::move(evaluator);
}

const Stage* StateEvaluation::stage(const QString& name) const
{
    for (const Stage& s : stages) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

Json StateEvaluation::inspectionData() const
{
    Json data = Json::object();
    for (const Stage& s : stages) {
        if (s.status != Stage::Status::Computed || s.name == QLatin1String("output") || s.name == QLatin1String("wait")
            || s.name == QLatin1String("error") || s.name == QLatin1String("cause"))
            continue;
        if (s.name == QLatin1String("variables"))
            continue;
        data[s.name.toStdString()] = s.value;
    }
    if (!variables.empty() || !assigned.empty())
        data["variables"] = variables;
    if (errorDecision)
        data["errorDetails"] = errorDecision->errorDetails();
    if (choice) {
        Json c = Json::object();
        c["matchedRule"] = choice->matchedRule >= 0 ? Json(choice->matchedRule) : Json(nullptr);
        c["defaultTaken"] = choice->defaultTaken;
        c["reason"] = choice->reason.toStdString();
        Json rules = Json::array();
        const std::function<Json(const RuleEvaluation&)> ruleJson = [&](const RuleEvaluation& r) {
            Json j = { { "rule", r.text.toStdString() }, { "result", r.result } };
            if (!r.variable.isEmpty())
                j["variableValue"] = r.variableValue ? *r.variableValue : Json(nullptr);
            if (r.operand)
                j["operand"] = *r.operand;
            if (!r.children.empty()) {
                Json children = Json::array();
                for (const RuleEvaluation& c : r.children)
                    children.push_back(ruleJson(c));
                j["rules"] = children;
            }
            return j;
        };
        for (const RuleEvaluation& r : choice->rules)
            rules.push_back(ruleJson(r));
        c["rules"] = rules;
        data["choice"] = c;
    }
    return data;
}

Json StateEvaluation::toJson() const
{
    Json j = Json::object();
    j["status"] = evaluationStatusKey(status).toStdString();
    j["nextState"] = nextState.isEmpty() ? Json(nullptr) : Json(nextState.toStdString());
    j["output"] = output ? *output : Json(nullptr);
    j["error"] = error.isEmpty() ? Json(nullptr) : Json(error.toStdString());
    j["cause"] = cause.isEmpty() ? Json(nullptr) : Json(cause.toStdString());
    if (!notEvaluatedReason.isEmpty())
        j["notEvaluatedReason"] = notEvaluatedReason.toStdString();
    j["inspectionData"] = inspectionData();
    Json list = Json::array();
    for (const Stage& s : stages) {
        Json st = { { "stage", s.name.toStdString() }, { "status", stageStatusName(s.status).toStdString() } };
        if (!s.field.isEmpty())
            st["field"] = s.field.toStdString();
        if (s.status == Stage::Status::Computed)
            st["value"] = s.value;
        if (!s.error.isEmpty()) {
            st["error"] = s.error.toStdString();
            st["cause"] = s.cause.toStdString();
        }
        if (!s.note.isEmpty())
            st["note"] = s.note.toStdString();
        list.push_back(std::move(st));
    }
    j["stages"] = list;
    return j;
}

StateEvaluation evaluateState(const StateRequest& request)
{
    StateEvaluation out;
    out.variables = request.variables;
    const Json& state = request.state;
    if (request.jsonata) {
        if (jsonataEvaluator())
            return jsonataEvaluator()(request);
        out.status = EvaluationStatus::NotEvaluated;
        out.notEvaluatedReason = QStringLiteral("JSONata: not evaluated yet");
        return out;
    }
    const std::string type = state.value("Type", std::string());
    StageRunner run(request, out);
    const Json& raw = request.input;

    run.stage(QStringLiteral("input"), {}, [&] {
        checkSize(raw, QStringLiteral("the input"), request.stateName);
        return raw;
    });

    if (type == "Fail") {
        run.stage(QStringLiteral("error"),
            state.contains("ErrorPath") ? QStringLiteral("ErrorPath") : QStringLiteral("Error"), [&]() -> Json {
                if (state.contains("ErrorPath"))
                    return evaluateDynamicValue(
                        state["ErrorPath"].get<std::string>(), QStringLiteral("ErrorPath"), run.scopeOf(raw));
                return state.value("Error", Json(nullptr));
            });
        run.stage(QStringLiteral("cause"),
            state.contains("CausePath") ? QStringLiteral("CausePath") : QStringLiteral("Cause"), [&]() -> Json {
                if (state.contains("CausePath"))
                    return evaluateDynamicValue(
                        state["CausePath"].get<std::string>(), QStringLiteral("CausePath"), run.scopeOf(raw));
                return state.value("Cause", Json(nullptr));
            });
        if (!run.failed()) {
            out.status = EvaluationStatus::Failed;
            const Json& e = out.stage(QStringLiteral("error"))->value;
            const Json& c = out.stage(QStringLiteral("cause"))->value;
            out.error = e.is_string() ? qs(e.get<std::string>()) : e.is_null() ? QString() : compactText(e);
            out.cause = c.is_string() ? qs(c.get<std::string>()) : c.is_null() ? QString() : compactText(c);
            return out;
        }
    }

    Json effective;
    if (!run.failed() && type != "Fail")
        run.stage(QStringLiteral("afterInputPath"), QStringLiteral("InputPath"), [&] {
            effective = run.path(state, "InputPath", raw, Json::object());
            return effective;
        });

    std::optional<Json> assignInput; // what `$` is for Assign
    Json beforeOutput; // what OutputPath reads
    bool needsResult = false;

    if (type == "Task" || type == "Pass" || type == "Parallel" || type == "Map") {
        Json afterParameters = effective;
        Json result;
        if (type == "Map") {
            Json items;
            const bool reader = state.contains("ItemReader");
            if (reader) {
                run.unknown(QStringLiteral("afterItemsPath"), QStringLiteral("ItemReader"),
                    QStringLiteral("the items come from the ItemReader (read at run time)"));
            } else {
                run.stage(QStringLiteral("afterItemsPath"), QStringLiteral("ItemsPath"), [&] {
                    items = run.path(state, "ItemsPath", effective, Json::object());
                    if (!items.is_array())
                        throw runtimeError(
                            QStringLiteral("Map state input must be an array but was: %1").arg(compactText(items)));
                    return items;
                });
            }
            // MaxConcurrency and the tolerated failures, as TestState's inspection data reports them.
            const auto mapNumber = [&](const char* field, const char* name, double max) {
                const std::string pathField = std::string(field) + "Path";
                if (!state.contains(field) && !state.contains(pathField))
                    return;
                run.stage(QLatin1String(name), QString::fromStdString(state.contains(field) ? field : pathField), [&] {
                    const bool viaPath = !state.contains(field);
                    const Json v = !viaPath ? state[field]
                                            : evaluatePath(state[pathField].get<std::string>(), run.scopeOf(effective));
                    const bool integer = max != 100;
                    if (viaPath && integer && !v.is_number_integer() && !v.is_number_unsigned())
                        throw runtimeError(
                            QStringLiteral("The %1 field refers to value %2 which is not a valid integer: %3")
                                .arg(QString::fromStdString(pathField), compactText(v),
                                    QString::fromStdString(state[pathField].get<std::string>())));
                    if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > max)
                        throw runtimeError(max == 100
                                ? QStringLiteral("%1 must be between 0 and 100.").arg(QLatin1String(field))
                                : QStringLiteral("%1 must be a non-negative number, not %2")
                                      .arg(QLatin1String(field), compactText(v)));
                    return v;
                });
            };
            mapNumber("MaxConcurrency", "maxConcurrency", 1e18);
            mapNumber("ToleratedFailureCount", "toleratedFailureCount", 1e18);
            mapNumber("ToleratedFailurePercentage", "toleratedFailurePercentage", 100);
            const Json* selector = state.contains("ItemSelector") ? &state["ItemSelector"]
                : state.contains("Parameters")                    ? &state["Parameters"]
                                                                  : nullptr;
            Json selected;
            if (reader) {
                run.unknown(QStringLiteral("afterItemSelector"), QStringLiteral("ItemSelector"),
                    QStringLiteral("the items come from the ItemReader"));
            } else {
                run.stage(QStringLiteral("afterItemSelector"),
                    state.contains("ItemSelector") ? QStringLiteral("ItemSelector") : QStringLiteral("Parameters"),
                    [&] {
                        selected = Json::array();
                        for (size_t i = 0; i < items.size(); ++i) {
                            if (!selector) {
                                selected.push_back(items[i]);
                                continue;
                            }
                            Json context = request.context;
                            context["Map"] = Json { { "Item", { { "Index", i }, { "Value", items[i] } } } };
                            PathScope scope = run.scopeOf(effective);
                            scope.context = &context;
                            selected.push_back(evaluatePayloadTemplate(*selector, scope));
                        }
                        return selected;
                    });
            }
            if (state.contains("ItemBatcher") && !reader) {
                run.stage(QStringLiteral("afterItemBatcher"), QStringLiteral("ItemBatcher"), [&] {
                    const Json& b = state["ItemBatcher"];
                    long long maxItems = b.value("MaxItemsPerBatch", 0LL);
                    if (b.contains("MaxItemsPerBatchPath"))
                        maxItems = evaluatePath(b["MaxItemsPerBatchPath"].get<std::string>(), run.scopeOf(effective))
                                       .get<long long>();
                    long long maxBytes = b.value("MaxInputBytesPerBatch", 0LL);
                    if (b.contains("MaxInputBytesPerBatchPath"))
                        maxBytes
                            = evaluatePath(b["MaxInputBytesPerBatchPath"].get<std::string>(), run.scopeOf(effective))
                                  .get<long long>();
                    std::optional<Json> batchInput;
                    if (b.contains("BatchInput"))
                        batchInput = run.templateOf(b["BatchInput"], effective);
                    Json batches = Json::array();
                    Json current = Json::array();
                    size_t bytes = 0;
                    const auto flush = [&] {
                        if (current.empty())
                            return;
                        Json batch = Json::object();
                        if (batchInput)
                            batch["BatchInput"] = *batchInput;
                        batch["Items"] = current;
                        batches.push_back(std::move(batch));
                        current = Json::array();
                        bytes = 0;
                    };
                    for (const Json& item : selected) {
                        const size_t size = payloadSize(item);
                        if (!current.empty()
                            && ((maxItems > 0 && static_cast<long long>(current.size()) >= maxItems)
                                || (maxBytes > 0 && static_cast<long long>(bytes + size) > maxBytes)))
                            flush();
                        current.push_back(item);
                        bytes += size;
                    }
                    flush();
                    return batches;
                });
            }
        } else if (state.contains("Parameters")) {
            run.stage(QStringLiteral("afterParameters"), QStringLiteral("Parameters"), [&] {
                afterParameters = run.templateOf(state["Parameters"], effective);
                return afterParameters;
            });
        }

        if (type == "Pass") {
            run.stage(QStringLiteral("result"), state.contains("Result") ? QStringLiteral("Result") : QString(), [&] {
                result = state.contains("Result") ? state["Result"] : afterParameters;
                return result;
            });
        } else if (request.error) {
            if (!run.failed())
                run.failWith(
                    QStringLiteral("result"), QStringLiteral("Resource"), DataflowError(*request.error, request.cause));
        } else if (request.result) {
            run.stage(QStringLiteral("result"), type == "Task" ? QStringLiteral("Resource") : QString(), [&] {
                checkSize(*request.result, QStringLiteral("the result"), request.stateName);
                result = *request.result;
                return result;
            });
        } else {
            needsResult = !run.failed();
            run.unknown(QStringLiteral("result"), {},
                type == "Task" ? QStringLiteral("no task result or error was given")
                               : QStringLiteral("no result was given (the iterations' or branches' outputs)"));
        }
        if (!needsResult) {
            Json selected = result;
            if (state.contains("ResultSelector"))
                run.stage(QStringLiteral("afterResultSelector"), QStringLiteral("ResultSelector"), [&] {
                    selected = run.templateOf(state["ResultSelector"], result);
                    return selected;
                });
            assignInput = selected;
            if (state.contains("Assign"))
                run.stage(QStringLiteral("variables"), QStringLiteral("Assign"), [&] {
                    const Json assigned = evaluateAssign(state["Assign"], run, selected);
                    applyAssigned(out, request, assigned);
                    return assigned;
                });
            run.stage(QStringLiteral("afterResultPath"), QStringLiteral("ResultPath"), [&] {
                beforeOutput = resultPathApply(state, "ResultPath", raw, selected);
                return beforeOutput;
            });
        }
    } else if (type == "Choice") {
        if (!run.failed()) {
            run.stage(QStringLiteral("choice"), QStringLiteral("Choices"), [&] {
                out.choice = evaluateChoiceState(state, run.scopeOf(effective));
                return Json(out.choice->reason.toStdString());
            });
        }
        beforeOutput = effective;
        const Json* assign = nullptr;
        if (out.choice) {
            if (out.choice->matchedRule >= 0) {
                const Json& rule = state["Choices"][size_t(out.choice->matchedRule)];
                if (rule.contains("Assign"))
                    assign = &rule["Assign"];
            } else if (state.contains("Assign")) {
                assign = &state["Assign"];
            }
        }
        if (assign)
            run.stage(QStringLiteral("variables"), QStringLiteral("Assign"), [&] {
                const Json assigned = evaluateAssign(*assign, run, effective);
                applyAssigned(out, request, assigned);
                return assigned;
            });
    } else if (type == "Wait") {
        run.stage(QStringLiteral("wait"),
            state.contains("SecondsPath")         ? QStringLiteral("SecondsPath")
                : state.contains("TimestampPath") ? QStringLiteral("TimestampPath")
                : state.contains("Timestamp")     ? QStringLiteral("Timestamp")
                                                  : QStringLiteral("Seconds"),
            [&]() -> Json {
                if (state.contains("SecondsPath")) {
                    const std::string p = state["SecondsPath"].get<std::string>();
                    const std::optional<Json> v = JsonPath::parse(p).find(run.scopeOf(effective));
                    if (!v)
                        throw runtimeError(
                            QStringLiteral("The SecondsPath parameter does not reference an input value: %1")
                                .arg(qs(p)));
                    if (!v->is_number_integer() && !v->is_number_unsigned())
                        throw runtimeError(QStringLiteral("The SecondsPath parameter does not reference a valid "
                                                          "integer value: %1 == %2")
                                               .arg(qs(p), compactText(*v)));
                    if (v->get<long long>() < 0)
                        throw runtimeError(QStringLiteral("The SecondsPath parameter references a negative value: "
                                                          "%1 == %2")
                                               .arg(qs(p), compactText(*v)));
                    return Json { { "seconds", *v } };
                }
                if (state.contains("TimestampPath") || state.contains("Timestamp")) {
                    Json v;
                    QString timestampPath;
                    if (state.contains("TimestampPath")) {
                        const std::string p = state["TimestampPath"].get<std::string>();
                        const std::optional<Json> found = JsonPath::parse(p).find(run.scopeOf(effective));
                        if (!found)
                            throw runtimeError(
                                QStringLiteral("The TimestampPath parameter does not reference an input value: %1")
                                    .arg(qs(p)));
                        v = *found;
                        timestampPath = qs(p);
                    } else {
                        v = state["Timestamp"];
                    }
                    const QString text = v.is_string() ? qs(v.get<std::string>()) : compactText(v);
                    if ((!v.is_string() || !parseTimestampMs(text)) && !timestampPath.isEmpty())
                        throw runtimeError(QStringLiteral("The TimestampPath parameter does not reference a valid "
                                                          "ISO-8601 extended offset date-time format string: %1 == %2")
                                               .arg(timestampPath, text));
                    if (!v.is_string() || !parseTimestampMs(text))
                        throw runtimeError(QStringLiteral("The Timestamp field cannot be parsed as an ISO-8601 "
                                                          "extended offset date-time format string: %1")
                                               .arg(text));
                    return Json { { "timestamp", v } };
                }
                return Json { { "seconds", state.value("Seconds", Json(0)) } };
            });
        beforeOutput = effective;
        if (state.contains("Assign"))
            run.stage(QStringLiteral("variables"), QStringLiteral("Assign"), [&] {
                const Json assigned = evaluateAssign(state["Assign"], run, effective);
                applyAssigned(out, request, assigned);
                return assigned;
            });
    } else if (type == "Succeed") {
        beforeOutput = effective;
    } else if (type != "Fail" && !run.failed()) {
        run.failWith(QStringLiteral("input"), QStringLiteral("Type"),
            runtimeError(QStringLiteral("the state type '%1' is not known").arg(qs(type))));
    }

    if (needsResult) {
        run.unknown(QStringLiteral("output"), QStringLiteral("OutputPath"), QStringLiteral("no result"));
        out.status = EvaluationStatus::NotEvaluated;
        out.notEvaluatedReason = type == "Task"
            ? QStringLiteral("a Task needs its result (--result) or the error of its attempt (--error)")
            : QStringLiteral("a %1 state needs its result (--result): the outputs of its %2")
                  .arg(qs(type), type == "Map" ? QStringLiteral("iterations") : QStringLiteral("branches"));
        return out;
    }

    if (type != "Fail" || run.failed()) {
        if (type != "Fail")
            run.stage(QStringLiteral("output"), QStringLiteral("OutputPath"), [&] {
                Json output = run.path(state, "OutputPath", beforeOutput, Json::object());
                checkSize(output, QStringLiteral("the output"), request.stateName);
                return output;
            });
    }

    if (!run.failed()) {
        out.status = EvaluationStatus::Succeeded;
        out.output = out.stage(QStringLiteral("output"))->value;
        out.nextState = out.choice ? out.choice->nextState : nextOf(state);
        return out;
    }

    // The error: Retry, Catch or fail, as the state's rules say.
    const DataflowError& e = run.error();
    out.error = e.error;
    out.cause = e.cause;
    out.errorDecision = decideError(state, e.error, request.retryCount);
    switch (out.errorDecision->outcome) {
    case ErrorDecision::Outcome::Retry:
        out.status = EvaluationStatus::Retriable;
        break;
    case ErrorDecision::Outcome::Fail:
        out.status = EvaluationStatus::Failed;
        break;
    case ErrorDecision::Outcome::Catch: {
        const Json& catcher = state["Catch"][size_t(out.errorDecision->catchIndex)];
        const Json errorOutput = { { "Error", e.error.toStdString() }, { "Cause", e.cause.toStdString() } };
        try {
            if (catcher.contains("Assign")) {
                PathScope scope;
                scope.input = &errorOutput;
                scope.context = &request.context;
                scope.variables = &request.variables;
                scope.volatileUses = &out.volatileUses;
                applyAssigned(out, request, evaluatePayloadTemplate(catcher["Assign"], scope));
            }
            out.output = resultPathApply(catcher, "ResultPath", raw, errorOutput);
            out.status = EvaluationStatus::CaughtError;
            out.nextState = out.errorDecision->nextState;
        } catch (const DataflowError& catchError) {
            out.status = EvaluationStatus::Failed;
            out.error = catchError.error;
            out.cause = catchError.cause;
        }
        break;
    }
    }
    return out;
}

} // namespace Stepscope::Dataflow
