#include "validatecommand.h"

#include "commandline.h"
#include "definition/definition.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace Stepscope::Cli {

int validateCommand(const QStringList& arguments)
{
    QStringList files;
    bool json = false;
    LoadOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg == QLatin1String("--state-machine")) {
            if (++i >= arguments.size()) {
                err() << "stepscope validate: --state-machine needs a logical id\n";
                return UsageError;
            }
            options.stateMachineId = arguments.at(i);
        } else if (arg.startsWith(QLatin1String("--"))) {
            err() << "stepscope validate: unknown option " << arg << "\nTry 'stepscope --help'.\n";
            return UsageError;
        } else {
            files.append(arg);
        }
    }
    if (files.isEmpty()) {
        err() << "stepscope validate: no file given\nUsage: stepscope validate FILE... [--json]\n";
        return UsageError;
    }

    bool anyError = false;
    nlohmann::ordered_json report = nlohmann::ordered_json::array();
    for (const QString& file : files) {
        OpenedDefinition opened = openDefinition(file, options);
        const bool fileHasErrors = hasErrors(opened.diagnostics);
        anyError = anyError || fileHasErrors;
        if (json) {
            nlohmann::ordered_json entry;
            entry["file"] = file.toStdString();
            entry["valid"] = !fileHasErrors;
            entry["format"] = definitionFormatName(opened.loaded.format).toStdString();
            if (!opened.loaded.stateMachineIds.isEmpty()) {
                entry["stateMachines"] = nlohmann::ordered_json::array();
                for (const QString& id : opened.loaded.stateMachineIds)
                    entry["stateMachines"].push_back(id.toStdString());
                entry["stateMachine"] = opened.loaded.stateMachineId.toStdString();
            }
            entry["states"] = opened.workflow.states.size();
            entry["diagnostics"] = nlohmann::ordered_json::array();
            for (const Diagnostic& d : opened.diagnostics) {
                nlohmann::ordered_json item;
                item["severity"] = severityName(d.severity).toStdString();
                item["message"] = d.message.toStdString();
                item["pointer"] = d.pointer.toStdString();
                item["file"] = (d.file.isEmpty() ? file : d.file).toStdString();
                item["line"] = d.pos.line;
                item["column"] = d.pos.column;
                entry["diagnostics"].push_back(std::move(item));
            }
            report.push_back(std::move(entry));
        } else {
            for (const Diagnostic& d : opened.diagnostics)
                out() << formatDiagnostic(d, file) << '\n';
        }
        // Freeing a large definition's nodes costs about as much as validating them, and the process ends right
        // after: large documents are kept for the exit path, which skips destruction (see main.cpp).
        static std::vector<OpenedDefinition> keptUntilExit;
        if (opened.loaded.definition && opened.loaded.definition->positions.size() > 10000)
            keptUntilExit.push_back(std::move(opened));
    }
    if (json)
        out() << QString::fromStdString(report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) << '\n';
    out().flush();
    return anyError ? Failed : Ok;
}

} // namespace Stepscope::Cli
