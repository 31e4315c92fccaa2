#pragma once

// Synthetic state machines for layout tests and the benchmark: Parallel / Map clusters (nested), Choice fan-outs,
// Catch edges to shared handlers, retries and loops. Deterministic for a given seed.

#include <nlohmann/json.hpp>

#include <string>

namespace Stepscope::Test {

class WorkflowGenerator {
public:
    using Json = nlohmann::ordered_json;

    explicit WorkflowGenerator(unsigned seed = 1) : m_seed(seed) { }

    /// An ASL definition with about `states` states (never fewer).
    Json generate(int states)
    {
        m_count = 0;
        return machine(states, 0, "");
    }

    /// An ASL definition with close to `states` states (within a few percent): the budget is scaled until the
    /// generated count fits, since nested machines overshoot their budget.
    Json generateAbout(int states)
    {
        const unsigned seed = m_seed;
        int budget = states;
        Json best;
        for (int attempt = 0; attempt < 12; ++attempt) {
            m_seed = seed;
            Json json = generate(budget);
            const int count = countStates(json);
            best = std::move(json);
            if (count <= states * 1.03 && count >= states * 0.97)
                break;
            budget = std::max(5, int(double(budget) * states / count));
        }
        return best;
    }

    static int countStates(const Json& machine)
    {
        int count = 0;
        for (const auto& [name, state] : machine.at("States").items()) {
            ++count;
            if (state.contains("Branches"))
                for (const Json& branch : state.at("Branches"))
                    count += countStates(branch);
            if (state.contains("ItemProcessor"))
                count += countStates(state.at("ItemProcessor"));
        }
        return count;
    }

private:
    unsigned next(unsigned bound)
    {
        m_seed = m_seed * 1103515245u + 12345u;
        return (m_seed >> 8) % bound;
    }

    std::string name(const std::string& prefix) { return prefix + std::to_string(++m_count); }

    // One sub-machine of about `budget` states: a chain of segments plus shared handlers.
    Json machine(int budget, int depth, const std::string& scope)
    {
        Json states = Json::object();
        const int handlerCount = budget > 40 ? 3 : 1;
        std::vector<std::string> handlers;
        for (int h = 0; h < handlerCount; ++h)
            handlers.push_back(name(scope + "Handle"));
        const std::string done = name(scope + "Done");
        std::vector<std::string> chain;
        int used = handlerCount + 1;
        std::string current = name(scope + "Step");
        const std::string start = current;
        while (true) {
            const bool last = used >= budget;
            const unsigned kind = depth >= 2 ? next(4) : next(7);
            std::string following = last ? done : name(scope + "Step");
            Json state;
            if (kind <= 1 || last) {
                state = { { "Type", "Task" }, { "Resource", "arn:aws:states:::lambda:invoke" }, { "Next", following } };
                if (next(2) == 0)
                    state["Retry"] = Json::array({ { { "ErrorEquals", { "States.TaskFailed" } }, { "IntervalSeconds", 2 },
                        { "MaxAttempts", 3 }, { "BackoffRate", 2 } } });
                if (next(3) != 0)
                    state["Catch"] = Json::array({ { { "ErrorEquals", { "States.ALL" } },
                        { "Next", handlers[next(unsigned(handlers.size()))] } } });
                used += 1;
            } else if (kind == 2) {
                // Choice fan-out: three options joining again, sometimes a loop back to an earlier step.
                Json choices = Json::array();
                const std::string a = name(scope + "OptionA"), b = name(scope + "OptionB");
                choices.push_back({ { "Variable", "$.kind" }, { "StringEquals", "a" }, { "Next", a } });
                choices.push_back({ { "Variable", "$.kind" }, { "StringEquals", "b" }, { "Next", b } });
                if (!chain.empty() && next(3) == 0)
                    choices.push_back({ { "Variable", "$.again" }, { "BooleanEquals", true },
                        { "Next", chain[next(unsigned(chain.size()))] } });
                state = { { "Type", "Choice" }, { "Choices", choices }, { "Default", following } };
                states[a] = { { "Type", "Pass" }, { "Next", following } };
                states[b] = { { "Type", "Wait" }, { "Seconds", 5 }, { "Next", following } };
                used += 3;
            } else if (kind == 3) {
                state = { { "Type", "Wait" }, { "Seconds", 1 }, { "Next", following } };
                used += 1;
            } else {
                const int inner = std::max(3, std::min(12, (budget - used) / 3));
                if (kind == 4 || kind == 5) {
                    Json branches = Json::array();
                    const int count = 2 + int(next(2));
                    for (int b = 0; b < count; ++b)
                        branches.push_back(machine(inner, depth + 1, scope + "B" + std::to_string(m_count)));
                    state = { { "Type", "Parallel" }, { "Branches", branches }, { "Next", following } };
                    used += 1 + count * inner;
                } else {
                    state = { { "Type", "Map" }, { "ItemsPath", "$.items" }, { "MaxConcurrency", 10 },
                        { "ItemProcessor", machine(inner, depth + 1, scope + "M" + std::to_string(m_count)) },
                        { "Next", following } };
                    used += 1 + inner;
                }
                state["Catch"] = Json::array({ { { "ErrorEquals", { "States.ALL" } }, { "Next", handlers[0] } } });
            }
            states[current] = state;
            chain.push_back(current);
            if (last)
                break;
            current = following;
        }
        // Only handlers some Catch leads to: an unreferenced one could never run, and the validator says so.
        for (const std::string& h : handlers) {
            if (isCatchTarget(states, h))
                states[h] = { { "Type", "Pass" }, { "Next", done } };
        }
        states[done] = { { "Type", "Succeed" } };
        return { { "StartAt", start }, { "States", states } };
    }

    static bool isCatchTarget(const Json& states, const std::string& handler)
    {
        for (const auto& [name, state] : states.items()) {
            if (!state.contains("Catch"))
                continue;
            for (const Json& rule : state.at("Catch")) {
                if (rule.at("Next") == handler)
                    return true;
            }
        }
        return false;
    }

    unsigned m_seed;
    int m_count = 0;
};

} // namespace Stepscope::Test
