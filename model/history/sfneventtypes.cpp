#include "execution.h"

#include <array>

// Step Functions' HistoryEventType names (botocore stepfunctions/2016-11-23/service-2.json), in enum order.
namespace Stepscope {

namespace {
constexpr std::array<const char*, 63> eventTypeNames {
    "Unknown",
    "ActivityFailed", "ActivityScheduled", "ActivityScheduleFailed", "ActivityStarted", "ActivitySucceeded",
    "ActivityTimedOut",
    "ChoiceStateEntered", "ChoiceStateExited",
    "ExecutionAborted", "ExecutionFailed", "ExecutionStarted", "ExecutionSucceeded", "ExecutionTimedOut",
    "ExecutionRedriven",
    "FailStateEntered",
    "LambdaFunctionFailed", "LambdaFunctionScheduled", "LambdaFunctionScheduleFailed", "LambdaFunctionStarted",
    "LambdaFunctionStartFailed", "LambdaFunctionSucceeded", "LambdaFunctionTimedOut",
    "MapIterationAborted", "MapIterationFailed", "MapIterationStarted", "MapIterationSucceeded",
    "MapStateAborted", "MapStateEntered", "MapStateExited", "MapStateFailed", "MapStateStarted", "MapStateSucceeded",
    "ParallelStateAborted", "ParallelStateEntered", "ParallelStateExited", "ParallelStateFailed",
    "ParallelStateStarted", "ParallelStateSucceeded",
    "PassStateEntered", "PassStateExited",
    "SucceedStateEntered", "SucceedStateExited",
    "TaskFailed", "TaskScheduled", "TaskStarted", "TaskStartFailed", "TaskStateAborted", "TaskStateEntered",
    "TaskStateExited", "TaskSubmitFailed", "TaskSubmitted", "TaskSucceeded", "TaskTimedOut",
    "WaitStateAborted", "WaitStateEntered", "WaitStateExited",
    "MapRunAborted", "MapRunFailed", "MapRunStarted", "MapRunSucceeded", "MapRunRedriven",
    "EvaluationFailed",
};
static_assert(static_cast<size_t>(HistoryEventType::EvaluationFailed) + 1 == eventTypeNames.size());
}

QString historyEventTypeName(HistoryEventType type)
{
    const auto index = static_cast<size_t>(type);
    return QString::fromLatin1(index < eventTypeNames.size() ? eventTypeNames[index] : "Unknown");
}

HistoryEventType historyEventTypeFromName(QStringView name)
{
    // Called once per event: a static hash keeps 25,000-event histories cheap.
    static const QHash<QString, HistoryEventType> byName = [] {
        QHash<QString, HistoryEventType> hash;
        for (size_t i = 1; i < eventTypeNames.size(); ++i)
            hash.insert(QString::fromLatin1(eventTypeNames[i]), static_cast<HistoryEventType>(i));
        return hash;
    }();
    return byName.value(name.toString(), HistoryEventType::Unknown);
}

} // namespace Stepscope
