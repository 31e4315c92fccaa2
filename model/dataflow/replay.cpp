#include "replay.h"

#include "payloadtemplate.h"

#include "document/runindex.h"


namespace Stepscope::Dataflow {

namespace {

bool isKnownContext(const std::string& use)
{
    for (const char* known : { "$$.Execution.Input", "$$.State.Name", "$$.State.RetryCount", "$$['Execution']['Input']",
             "$$['State']['Name']" }) {
        if (use.rfind(known, 0) == 0)
            return true;
    }
    return false;
}

QString shortJson(const Json& v, int limit = 300)
{
    QString t = compactText(v);
    return t.size() > limit ? t.left(limit) + QStringLiteral("…") : t;
}

/// Where two values first differ, as a path ("$.a.b[2]"), and whether the difference is in shape (members that one
/// side has and the other lacks) rather than in values.
QString firstDifference(const Json& a, const Json& b, const QString& at, bool& shape)
{
    if (a.is_object() && b.is_object()) {
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!b.contains(it.key())) {
                shape = true;
                return at + u'.' + QString::fromStdString(it.key());
            }
        }
        for (auto it = b.begin(); it != b.end(); ++it) {
            if (!a.contains(it.key())) {
                shape = true;
                return at + u'.' + QString::fromStdString(it.key());
            }
        }
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!jsonEquals(*it, b[it.key()]))
                return firstDifference(*it, b[it.key()], at + u'.' + QString::fromStdString(it.key()), shape);
        }
        return at;
    }
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size()) {
            shape = true;
            return at;
        }
        for (size_t i = 0; i < a.size(); ++i) {
            if (!jsonEquals(a[i], b[i]))
                return firstDifference(a[i], b[i], at + QStringLiteral("[%1]").arg(i), shape);
        }
        return at;
    }
    shape = shape || a.type() != b.type();
    return at;
}

/// Equality of a recorded and a computed value. A string holding JSON text equals another holding the same JSON:
/// recorders (LocalStack) parsed JSON payloads and wrote them again, so only the text's layout can differ.
bool recordedEquals(const Json& recorded, const Json& computed)
{
    if (recorded.is_string() && computed.is_string()) {
        if (recorded == computed)
            return true;
        const std::string& a = recorded.get_ref<const std::string&>();
        const std::string& b = computed.get_ref<const std::string&>();
        if (a.empty() || b.empty() || (a.front() != '{' && a.front() != '[') || (b.front() != '{' && b.front() != '['))
            return false;
        const std::optional<Json> x = parseJson(QByteArray::fromStdString(a));
        const std::optional<Json> y = parseJson(QByteArray::fromStdString(b));
        return x && y && jsonEquals(*x, *y);
    }
    if (recorded.is_object() && computed.is_object()) {
        if (recorded.size() != computed.size())
            return false;
        for (auto it = recorded.begin(); it != recorded.end(); ++it) {
            const auto other = computed.find(it.key());
            if (other == computed.end() || !recordedEquals(*it, *other))
                return false;
        }
        return true;
    }
    if (recorded.is_array() && computed.is_array()) {
        if (recorded.size() != computed.size())
            return false;
        for (size_t i = 0; i < recorded.size(); ++i) {
            if (!recordedEquals(recorded[i], computed[i]))
                return false;
        }
        return true;
    }
    return jsonEquals(recorded, computed);
}

/// A cause as text: recorders sometimes parsed a JSON cause into an object; it is written back compactly.
QString causeText(const Payload& cause)
{
    if (!cause.isPresent())
        return {};
    if (cause.encoding() == Payload::Encoding::Raw) {
        if (const std::optional<Json> value = payloadJson(cause); value && !value->is_string())
            return compactText(*value);
    }
    return cause.toString();
}

std::optional<Json> decodeAssigned(const Payload& payload)
{
    std::optional<Json> raw = payloadJson(payload);
    if (!raw || !raw->is_object())
        return raw;
    Json out = Json::object();
    for (auto it = raw->begin(); it != raw->end(); ++it) {
        if (it->is_string()) {
            std::optional<Json> value = parseJson(QByteArray::fromStdString(it->get<std::string>()));
            out[it.key()] = value ? *value : *it;
        } else {
            out[it.key()] = *it;
        }
    }
    return out;
}

const StateRun* lastStateRun(const StateRun& container)
{
    for (auto it = container.children.rbegin(); it != container.children.rend(); ++it) {
        if (it->kind == RunKind::State)
            return &*it;
    }
    return nullptr;
}

class Replayer {
public:
    Replayer(const Execution& execution, const Workflow& workflow, ExecutionReplay& out)
        : m_execution(execution)
        , m_workflow(workflow)
        , m_runs(execution, workflow)
        , m_out(out)
    {
        m_executionInput = payloadJson(execution.input);
    }

    void walk(const std::vector<StateRun>& runs, Json variables)
    {
        for (size_t i = 0; i < runs.size(); ++i) {
            const StateRun& run = runs[i];
            if (run.kind != RunKind::State)
                continue;
            const StateRun* next = nullptr;
            for (size_t j = i + 1; j < runs.size() && !next; ++j) {
                if (runs[j].kind == RunKind::State)
                    next = &runs[j];
            }
            const Json before = variables;
            replayRun(run, next, variables);
            if (const std::optional<Json> assigned = decodeAssigned(run.assignedVariables);
                assigned && assigned->is_object()) {
                for (auto it = assigned->begin(); it != assigned->end(); ++it)
                    variables[it.key()] = *it;
            }
            // Branches and iterations see the variables of the scope around them as the state was entered; what they
            // assign stays inside them.
            for (const StateRun& child : run.children)
                walk(child.children, before);
        }
    }

private:
    void notReplayable(RunReplay& r, const QString& reason)
    {
        r.replayed = false;
        r.notReplayableReason = reason;
        ++m_out.summary.notReplayable;
        ++m_out.summary.notReplayableReasons[reason];
    }

    std::optional<Json> containerResults(const StateRun& run, const State& state, QString& problem)
    {
        Json results = Json::array();
        if (state.type == StateType::Map) {
            std::vector<const StateRun*> iterations;
            for (const StateRun& child : run.children) {
                if (child.kind == RunKind::Iteration)
                    iterations.push_back(&child);
            }
            std::sort(iterations.begin(), iterations.end(),
                [](const StateRun* a, const StateRun* b) { return a->index < b->index; });
            if (run.mapLength >= 0 && int(iterations.size()) != run.mapLength) {
                problem = QStringLiteral("Map: not every iteration is in the history");
                return std::nullopt;
            }
            for (const StateRun* iteration : iterations) {
                const StateRun* last = lastStateRun(*iteration);
                std::optional<Json> output = last ? payloadJson(last->output) : std::nullopt;
                if (!output) {
                    problem = QStringLiteral("Map: an iteration's output is not recorded");
                    return std::nullopt;
                }
                results.push_back(*output);
            }
            return results;
        }
        // Parallel: the branches' outputs in the definition's branch order.
        std::vector<std::pair<int, Json>> branches;
        for (const StateRun& child : run.children) {
            if (child.kind != RunKind::Branch)
                continue;
            const StateRun* last = lastStateRun(child);
            std::optional<Json> output = last ? payloadJson(last->output) : std::nullopt;
            if (!output) {
                problem = QStringLiteral("Parallel: a branch's output is not recorded");
                return std::nullopt;
            }
            // The definition branch this branch ran (branches are numbered in the order they were seen).
            int order = child.index;
            if (!child.children.empty()) {
                const StateIndex first = m_runs.stateOfRun(&child.children.front());
                const int branch = first != NoIndex ? int(state.children.indexOf(m_workflow.states[first].container)) : -1;
                if (branch >= 0)
                    order = branch;
            }
            branches.emplace_back(order, *output);
        }
        if (branches.size() != size_t(state.children.size())) {
            problem = QStringLiteral("Parallel: not every branch is in the history");
            return std::nullopt;
        }
        std::sort(branches.begin(), branches.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& b : branches)
            results.push_back(std::move(b.second));
        return results;
    }

    void compare(RunReplay& r, const QString& what, std::optional<Json> recorded, std::optional<Json> computed)
    {
        ReplayComparison c;
        c.what = what;
        c.recorded = std::move(recorded);
        c.computed = std::move(computed);
        if (c.recorded && c.computed)
            c.verdict = recordedEquals(*c.recorded, *c.computed) ? ReplayComparison::Verdict::Agrees
                                                                 : ReplayComparison::Verdict::Disagrees;
        else if (c.recorded)
            c.verdict = ReplayComparison::Verdict::Recorded;
        else
            c.verdict = ReplayComparison::Verdict::Computed;
        if (c.verdict == ReplayComparison::Verdict::Disagrees) {
            bool shape = false;
            const QString at = firstDifference(*c.recorded, *c.computed, QStringLiteral("$"), shape);
            c.note = QStringLiteral("%1 differs at %2: recorded %3, computed %4")
                         .arg(what, at, shortJson(*c.recorded), shortJson(*c.computed));
            c.note += shape
                ? QStringLiteral(" — likelier the definition is not the revision that ran (the shape differs)")
                : QStringLiteral(" — likelier the engine is wrong (same shape, different values)");
        }
        r.comparisons.push_back(std::move(c));
    }

    void replayRun(const StateRun& run, const StateRun* next, const Json& variables)
    {
        RunReplay r;
        r.path = run.path();
        r.stateName = run.name;
        r.stateType = run.stateType;
        ++m_out.summary.runs;
        const StateIndex index = m_runs.stateOfRun(&run);
        if (index == NoIndex) {
            notReplayable(r, QStringLiteral("the definition has no such state (another revision?)"));
            m_out.runs.push_back(std::move(r));
            return;
        }
        const State& state = m_workflow.states[index];
        r.stateId = state.id;
        r.stateType = state.typeName;
        if (state.queryLanguage == QueryLanguage::JSONata) {
            notReplayable(r, QStringLiteral("JSONata: not evaluated yet"));
            m_out.runs.push_back(std::move(r));
            return;
        }
        std::optional<Json> input = payloadJson(run.input);
        if (!input) {
            notReplayable(r, QStringLiteral("no input recorded"));
            m_out.runs.push_back(std::move(r));
            return;
        }
        if (run.input.truncated) {
            notReplayable(r, QStringLiteral("input truncated by AWS"));
            m_out.runs.push_back(std::move(r));
            return;
        }
        StateRequest& q = r.request;
        std::optional<std::pair<QString, QString>> containerFailure; // a failed Map / Parallel: the recorded error
        q.state = parseJson(state.json).value_or(Json::object());
        q.stateName = state.name;
        q.input = *input;
        q.variables = variables;
        int retryCount = 0;
        if (state.type == StateType::Task && !run.attempts.isEmpty()) {
            const TaskAttempt& last = run.attempts.last();
            retryCount = int(run.attempts.size()) - 1;
            if (last.failed()) {
                q.error = last.error;
                q.cause = causeText(last.cause);
                q.retryCount = retryCount;
            } else if (last.outcome == AttemptOutcome::Succeeded) {
                q.result = payloadJson(last.output);
                if (!q.result)
                    q.result = Json(nullptr);
            }
        } else if (state.type == StateType::Map || state.type == StateType::Parallel) {
            const bool distributed = state.type == StateType::Map && q.state.contains("ItemProcessor")
                && q.state["ItemProcessor"].value("ProcessorConfig", Json::object()).value("Mode", std::string())
                    == "DISTRIBUTED";
            bool iterations = false;
            for (const StateRun& child : run.children)
                iterations = iterations || child.kind == RunKind::Iteration;
            const bool finished
                = run.status == RunStatus::Succeeded || run.status == RunStatus::Retried || run.output.isPresent();
            if (finished && distributed && !iterations) {
                notReplayable(
                    r, QStringLiteral("distributed Map: its iterations ran in a Map Run, outside this history"));
                m_out.runs.push_back(std::move(r));
                return;
            }
            if (finished) {
                QString problem;
                q.result = containerResults(run, state, problem);
                if (!q.result) {
                    notReplayable(r, problem);
                    m_out.runs.push_back(std::move(r));
                    return;
                }
            } else {
                // A failed Map / Parallel: evaluated without a result, it fails in its own stages (ItemsPath, ...) or
                // stops where the iterations' or branches' failure took over; that failure, when recorded, is then
                // the error its Retry and Catch rules see.
                containerFailure = run.caught
                    ? std::optional<std::pair<QString, QString>>({ run.caught->error, causeText(run.caught->cause) })
                    : !run.error.isEmpty()
                    ? std::optional<std::pair<QString, QString>>({ run.error, causeText(run.cause) })
                    : std::nullopt;
            }
        }
        ContextValues context;
        context.executionInput = m_executionInput;
        context.stateName = state.name;
        context.retryCount = retryCount;
        q.context = makeContextObject(context);
        if (!run.events.isEmpty()) {
            const HistoryEvent& entered = m_execution.events[size_t(run.events.front())];
            if (entered.typeName.endsWith(QLatin1String("StateEntered")) && entered.id >= 0)
                q.enteredEventId = entered.id;
        }

        r.evaluation = evaluateState(q);
        if (r.evaluation.status == EvaluationStatus::NotEvaluated && containerFailure) {
            q.error = containerFailure->first;
            q.cause = containerFailure->second;
            r.evaluation = evaluateState(q);
        }
        const StateEvaluation& ev = r.evaluation;
        if (ev.status == EvaluationStatus::NotEvaluated) {
            const bool running = run.status == RunStatus::Running || run.status == RunStatus::Aborted;
            notReplayable(r,
                running                             ? QStringLiteral("the run did not finish (running or aborted)")
                    : state.type == StateType::Task ? QStringLiteral("no task result or error recorded")
                    : state.type == StateType::Map || state.type == StateType::Parallel
                    ? QStringLiteral("%1 failed in its %2; the error is not recorded on it")
                          .arg(state.typeName,
                              state.type == StateType::Map ? QStringLiteral("iterations") : QStringLiteral("branches"))
                    : ev.notEvaluatedReason);
            m_out.runs.push_back(std::move(r));
            return;
        }
        r.replayed = true;
        ++m_out.summary.replayed;
        for (const std::string& use : ev.volatileUses) {
            if (!isKnownContext(use)) {
                r.isVolatile = true;
                const QString reason = QString::fromStdString(use);
                if (!r.volatileReasons.contains(reason))
                    r.volatileReasons.append(reason);
            }
        }

        // A Wait that stopped on its timestamp where the history shows it waited: the timestamp the history holds is
        // not the one AWS read (recordings replace time values), so the run depends on a time value.
        if (const Stage* wait = ev.stage(QStringLiteral("wait")); wait && wait->status == Stage::Status::Failed
            && wait->field.startsWith(QLatin1String("Timestamp")) && run.output.isPresent()) {
            r.isVolatile = true;
            r.volatileReasons.append(QStringLiteral("Wait %1 (a time value)").arg(wait->field));
        }

        // What the history recorded after the run.
        if (state.type == StateType::Task && !run.attempts.isEmpty() && run.attempts.last().parameters.isPresent()) {
            const Stage* p = ev.stage(QStringLiteral("afterParameters"));
            if (!p)
                p = ev.stage(QStringLiteral("afterInputPath"));
            compare(r, QStringLiteral("parameters"), payloadJson(run.attempts.last().parameters),
                p && p->status == Stage::Status::Computed ? std::optional<Json>(p->value) : std::nullopt);
        }
        std::optional<Json> recordedOutput = payloadJson(run.output);
        if (!recordedOutput && run.caught && next)
            recordedOutput = payloadJson(next->input); // a caught error's output is the next state's input
        // A state's own failure (Fail state, runtime error) is recorded on the execution when nothing caught it.
        QString recordedError = run.error;
        QString recordedCause = causeText(run.cause);
        if (recordedError.isEmpty() && !run.caught && !next && run.containerPath.isEmpty()
            && m_execution.status == ExecutionStatus::Failed && !run.output.isPresent()) {
            recordedError = m_execution.error;
            recordedCause = causeText(m_execution.cause);
        }
        const bool recordedFailure = !recordedError.isEmpty() && !run.caught && !run.output.isPresent();
        if (recordedOutput || ev.output)
            compare(r, QStringLiteral("output"), recordedOutput, ev.output);
        const std::optional<Json> recordedAssigned = decodeAssigned(run.assignedVariables);
        if ((recordedAssigned && !recordedAssigned->empty()) || !ev.assigned.empty())
            compare(r, QStringLiteral("assignedVariables"), recordedAssigned.value_or(Json::object()), ev.assigned);
        if (next && (ev.status == EvaluationStatus::Succeeded || ev.status == EvaluationStatus::CaughtError))
            compare(r, QStringLiteral("nextState"), Json(next->name.toStdString()),
                ev.nextState.isEmpty() ? std::nullopt : std::optional<Json>(Json(ev.nextState.toStdString())));
        if (recordedFailure || ev.status == EvaluationStatus::Failed) {
            compare(r, QStringLiteral("error"),
                recordedFailure ? std::optional<Json>(Json(recordedError.toStdString())) : std::nullopt,
                ev.status == EvaluationStatus::Failed ? std::optional<Json>(Json(ev.error.toStdString()))
                                                      : std::nullopt);
            if (recordedFailure && ev.status == EvaluationStatus::Failed && !recordedCause.isEmpty())
                compare(r, QStringLiteral("cause"), Json(recordedCause.toStdString()), Json(ev.cause.toStdString()));
        }
        if (ev.status == EvaluationStatus::Failed && !recordedFailure && recordedOutput) {
            // The engine failed where AWS went on: the comparison of outputs already disagrees (computed absent).
            r.comparisons.back().note = QStringLiteral("the engine failed: %1: %2").arg(ev.error, ev.cause);
        }

        if (r.isVolatile) {
            for (ReplayComparison& c : r.comparisons) {
                if (c.verdict == ReplayComparison::Verdict::Agrees || c.verdict == ReplayComparison::Verdict::Disagrees)
                    c.verdict = ReplayComparison::Verdict::Volatile;
            }
            ++m_out.summary.volatileRuns;
        } else {
            QStringList notes;
            for (const ReplayComparison& c : r.comparisons) {
                // What the history lacks cannot be contradicted; what the engine failed to compute can.
                const bool missing = c.recorded && !c.computed
                    && (c.what == QLatin1String("output") || c.what == QLatin1String("error")
                        || c.what == QLatin1String("nextState"));
                if (c.verdict == ReplayComparison::Verdict::Disagrees)
                    notes.append(c.note);
                else if (missing)
                    notes.append(QStringLiteral("%1 recorded (%2) but not computed: %3 %4 — likelier the engine is "
                                                "wrong, or the definition is not the revision that ran")
                                     .arg(c.what, shortJson(*c.recorded), evaluationStatusKey(ev.status),
                                         ev.error + (ev.cause.isEmpty() ? QString() : u' ' + ev.cause)));
            }
            r.disagreement = notes.join(QStringLiteral("; "));
            if (r.disagreement.isEmpty())
                ++m_out.summary.agreeing;
            else
                ++m_out.summary.disagreeing;
        }
        m_out.runs.push_back(std::move(r));
    }

    const Execution& m_execution;
    const Workflow& m_workflow;
    const RunIndex m_runs; ///< runs tied to states the way every other view ties them
    ExecutionReplay& m_out;
    std::optional<Json> m_executionInput;
};

} // namespace

std::optional<Json> payloadJson(const Payload& payload)
{
    if (!payload.isPresent())
        return std::nullopt;
    if (payload.encoding() == Payload::Encoding::StringLiteral && !payload.isEncodedTwice()) {
        // JSON text inside a string (how AWS writes payloads): unescaped by the history reader, parsed once here.
        const QByteArray text = payload.text();
        if (std::optional<Json> value = parseJson(text))
            return value;
        return Json(text.toStdString());
    }
    std::optional<Json> value = parseJson(payload.raw());
    if (!value)
        return std::nullopt;
    if (payload.encoding() == Payload::Encoding::StringLiteral && value->is_string()) {
        if (std::optional<Json> inner = parseJson(QByteArray::fromStdString(value->get<std::string>())))
            return inner;
    }
    return value;
}

QString verdictName(ReplayComparison::Verdict verdict)
{
    switch (verdict) {
    case ReplayComparison::Verdict::Recorded:
        return QStringLiteral("recorded");
    case ReplayComparison::Verdict::Computed:
        return QStringLiteral("computed");
    case ReplayComparison::Verdict::Agrees:
        return QStringLiteral("computed-agrees");
    case ReplayComparison::Verdict::Disagrees:
        return QStringLiteral("computed-disagrees");
    case ReplayComparison::Verdict::Volatile:
        return QStringLiteral("volatile");
    }
    return {};
}

bool RunReplay::agrees() const
{
    return replayed && !isVolatile && disagreement.isEmpty();
}

bool RunReplay::disagrees() const
{
    return replayed && !isVolatile && !disagreement.isEmpty();
}

bool RunReplay::hasRecordedOutput() const
{
    for (const ReplayComparison& c : comparisons) {
        if (c.what == QLatin1String("output") && c.recorded)
            return true;
    }
    return false;
}

Json RunReplay::toJson() const
{
    if (!replayed)
        return Json { { "replayed", false }, { "reason", notReplayableReason.toStdString() } };
    Json j = evaluation.toJson();
    j["replayed"] = true;
    j["volatile"] = isVolatile;
    if (isVolatile) {
        Json reasons = Json::array();
        for (const QString& reason : volatileReasons)
            reasons.push_back(reason.toStdString());
        j["volatileReasons"] = reasons;
    }
    j["agrees"] = agrees();
    if (!disagreement.isEmpty())
        j["disagreement"] = disagreement.toStdString();
    Json recorded = Json::object();
    Json comparisonList = Json::array();
    for (const ReplayComparison& c : comparisons) {
        if (c.recorded)
            recorded[c.what.toStdString()] = *c.recorded;
        Json cj = { { "what", c.what.toStdString() }, { "verdict", verdictName(c.verdict).toStdString() } };
        if (!c.note.isEmpty())
            cj["note"] = c.note.toStdString();
        comparisonList.push_back(std::move(cj));
    }
    const std::vector<std::pair<QString, QString>> verdicts = stageVerdicts();
    size_t index = 0;
    for (Json& stage : j["stages"]) {
        const std::string stageName = stage["stage"].get<std::string>();
        if (stageName == "output" || stageName == "choice" || j["inspectionData"].contains(stageName))
            stage.erase("value"); // already in inspectionData or output: not written twice
        if (index < verdicts.size())
            stage["verdict"] = verdicts[index++].second.toStdString();
    }
    j["recorded"] = recorded;
    j["comparisons"] = comparisonList;
    return j;
}

std::vector<std::pair<QString, QString>> RunReplay::stageVerdicts() const
{
    QMap<QString, QString> compared;
    for (const ReplayComparison& c : comparisons) {
        const QString stage = c.what == QLatin1String("parameters") ? QStringLiteral("afterParameters")
            : c.what == QLatin1String("output")                     ? QStringLiteral("output")
            : c.what == QLatin1String("assignedVariables")          ? QStringLiteral("variables")
                                                                    : QString();
        if (!stage.isEmpty())
            compared.insert(stage, verdictName(c.verdict));
    }
    std::vector<std::pair<QString, QString>> out;
    for (const Stage& s : evaluation.stages) {
        QString verdict;
        if (s.status != Stage::Status::Computed)
            verdict = stageStatusName(s.status);
        else if (compared.contains(s.name))
            verdict = compared.value(s.name);
        else if (s.name == QLatin1String("input")
            || (s.name == QLatin1String("result") && s.field != QLatin1String("Result")
                && !request.state.contains("Result")))
            verdict = QStringLiteral("recorded");
        else
            verdict = QStringLiteral("computed");
        out.emplace_back(s.name, verdict);
    }
    return out;
}

Json ReplaySummary::toJson() const
{
    Json reasons = Json::object();
    for (auto it = notReplayableReasons.begin(); it != notReplayableReasons.end(); ++it)
        reasons[it.key().toStdString()] = it.value();
    return Json { { "runs", runs }, { "replayed", replayed }, { "agreeing", agreeing }, { "disagreeing", disagreeing },
        { "volatile", volatileRuns }, { "notReplayable", notReplayable }, { "notReplayableReasons", reasons } };
}

ExecutionReplay replayExecution(const Execution& execution, const Workflow& workflow)
{
    ExecutionReplay out;
    Replayer(execution, workflow, out).walk(execution.runs, Json::object());
    return out;
}

} // namespace Stepscope::Dataflow
