#include "dataflowreport.h"

#include "dataflow/replay.h"

namespace Stepscope::Cli {

using Dataflow::Json;

Json dataflowReportJson(const Execution& execution, const Workflow& workflow)
{
    const Dataflow::ExecutionReplay replay = Dataflow::replayExecution(execution, workflow);
    Json runs = Json::array();
    for (const Dataflow::RunReplay& run : replay.runs) {
        Json path = Json::array();
        for (const QString& p : run.path)
            path.push_back(p.toStdString());
        runs.push_back({ { "path", path }, { "state", run.stateName.toStdString() },
            { "stateId", run.stateId.isEmpty() ? Json(nullptr) : Json(run.stateId.toStdString()) },
            { "type", run.stateType.toStdString() }, { "dataflow", run.toJson() } });
    }
    return Json { { "summary", replay.summary.toJson() }, { "runs", runs } };
}

void printDataflowReport(QTextStream& o, const Execution& execution, const Workflow& workflow)
{
    const Dataflow::ExecutionReplay replay = Dataflow::replayExecution(execution, workflow);
    o << "\nData flow (each run replayed from its recorded input and result):\n";
    for (const Dataflow::RunReplay& run : replay.runs) {
        o << "  " << run.path.join(QStringLiteral(" › ")) << " (" << run.stateType << "): ";
        if (!run.replayed)
            o << "not replayable: " << run.notReplayableReason;
        else if (run.isVolatile)
            o << "counted apart (depends on " << run.volatileReasons.join(QStringLiteral(", ")) << ')';
        else if (run.agrees())
            o << "agrees";
        else
            o << "DISAGREES: " << run.disagreement;
        if (run.replayed && run.evaluation.status != Dataflow::EvaluationStatus::Succeeded)
            o << " [" << Dataflow::evaluationStatusKey(run.evaluation.status)
              << (run.evaluation.error.isEmpty() ? QString() : u' ' + run.evaluation.error) << ']';
        o << '\n';
        if (run.disagrees()) {
            QStringList stages;
            for (const auto& [stage, verdict] : run.stageVerdicts())
                stages.append(stage + u' ' + verdict);
            o << "      stages: " << stages.join(QStringLiteral(", ")) << '\n';
        }
    }
    const Dataflow::ReplaySummary& s = replay.summary;
    o << "Runs: " << s.runs << ", replayed " << s.replayed << ", agreeing " << s.agreeing << ", disagreeing "
      << s.disagreeing << ", counted apart " << s.volatileRuns << ", not replayable " << s.notReplayable << '\n';
    for (auto it = s.notReplayableReasons.begin(); it != s.notReplayableReasons.end(); ++it)
        o << "  not replayable: " << it.value() << " × " << it.key() << '\n';
    o.flush();
}

} // namespace Stepscope::Cli
