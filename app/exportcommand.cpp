#include "exportcommand.h"

#include "commandline.h"
#include "definition/definition.h"
#include "layout/graphvizlayout.h"
#include "layout/layoutjson.h"
#include "render/diagramexport.h"
#include "render/textexport.h"

#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSaveFile>

#include <memory>

namespace Stepscope::Cli {

namespace {

int usage(const QString& message)
{
    err() << "stepscope export: " << message << "\nUsage: stepscope export FILE -o OUT.(svg|png|pdf|dot|mmd|json) "
          << "[--direction TB|LR] [--theme light|dark] [--scale N]\nTry 'stepscope --help'.\n";
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

} // namespace

int exportCommand(const QStringList& arguments)
{
    QString input, output, history;
    LayoutOptions layoutOptions;
    LoadOptions loadOptions;
    RenderOptions renderOptions;
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
    if (output.isEmpty())
        return usage(QStringLiteral("no output file given (-o OUT)"));
    const QString format = QFileInfo(output).suffix().toLower();
    static const QStringList formats { QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("pdf"),
        QStringLiteral("dot"), QStringLiteral("mmd"), QStringLiteral("json") };
    if (!formats.contains(format))
        return usage(QStringLiteral("cannot tell the format from \"%1\": use .svg .png .pdf .dot .mmd or .json").arg(output));
    if (!history.isEmpty()) {
        // Hook for the execution history: its Execution becomes a StatusOverlay in renderOptions.overlay.
        err() << "stepscope export: --history is not available yet\n";
        err().flush();
        return UsageError;
    }

    const std::unique_ptr<QGuiApplication> app = ensureGuiApplication();
    const OpenedDefinition opened = openDefinition(input, loadOptions);
    for (const Diagnostic& d : opened.diagnostics) {
        if (d.isError())
            err() << formatDiagnostic(d, input) << '\n';
    }
    if (!opened.hasWorkflow()) {
        err() << "stepscope export: " << input << ": no workflow to draw\n";
        err().flush();
        return Failed;
    }

    QByteArray data;
    if (format == QLatin1String("dot")) {
        data = dotText(opened.workflow, layoutOptions);
    } else if (format == QLatin1String("mmd")) {
        data = mermaidText(opened.workflow, layoutOptions);
    } else {
        GraphvizLayout engine;
        const Diagram diagram = engine.layout(opened.workflow, layoutOptions);
        for (const Diagnostic& d : diagram.diagnostics)
            err() << "stepscope export: " << severityName(d.severity) << ": " << d.message << '\n';
        renderOptions.title = opened.workflow.name;
        if (format == QLatin1String("json")) {
            data = layoutJson(diagram);
        } else if (format == QLatin1String("svg")) {
            data = renderSvg(diagram, renderOptions);
        } else if (format == QLatin1String("png")) {
            const QImage image = renderImage(diagram, renderOptions);
            if (!image.save(output, "PNG")) {
                err() << "stepscope export: cannot write " << output << '\n';
                err().flush();
                return Failed;
            }
            err().flush();
            return Ok;
        } else if (format == QLatin1String("pdf")) {
            QString error;
            const bool ok = writePdf(diagram, output, renderOptions, &error);
            if (!ok)
                err() << "stepscope export: " << error << '\n';
            err().flush();
            return ok ? Ok : Failed;
        }
    }
    if (!writeFile(output, data)) {
        err() << "stepscope export: cannot write " << output << '\n';
        err().flush();
        return Failed;
    }
    err().flush();
    return Ok;
}

} // namespace Stepscope::Cli
