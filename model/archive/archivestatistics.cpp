#include "archiveprivate.h"
#include "columnlist.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

// Archive::statistics: per-state figures over the archived executions of one state machine.
namespace Stepscope {

namespace {

qint64 percentile(const QList<qint64>& sorted, double q)
{
    if (sorted.isEmpty())
        return -1;
    // Nearest rank: the smallest value with at least q of the values at or below it.
    const auto rank = qsizetype(std::ceil(q * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

// One state's figures while the runs stream past.
struct Accumulator {
    StateStatistics stats;
    qint64 lastExecution = -1;
    qint64 lastFailedExecution = -1;
    std::map<std::string, qint64, std::less<>> errors;
    QList<qint64> durations;
};

StateStatistics finished(Accumulator& acc)
{
    StateStatistics& st = acc.stats;
    st.failureRate = st.executions ? double(st.failedExecutions) / double(st.executions) : 0.0;
    std::sort(acc.durations.begin(), acc.durations.end());
    st.p50Ms = percentile(acc.durations, 0.50);
    st.p95Ms = percentile(acc.durations, 0.95);
    std::vector<std::pair<std::string, qint64>> errors(acc.errors.begin(), acc.errors.end());
    std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (size_t i = 0; i < errors.size() && i < 5; ++i)
        st.topErrors.append({ QString::fromStdString(errors[i].first), errors[i].second });
    return std::move(st);
}

} // namespace

StateMachineStatistics Archive::statistics(const QString& stateMachine)
{
    return d->run(Private::Need::Reading, [&] {
        StateMachineStatistics result;
        result.stateMachine = stateMachine;
        const bool all = stateMachine.isEmpty();
        const QByteArray filter = all ? QByteArray() : QByteArray(" WHERE e.state_machine = ?1");
        auto bindFilter = [&](Sql::Statement& s) {
            if (!all)
                s.bind(1, stateMachine);
        };
        {
            constexpr Sql::ColumnList c { "count(*) AS executions",
                "ifnull(sum(e.status IN ('FAILED','TIMED_OUT','ABORTED')), 0) AS failed" };
            Sql::Statement s(d->db, "SELECT " + c.joined() + " FROM executions e" + filter);
            bindFilter(s);
            if (s.step()) {
                result.executions = s.int64(c.at("executions"));
                result.failedExecutions = s.int64(c.at("failed"));
            }
        }
        // One pass over the state runs, aggregated here: GROUP BY with count(DISTINCT ...) plus separate passes for
        // errors and durations cost several times more, and QString conversions per row dominate otherwise.
        // A run failed when it ended FAILED, CAUGHT or TIMED_OUT (a caught error is still the state failing).
        constexpr Sql::ColumnList c { "r.state_id", "r.state", "r.execution_id",
            "r.status IN ('FAILED','CAUGHT','TIMED_OUT') AS failed", "r.duration_ms", "r.error" };
        std::map<std::string, Accumulator, std::less<>> states;
        {
            Sql::Statement s(d->db,
                "SELECT " + c.joined() + " FROM executions e JOIN state_runs r ON r.execution_id = e.id" + filter
                    + " ORDER BY r.execution_id");
            bindFilter(s);
            while (s.step()) {
                const std::string_view stateId = s.view(c.at("r.state_id"));
                auto it = states.find(stateId);
                if (it == states.end()) {
                    it = states.emplace(std::string(stateId), Accumulator()).first;
                    it->second.stats.stateId = QString::fromUtf8(stateId.data(), qsizetype(stateId.size()));
                    it->second.stats.state = s.text(c.at("r.state"));
                }
                Accumulator& acc = it->second;
                const qint64 execution = s.int64(c.at("r.execution_id"));
                const bool failed = s.int64(c.at("failed")) != 0;
                ++acc.stats.runs;
                if (execution != acc.lastExecution) { // rows come in execution order
                    ++acc.stats.executions;
                    acc.lastExecution = execution;
                }
                if (failed) {
                    ++acc.stats.failedRuns;
                    if (execution != acc.lastFailedExecution) {
                        ++acc.stats.failedExecutions;
                        acc.lastFailedExecution = execution;
                    }
                }
                if (constexpr int duration = c.at("r.duration_ms"); !s.isNull(duration) && s.int64(duration) >= 0)
                    acc.durations.append(s.int64(duration));
                if (const std::string_view error = s.view(c.at("r.error")); !error.empty()) {
                    auto e = acc.errors.find(error);
                    if (e == acc.errors.end())
                        acc.errors.emplace(std::string(error), 1);
                    else
                        ++e->second;
                }
            }
        }
        for (auto& [id, acc] : states)
            result.states.append(finished(acc));
        std::sort(result.states.begin(), result.states.end(), [](const StateStatistics& a, const StateStatistics& b) {
            if (a.failureRate != b.failureRate)
                return a.failureRate > b.failureRate;
            return a.stateId < b.stateId;
        });
        return result;
    });
}

} // namespace Stepscope
