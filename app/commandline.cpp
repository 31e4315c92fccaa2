#include "commandline.h"

#include "comparecommand.h"
#include "importcommand.h"
#include "inspectcommand.h"
#include "modules.h"
#include "searchcommand.h"
#include "statscommand.h"
#include "teststatecommand.h"
#include "validatecommand.h"

#include <cstdio>

namespace Stepscope::Cli {

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
              "  inspect HISTORY           read an execution history (get-execution-history, describe-execution,\n"
              "                            CloudWatch logs): status, failing path, error, cause, input, states\n"
              "      --definition FILE     match the runs to this definition's states\n"
              "      --json                print the report as JSON\n"
              "      --execution ARN       log exports with several executions: which one (default: the first)\n"
              "      --describe FILE       describe-execution output adding the ARN, name and dates\n"
              "      --dataflow            replay every run's data flow against --definition and compare it with\n"
              "                            what the history recorded (JSONPath states)\n"
              "  test-state DEFINITION     evaluate one state offline, as the TestState API does\n"
              "      --state NAME          the state: a name (unique at any depth) or Outer/Inner\n"
              "      --input JSON|@FILE    the state's raw input\n"
              "      --result JSON|@FILE   the task's result (Map: the iterations' outputs; Parallel: the branches')\n"
              "      --error E             instead: the error of the attempt made (--cause C, --retry-count N\n"
              "                            retries already spent, default 0)\n"
              "      --context JSON|@FILE  a partial context object ($$); what it lacks is absent\n"
              "      --variables JSON|@FILE  variables visible to the state: {\"name\": value}\n"
              "      --state-machine ID    template logical id (default: the first)\n"
              "      --json                status, nextState, output, error, cause, inspectionData as JSON\n"
              "  export FILE -o OUT        draw the workflow; format from OUT: .svg .png .pdf .dot .mmd .json\n"
              "      --direction TB|LR     top-to-bottom (default) or left-to-right\n"
              "      --theme light|dark    colours (svg, png, pdf)\n"
              "      --scale N             png pixels per point (default 1)\n"
              "      --transparent         png / svg without a background\n"
              "      --page fit|a4|letter  pdf page (default: fit the diagram)\n"
              "      --collapse STATE_ID   draw a Parallel / Map state as one node (repeatable)\n"
              "      --history FILE        paint an execution's statuses (any history format inspect reads)\n"
              "      --state-machine ID    template logical id (default: the first)\n"
              "      --heat                colour the states by archived statistics (svg, png, pdf), with a legend\n"
              "      --heat-measure M      failures (failure rate, default), runs, or p95 (p95 duration)\n"
              "      --db FILE             the archive for --heat (default: the application data folder)\n"
              "      --state-machine-name NAME  the archived state machine for --heat; default: the one named\n"
              "                            like the workflow (template logical id, or the file name without\n"
              "                            .asl.json / .json / .yaml), else the only one in the archive\n"
              "  import PATH...            add execution histories (files, folders recursively) to the archive\n"
              "      --db FILE             the archive (default: the application data folder)\n"
              "      --state-machine NAME  for histories that do not name their state machine\n"
              "      --definition FILE     link this definition to the imported executions\n"
              "  search [WORDS...]         find archived executions, newest first\n"
              "      --db FILE             the archive (default: the application data folder)\n"
              "      --status S            SUCCEEDED, FAILED, TIMED_OUT, ABORTED, RUNNING (repeat or S1,S2)\n"
              "      --error E             execution or state error (* matches anything)\n"
              "      --state NAME          executions that ran this state (name or state id)\n"
              "      --state-machine NAME  executions of this state machine\n"
              "      --since T, --until T  start time: 2024-11-18, 2024-11-18T14:00:00Z, epoch, 24h, 7d\n"
              "      --text WORDS          words in payloads, errors, causes (all must occur; word* = prefix)\n"
              "      --limit N, --offset N page (default 100 from 0)\n"
              "      --json                {\"total\": all matches, \"executions\": [the page]}\n"
              "  stats                     per-state runs, failure rate, top errors, p50 / p95 durations\n"
              "      --db FILE, --state-machine NAME, --json\n"
              "  compare A B               where two archived executions differ (id, ARN, name or file)\n"
              "      --db FILE, --json\n"
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
    if (command == QLatin1String("inspect"))
        return inspectCommand(rest);
    if (command == QLatin1String("test-state"))
        return testStateCommand(rest);
    if (command == QLatin1String("export"))
        return runExportModule(rest);
    if (command == QLatin1String("import"))
        return importCommand(rest);
    if (command == QLatin1String("search"))
        return searchCommand(rest);
    if (command == QLatin1String("stats"))
        return statsCommand(rest);
    if (command == QLatin1String("compare"))
        return compareCommand(rest);
    return -1;
}

} // namespace Stepscope::Cli
