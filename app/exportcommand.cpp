#include "exportcommand.h"

#include "archive/archive.h"
#include "archive/heatmap.h"
#include "commandline.h"
#include "definition/definition.h"
#include "document/executionmatch.h"
#include "history/execution.h"
#include "layout/diagramfonts.h"
#include "layout/graphvizlayout.h"
#include "layout/layoutjson.h"
#include "render/diagramexport.h"
#include "render/diagramfile.h"
#include "render/heatcolor.h"
#include "render/textexport.h"

#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSaveFile>

#include <future>
#include <memory>

namespace Stepscope::Cli {

namespace {

int usage(const QString& message)
{
    err() << "stepscope export: " << message << "\nUsage: stepscope export FILE -o OUT.(svg|png|pdf|dot|mmd|json) "
          << "[--direction TB|LR] [--theme light|dark] [--scale N] [--history FILE]\n"
          << "       [--heat [--db FILE] [--heat-measure failures|runs|p95] [--state-machine-name NAME]]\n"
          << "Try 'stepscope --help'.\n";
    err().flush();
    return UsageError;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(data);
    return file.commit();
}

// Fonts need a QGuiApplication; commands start with none. Headless unless the user chose a platform.
std::unique_ptr<QGuiApplication> ensureGuiApplication()
{
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return nullptr;
    if (QCoreApplication::instance())
        return nullptr; // a plain QCoreApplication exists: measure without fonts rather than fail
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "stepscope";
    static char* argv[] = { name, nullptr };
    return std::make_unique<QGuiApplication>(argc, argv);
}

int fail(const QString& message)
{
    err() << "stepscope export: " << message << '\n';
    err().flush();
    return Failed;
}

struct HeatRequest {
    bool enabled = false;
    QString db;
    QString stateMachine; ///< --state-machine-name; empty: chosen by chooseStateMachine
    HeatMeasure measure = HeatMeasure::FailureRate;
};

// Reads the statistics of the chosen state machine and adds their heat to the overlay.
bool addHeat(const HeatRequest& request, const Workflow& workflow, StatusOverlay& overlay)
{
    if (!QFileInfo::exists(request.db)) {
        fail(QStringLiteral("%1: no archive there (import executions with 'stepscope import', or give --db FILE)")
                 .arg(request.db));
        return false;
    }
    Archive archive;
    if (!archive.open(request.db, Archive::Access::ReadOnly)) {
        fail(archive.errorString());
        return false;
    }
    try {
        const auto machines = archive.stateMachines();
        if (machines.isEmpty()) {
            fail(QStringLiteral("%1: the archive holds no executions").arg(request.db));
            return false;
        }
        QString machine, error;
        bool ambiguous = false;
        if (!chooseStateMachine(machines, request.stateMachine, workflow.name, &machine, &error, &ambiguous)) {
            fail(request.db + QStringLiteral(": ") + error
                + (ambiguous ? QStringLiteral("\nchoose one with --state-machine-name NAME") : QString()));
            return false;
        }
        const StateMachineStatistics statistics = archive.statistics(machine);
        if (statistics.executions == 0) {
            fail(QStringLiteral("%1: no executions of state machine \"%2\"").arg(request.db, machine));
            return false;
        }
        const int matched = applyHeat(overlay, statistics, workflow, request.measure);
        overlay.heatScale.title = QStringLiteral("%1 · %2 executions").arg(heatMeasureTitle(request.measure)).arg(statistics.executions);
        if (matched == 0)
            err() << "stepscope export: warning: none of the " << statistics.states.size() << " archived states of \""
                  << machine << "\" is a state of " << workflow.name << "; the states are drawn without heat\n";
        return true;
    } catch (const ArchiveError& e) {
        fail(request.db + QStringLiteral(": ") + QString::fromUtf8(e.what()));
        return false;
    }
}

} // namespace

int exportCommand(const QStringList& arguments)
{
    QString input, output, history;
    LayoutOptions layoutOptions;
    LoadOptions loadOptions;
    RenderOptions renderOptions;
    HeatRequest heat;
    bool heatOptionGiven = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        auto value = [&](QString& target) {
            if (i + 1 >= arguments.size())
                return false;
            target = arguments.at(++i);
            return true;
        };
        QString text;
        if (arg == QLatin1String("-o") || arg == QLatin1String("--output")) {
            if (!value(output))
                return usage(QStringLiteral("-o needs a file name"));
        } else if (arg == QLatin1String("--direction")) {
            if (!value(text) || (text != QLatin1String("TB") && text != QLatin1String("LR")))
                return usage(QStringLiteral("--direction takes TB or LR"));
            layoutOptions.direction = text == QLatin1String("LR") ? Direction::LeftToRight : Direction::TopToBottom;
        } else if (arg == QLatin1String("--theme")) {
            bool ok = false;
            if (!value(text) || (renderOptions.theme = Theme::byName(text, &ok), !ok))
                return usage(QStringLiteral("--theme takes light or dark"));
        } else if (arg == QLatin1String("--scale")) {
            bool ok = false;
            const double scale = value(text) ? text.toDouble(&ok) : 0;
            if (!ok || scale <= 0 || scale > 16)
                return usage(QStringLiteral("--scale takes a number between 0 and 16"));
            renderOptions.scale = scale;
        } else if (arg == QLatin1String("--page")) {
            if (!value(text))
                return usage(QStringLiteral("--page takes fit, a4 or letter"));
            if (text == QLatin1String("fit"))
                renderOptions.page = PdfPage::Fit;
            else if (text.compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0)
                renderOptions.page = PdfPage::A4;
            else if (text.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0)
                renderOptions.page = PdfPage::Letter;
            else
                return usage(QStringLiteral("--page takes fit, a4 or letter"));
        } else if (arg == QLatin1String("--transparent")) {
            renderOptions.transparent = true;
        } else if (arg == QLatin1String("--collapse")) {
            if (!value(text))
                return usage(QStringLiteral("--collapse needs a state id"));
            layoutOptions.collapsed.insert(text);
        } else if (arg == QLatin1String("--state-machine")) {
            if (!value(loadOptions.stateMachineId))
                return usage(QStringLiteral("--state-machine needs a logical id"));
        } else if (arg == QLatin1String("--history")) {
            if (!value(history))
                return usage(QStringLiteral("--history needs a file"));
        } else if (arg == QLatin1String("--heat")) {
            heat.enabled = true;
        } else if (arg == QLatin1String("--db")) {
            if (!value(heat.db))
                return usage(QStringLiteral("--db needs an archive file"));
            heatOptionGiven = true;
        } else if (arg == QLatin1String("--heat-measure")) {
            if (!value(text) || !heatMeasureFromKey(text, &heat.measure))
                return usage(QStringLiteral("--heat-measure takes failures, runs or p95"));
            heatOptionGiven = true;
        } else if (arg == QLatin1String("--state-machine-name")) {
            if (!value(heat.stateMachine) || heat.stateMachine.isEmpty())
                return usage(QStringLiteral("--state-machine-name needs the state machine's name in the archive"));
            heatOptionGiven = true;
        } else if (arg.startsWith(u'-') && arg.size() > 1) {
            return usage(QStringLiteral("unknown option ") + arg);
        } else if (input.isEmpty()) {
            input = arg;
        } else {
            return usage(QStringLiteral("more than one input file"));
        }
    }
    if (input.isEmpty())
        return usage(QStringLiteral("no file given"));
    if (heatOptionGiven && !heat.enabled)
        return usage(QStringLiteral("--db, --heat-measure and --state-machine-name go with --heat"));
    if (heat.db.isEmpty())
        heat.db = Archive::defaultPath();
    if (output.isEmpty())
        return usage(QStringLiteral("no output file given (-o OUT)"));
    const QString format = QFileInfo(output).suffix().toLower();
    static const QStringList formats { QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("pdf"),
        QStringLiteral("dot"), QStringLiteral("mmd"), QStringLiteral("json") };
    if (!formats.contains(format))
        return usage(QStringLiteral("cannot tell the format from \"%1\": use .svg .png .pdf .dot .mmd or .json").arg(output));
    if (heat.enabled && format != QLatin1String("svg") && format != QLatin1String("png") && format != QLatin1String("pdf"))
        return usage(QStringLiteral("--heat colours the states: use .svg, .png or .pdf"));
    HistoryReadResult historyRead;
    if (!history.isEmpty()) {
        historyRead = readHistoryFile(history);
        if (!historyRead.read) {
            for (const Diagnostic& d : historyRead.diagnostics)
                err() << formatDiagnostic(d, history) << '\n';
            err().flush();
            return Failed;
        }
    }

    // The definition is read on a thread while the application object is made and the fonts the layout measures
    // with are loaded (each a few milliseconds).
    auto reading = std::async(std::launch::async, [&] { return openDefinition(input, loadOptions); });
    const std::unique_ptr<QGuiApplication> app = ensureGuiApplication();
    DiagramFonts::load();
    const OpenedDefinition opened = reading.get();
    for (const Diagnostic& d : opened.diagnostics) {
        if (d.isError())
            err() << formatDiagnostic(d, input) << '\n';
    }
    if (!opened.hasWorkflow()) {
        err() << "stepscope export: " << input << ": no workflow to draw\n";
        err().flush();
        return Failed;
    }

    // The execution's statuses painted over the definition's states (matched by name inside their containers).
    StatusOverlay overlay;
    if (!history.isEmpty()) {
        const ExecutionMatch match = matchDefinition(historyRead.execution, opened.workflow);
        for (auto it = match.states.cbegin(); it != match.states.cend(); ++it)
            overlay.byStateId.insert(it.key(), StateStatus { it->status, it->summary });
        for (const Diagnostic& d : match.diagnostics)
            err() << "stepscope export: " << severityName(d.severity) << ": " << d.message << '\n';
        renderOptions.overlay = &overlay;
    }
    // The archive's statistics as a heat fill with its legend.
    if (heat.enabled) {
        if (!addHeat(heat, opened.workflow, overlay))
            return Failed;
        renderOptions.overlay = &overlay;
    }

    if (format == QLatin1String("dot") || format == QLatin1String("mmd")) {
        const QByteArray text = format == QLatin1String("dot") ? dotText(opened.workflow, layoutOptions)
                                                               : mermaidText(opened.workflow, layoutOptions);
        if (!writeFile(output, text)) {
            err() << "stepscope export: cannot write " << output << '\n';
            err().flush();
            return Failed;
        }
        err().flush();
        return Ok;
    }
    GraphvizLayout engine;
    const Diagram diagram = engine.layout(opened.workflow, layoutOptions);
    for (const Diagnostic& d : diagram.diagnostics)
        err() << "stepscope export: " << severityName(d.severity) << ": " << d.message << '\n';
    renderOptions.title = opened.workflow.name;
    if (const QString error = writeDiagramFile(diagram, output, renderOptions); !error.isEmpty()) {
        err() << "stepscope export: " << error << '\n';
        err().flush();
        return Failed;
    }
    err().flush();
    return Ok;
}

} // namespace Stepscope::Cli
