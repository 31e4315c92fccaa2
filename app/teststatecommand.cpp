#include "teststatecommand.h"

#include "commandline.h"
#include "dataflow/statestages.h"
#include "definition/definition.h"

#include <QFile>

#include <cstdio>

namespace Stepscope::Cli {

namespace {

using Dataflow::Json;

constexpr const char* usage
    = "Usage: stepscope test-state DEFINITION --state NAME --input JSON|@FILE [--result JSON|@FILE | --error E\n"
      "       [--cause C] [--retry-count N]] [--context JSON|@FILE] [--variables JSON|@FILE] [--state-machine ID]\n"
      "       [--json]\n";

/// A JSON argument: the text itself, or @FILE for a file's content.
std::optional<Json> jsonArgument(const QString& option, const QString& value)
{
    QByteArray text;
    if (value.startsWith(u'@')) {
        QFile file(value.mid(1));
        if (!file.open(QIODevice::ReadOnly)) {
            err() << "stepscope test-state: " << option << ": cannot read " << value.mid(1) << '\n';
            return std::nullopt;
        }
        text = file.readAll();
    } else {
        text = value.toUtf8();
    }
    QString problem;
    std::optional<Json> json = Dataflow::parseJson(text, &problem);
    if (!json)
        err() << "stepscope test-state: " << option << " is not JSON: " << problem << '\n';
    return json;
}

/// The names of the Map / Parallel states around `state`, outermost first.
QStringList ownerChain(const Workflow& workflow, const State& state)
{
    QStringList chain;
    for (ContainerIndex c = state.container; c != NoIndex; c = workflow.containers[c].parent)
        chain.prepend(workflow.states[workflow.containers[c].owner].name);
    return chain;
}

/// Finds `--state`: a bare name at any depth when unique, "Outer/Inner", or "/Name" / "/Outer/Inner" from the top.
StateIndex findState(const Workflow& workflow, const QString& spec, QString& problem)
{
    const bool fromTop = spec.startsWith(u'/');
    const QStringList parts = (fromTop ? spec.mid(1) : spec).split(u'/');
    QList<StateIndex> found;
    for (StateIndex i = 0; i < workflow.states.size(); ++i) {
        const State& s = workflow.states[i];
        if (s.name != parts.last())
            continue;
        const QStringList chain = ownerChain(workflow, s);
        const QStringList outer = parts.mid(0, parts.size() - 1);
        if (fromTop ? chain == outer : outer.size() <= chain.size() && chain.mid(chain.size() - outer.size()) == outer)
            found.append(i);
    }
    if (found.isEmpty() && parts.size() > 1) {
        // A state whose name holds a "/" itself.
        for (StateIndex i = 0; i < workflow.states.size(); ++i) {
            if (workflow.states[i].name == spec)
                found.append(i);
        }
    }
    if (found.size() == 1)
        return found.front();
    if (found.isEmpty()) {
        problem = QStringLiteral("the definition has no state %1").arg(spec);
        return NoIndex;
    }
    QStringList candidates;
    for (StateIndex i : found) {
        QStringList path = ownerChain(workflow, workflow.states[i]);
        path.append(workflow.states[i].name);
        candidates.append(QStringLiteral("  /") + path.join(u'/'));
    }
    problem = QStringLiteral("%1 names %2 states; say which with --state as one of:\n%3")
                  .arg(spec)
                  .arg(found.size())
                  .arg(candidates.join(u'\n'));
    return NoIndex;
}

QString jsonText(const Json& v)
{
    return QString::fromStdString(v.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void printText(const Dataflow::StateEvaluation& ev)
{
    QTextStream& o = out();
    o << "Status:     " << Dataflow::evaluationStatusKey(ev.status) << '\n';
    if (!ev.notEvaluatedReason.isEmpty())
        o << "Reason:     " << ev.notEvaluatedReason << '\n';
    o << "Next state: " << (ev.nextState.isEmpty() ? QStringLiteral("(none)") : ev.nextState) << '\n';
    if (ev.output)
        o << "Output:     " << jsonText(*ev.output) << '\n';
    if (!ev.error.isEmpty())
        o << "Error:      " << ev.error << '\n';
    if (!ev.cause.isEmpty())
        o << "Cause:      " << ev.cause << '\n';
    if (ev.errorDecision)
        o << "Handling:   " << ev.errorDecision->reason << '\n';
    if (ev.choice)
        o << "Choice:     " << ev.choice->reason << '\n';
    const Json data = ev.inspectionData();
    if (!data.empty()) {
        o << "Inspection data:\n";
        for (auto it = data.begin(); it != data.end(); ++it)
            o << "  " << QString::fromStdString(it.key()).leftJustified(20) << ' ' << jsonText(*it) << '\n';
    }
    o << "Stages:\n";
    for (const Dataflow::Stage& s : ev.stages) {
        o << "  " << s.name.leftJustified(20) << ' ' << Dataflow::stageStatusName(s.status);
        if (!s.field.isEmpty())
            o << " (" << s.field << ')';
        if (s.status == Dataflow::Stage::Status::Failed)
            o << ": " << s.error << ": " << s.cause;
        else if (!s.note.isEmpty())
            o << ": " << s.note;
        o << '\n';
    }
    o.flush();
}

} // namespace

int testStateCommand(const QStringList& arguments)
{
    QString definitionFile, stateSpec, errorName, cause, stateMachine;
    std::optional<QString> inputText, resultText, contextText, variablesText;
    int retryCount = 0;
    bool json = false;
    bool haveCause = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        const auto value = [&]() -> std::optional<QString> {
            if (++i >= arguments.size()) {
                err() << "stepscope test-state: " << arg << " needs a value\n";
                return std::nullopt;
            }
            return arguments.at(i);
        };
        std::optional<QString> v;
        if (arg == QLatin1String("--json")) {
            json = true;
            continue;
        }
        if (!arg.startsWith(QLatin1String("--"))) {
            if (!definitionFile.isEmpty()) {
                err() << "stepscope test-state: one definition at a time\n" << usage;
                return UsageError;
            }
            definitionFile = arg;
            continue;
        }
        static const QStringList valued { QStringLiteral("--state"), QStringLiteral("--input"),
            QStringLiteral("--result"), QStringLiteral("--error"), QStringLiteral("--cause"),
            QStringLiteral("--retry-count"), QStringLiteral("--context"), QStringLiteral("--variables"),
            QStringLiteral("--state-machine") };
        if (!valued.contains(arg)) {
            err() << "stepscope test-state: unknown option " << arg << "\nTry 'stepscope --help'.\n";
            return UsageError;
        }
        if (!(v = value()))
            return UsageError;
        if (arg == QLatin1String("--state")) {
            stateSpec = *v;
        } else if (arg == QLatin1String("--input")) {
            inputText = *v;
        } else if (arg == QLatin1String("--result")) {
            resultText = *v;
        } else if (arg == QLatin1String("--error")) {
            errorName = *v;
        } else if (arg == QLatin1String("--cause")) {
            cause = *v;
            haveCause = true;
        } else if (arg == QLatin1String("--retry-count")) {
            bool ok = false;
            retryCount = v->toInt(&ok);
            if (!ok || retryCount < 0) {
                err() << "stepscope test-state: --retry-count takes a number of retries (0 or more)\n";
                return UsageError;
            }
        } else if (arg == QLatin1String("--context")) {
            contextText = *v;
        } else if (arg == QLatin1String("--variables")) {
            variablesText = *v;
        } else {
            stateMachine = *v;
        }
    }
    if (definitionFile.isEmpty() || stateSpec.isEmpty() || !inputText) {
        err() << "stepscope test-state: a definition, --state and --input are required\n" << usage;
        return UsageError;
    }
    if (resultText && !errorName.isEmpty()) {
        err() << "stepscope test-state: give either --result or --error, not both\n";
        return UsageError;
    }
    if (haveCause && errorName.isEmpty()) {
        err() << "stepscope test-state: --cause goes with --error\n";
        return UsageError;
    }

    Dataflow::StateRequest request;
    const std::optional<Json> input = jsonArgument(QStringLiteral("--input"), *inputText);
    if (!input)
        return UsageError;
    request.input = *input;
    if (resultText) {
        const std::optional<Json> result = jsonArgument(QStringLiteral("--result"), *resultText);
        if (!result)
            return UsageError;
        request.result = *result;
    }
    if (!errorName.isEmpty()) {
        request.error = errorName;
        request.cause = cause;
        request.retryCount = retryCount;
    }
    if (contextText) {
        const std::optional<Json> context = jsonArgument(QStringLiteral("--context"), *contextText);
        if (!context)
            return UsageError;
        if (!context->is_object()) {
            err() << "stepscope test-state: --context must be a JSON object\n";
            return UsageError;
        }
        request.context = *context;
    }
    if (variablesText) {
        const std::optional<Json> variables = jsonArgument(QStringLiteral("--variables"), *variablesText);
        if (!variables)
            return UsageError;
        if (!variables->is_object()) {
            err() << "stepscope test-state: --variables must be a JSON object: name -> value\n";
            return UsageError;
        }
        request.variables = *variables;
    }

    LoadOptions options;
    options.stateMachineId = stateMachine;
    const OpenedDefinition definition = openDefinition(definitionFile, options);
    if (!definition.hasWorkflow()) {
        for (const Diagnostic& d : definition.diagnostics) {
            if (d.isError())
                err() << formatDiagnostic(d, definitionFile) << '\n';
        }
        err() << "stepscope test-state: the definition could not be read\n";
        err().flush();
        return Failed;
    }
    QString problem;
    const StateIndex index = findState(definition.workflow, stateSpec, problem);
    if (index == NoIndex) {
        err() << "stepscope test-state: " << problem << '\n';
        err().flush();
        return UsageError;
    }
    const State& state = definition.workflow.states[index];
    request.state = Dataflow::parseJson(state.json).value_or(Json::object());
    request.stateName = state.name;
    request.jsonata = state.queryLanguage == QueryLanguage::JSONata;

    if (state.type == StateType::Task && !request.result && !request.error && !request.jsonata) {
        err() << "stepscope test-state: " << state.name
              << ": a Task needs its result (--result) or the error of its attempt (--error)\n";
        err().flush();
        return UsageError;
    }
    const Dataflow::StateEvaluation evaluation = Dataflow::evaluateState(request);
    if (evaluation.status == Dataflow::EvaluationStatus::NotEvaluated && !request.jsonata) {
        err() << "stepscope test-state: " << state.name << ": " << evaluation.notEvaluatedReason << '\n';
        err().flush();
        return UsageError;
    }
    if (json) {
        std::string text = evaluation.toJson().dump(2, ' ', false, Json::error_handler_t::replace);
        text.push_back('\n');
        fwrite(text.data(), 1, text.size(), stdout);
        fflush(stdout);
    } else {
        printText(evaluation);
    }
    return evaluation.status == Dataflow::EvaluationStatus::NotEvaluated ? Failed : Ok;
}

} // namespace Stepscope::Cli
