#include "errorhandling.h"

#include <cmath>

namespace Stepscope::Dataflow {

namespace {

bool isTerminal(const QString& error)
{
    return error == QLatin1String("States.Runtime") || error == QLatin1String("States.DataLimitExceeded");
}

int firstMatch(const Json& rules, const QString& error)
{
    if (!rules.is_array())
        return -1;
    for (size_t i = 0; i < rules.size(); ++i) {
        const Json equals = rules[i].value("ErrorEquals", Json::array());
        for (const Json& name : equals) {
            if (name.is_string() && errorNameMatches(QString::fromStdString(name.get<std::string>()), error))
                return int(i);
        }
    }
    return -1;
}

} // namespace

bool errorNameMatches(const QString& pattern, const QString& error)
{
    if (pattern == error)
        return error != QLatin1String("States.Runtime"); // runtime errors are never retried nor caught
    if (isTerminal(error))
        return false;
    if (pattern == QLatin1String("States.ALL"))
        return true;
    if (pattern == QLatin1String("States.TaskFailed"))
        return error != QLatin1String("States.Timeout") && error != QLatin1String("States.HeartbeatTimeout");
    return false;
}

ErrorDecision decideError(const Json& state, const QString& error, int retriesSpent)
{
    ErrorDecision d;
    const int retry = firstMatch(state.value("Retry", Json::array()), error);
    if (retry >= 0) {
        const Json& rule = state["Retry"][size_t(retry)];
        d.retryIndex = retry;
        d.maxAttempts = rule.value("MaxAttempts", 3);
        if (retriesSpent < d.maxAttempts) {
            const double interval = rule.value("IntervalSeconds", 1.0);
            const double backoff = rule.value("BackoffRate", 2.0);
            double wait = interval * std::pow(backoff, retriesSpent);
            if (rule.contains("MaxDelaySeconds") && rule["MaxDelaySeconds"].is_number())
                wait = std::min(wait, rule["MaxDelaySeconds"].get<double>());
            d.outcome = ErrorDecision::Outcome::Retry;
            d.attempt = retriesSpent + 1;
            d.intervalSeconds = wait;
            d.jitter = rule.value("JitterStrategy", std::string()) == "FULL";
            d.reason = QStringLiteral("Retry #%1 retries %2: retry %3 of %4 after %5 s%6")
                           .arg(retry + 1)
                           .arg(error)
                           .arg(d.attempt)
                           .arg(d.maxAttempts)
                           .arg(wait)
                           .arg(d.jitter ? QStringLiteral(" (FULL jitter: a random wait up to that)") : QString());
            return d;
        }
    }
    const int c = firstMatch(state.value("Catch", Json::array()), error);
    if (c >= 0) {
        d.outcome = ErrorDecision::Outcome::Catch;
        d.catchIndex = c;
        d.nextState = QString::fromStdString(state["Catch"][size_t(c)].value("Next", std::string()));
        d.reason
            = (retry >= 0 ? QStringLiteral("Retry #%1 has spent its %2 attempt(s); ").arg(retry + 1).arg(d.maxAttempts)
                          : QString())
            + QStringLiteral("Catch #%1 takes %2 → %3").arg(c + 1).arg(error, d.nextState);
        return d;
    }
    d.outcome = ErrorDecision::Outcome::Fail;
    if (error == QLatin1String("States.Runtime"))
        d.reason = QStringLiteral("States.Runtime errors are never retried nor caught");
    else if (retry >= 0)
        d.reason = QStringLiteral("Retry #%1 has spent its %2 attempt(s) and no Catch matches %3")
                       .arg(retry + 1)
                       .arg(d.maxAttempts)
                       .arg(error);
    else
        d.reason = QStringLiteral("no Retry or Catch matches %1").arg(error);
    return d;
}

Json ErrorDecision::errorDetails() const
{
    Json details = Json::object();
    if (outcome == Outcome::Retry) {
        details["retryIndex"] = retryIndex;
        details["retryBackoffIntervalSeconds"] = static_cast<long long>(intervalSeconds); // an integer in the API
    } else if (outcome == Outcome::Catch) {
        details["catchIndex"] = catchIndex;
    }
    return details;
}

} // namespace Stepscope::Dataflow
