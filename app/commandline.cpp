#include "commandline.h"

#include "exportcommand.h"
#include "inspectcommand.h"
#include "validatecommand.h"

#include <cstdio>

namespace Stepscope::Cli {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

void printHelp(QTextStream& stream)
{
    stream << "Usage: stepscope [DEFINITION] [--history FILE] [--demo] [--screenshot FILE]\n"
              "       stepscope COMMAND [OPTIONS] ...\n"
              "\n"
              "Workflow visualizer and execution inspector for AWS Step Functions.\n"
              "\n"
              "Commands:\n"
              "  validate FILE...          check definitions; compiler-style diagnostics\n"
              "      --json                print diagnostics as JSON\n"
              "      --state-machine ID    template logical id (default: the first)\n"
              "  export FILE -o OUT        draw the workflow; format from OUT: .svg .png .pdf .dot .mmd .json\n"
              "      --direction TB|LR     top-to-bottom (default) or left-to-right\n"
              "      --theme light|dark    colours (svg, png, pdf)\n"
              "      --scale N             png pixels per point (default 1)\n"
              "      --transparent         png / svg without a background\n"
              "      --page fit|a4|letter  pdf page (default: fit the diagram)\n"
              "      --collapse STATE_ID   draw a Parallel / Map state as one node (repeatable)\n"
              "      --state-machine ID    template logical id (default: the first)\n"
              "  inspect HISTORY           read an execution history (get-execution-history, describe-execution,\n"
              "                            CloudWatch logs): status, failing path, error, cause, input, states\n"
              "      --definition FILE     match the runs to this definition's states\n"
              "      --json                print the report as JSON\n"
              "      --execution ARN       log exports with several executions: which one (default: the first)\n"
              "      --describe FILE       describe-execution output adding the ARN, name and dates\n"
              "\n"
              "Options:\n"
              "  -h, --help                show this help\n"
              "  -v, --version             show the version\n"
              "\n"
              "Exit status: 0 success, 1 a file has errors or could not be processed, 2 usage error.\n";
    stream.flush();
}

int runCommand(const QStringList& arguments)
{
    if (arguments.size() < 2)
        return -1;
    const QString& command = arguments.at(1);
    const QStringList rest = arguments.mid(2);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printHelp(out());
        return Ok;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out() << "stepscope " << STEPSCOPE_VERSION << Qt::endl;
        return Ok;
    }
    if (command == QLatin1String("validate"))
        return validateCommand(rest);
    if (command == QLatin1String("export"))
        return exportCommand(rest);
    if (command == QLatin1String("inspect"))
        return inspectCommand(rest);
    return -1;
}

} // namespace Stepscope::Cli
