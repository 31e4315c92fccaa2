#pragma once

#include "dataflowerror.h"

#include <QString>

#include <optional>

namespace Stepscope::Dataflow {

/// What a state's Retry and Catch rules do with one error, as TestState's errorDetails tells it.
struct ErrorDecision {
    enum class Outcome { Retry, Catch, Fail };
    Outcome outcome = Outcome::Fail;
    int retryIndex = -1; ///< the Retry rule that matched (also when its attempts are spent)
    int catchIndex = -1; ///< the Catch rule that takes the error
    int attempt = 0; ///< Retry: the retry about to be made (1-based)
    int maxAttempts = 0;
    double intervalSeconds = 0; ///< IntervalSeconds × BackoffRate^(retries spent), capped at MaxDelaySeconds
    bool jitter = false; ///< JitterStrategy FULL: the wait is random in [0, intervalSeconds]
    QString nextState; ///< Catch: its Next
    QString reason; ///< in words: "Retry #1 (States.ALL) retries it: attempt 2 of 3 after 2 s"
    [[nodiscard]] Json errorDetails() const; ///< {"retryIndex", "retryBackoffIntervalSeconds"} or {"catchIndex"}
};

/// True when an ErrorEquals entry matches `error`, by the documented rules: names match exactly; States.ALL matches
/// any error except States.Runtime and States.DataLimitExceeded (terminal); States.TaskFailed matches any error
/// except States.Timeout and those terminal ones.
[[nodiscard]] bool errorNameMatches(const QString& pattern, const QString& error);

/// Decides what a state with `state`'s Retry and Catch fields does with `error`, `retriesSpent` retries of the
/// matching Retry rule having been made already.
[[nodiscard]] ErrorDecision decideError(const Json& state, const QString& error, int retriesSpent);

} // namespace Stepscope::Dataflow
