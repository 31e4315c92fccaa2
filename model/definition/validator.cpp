#include "validator.h"

#include "validatorchecks.h"

#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace Stepscope {

using namespace Validation;

namespace {

constexpr int MaxNesting = 100; // Parallel / Map levels, as the builder
constexpr qsizetype MaxStateNameLength = 80;

enum class MachineKind { Top, Branch, Processor };

/// Walks the state machine and its sub-machines; each machine's transitions are resolved inside it.
class MachineWalker {
public:
    MachineWalker(const SourceDocument& doc, Diagnostics& out)
        : m_doc(doc)
        , m_r(doc, out)
    {
    }

    void run()
    {
        const Json& root = m_doc.root;
        if (!root.is_object()) {
            m_r.error("", QStringLiteral("the definition must be a JSON object with \"StartAt\" and \"States\", not %1")
                              .arg(jsonTypeName(root)));
            return;
        }
        if (const auto it = root.find("QueryLanguage"); it != root.end()) {
            expectEnum(m_r, *it, "/QueryLanguage", "QueryLanguage", { "JSONPath", "JSONata" }, Language::JSONPath);
            if (*it == "JSONata")
                m_topLanguage = Language::JSONata;
        }
        expectKnownMembers(m_r, root, "", "the state machine",
            { "StartAt", "States", "Comment", "TimeoutSeconds", "Version", "QueryLanguage" });
        if (const auto it = root.find("TimeoutSeconds"); it != root.end())
            expectInteger(m_r, *it, "/TimeoutSeconds", "TimeoutSeconds", 1, Language::JSONPath, 99999999);
        if (const auto it = root.find("Version"); it != root.end())
            expectString(m_r, *it, "/Version", "Version", Language::JSONPath);
        machine(root, std::string(), MachineKind::Top, 0);
    }

private:
    struct StateRef {
        std::string_view name;
        const Json* json;
        std::string pointer;
    };

    void machine(const Json& m, const std::string& pointer, MachineKind kind, int depth)
    {
        if (kind != MachineKind::Top) {
            expectKnownMembers(m_r, m, pointer, kind == MachineKind::Branch ? "a Parallel branch" : "a Map item processor",
                kind == MachineKind::Branch ? std::initializer_list<std::string_view> { "StartAt", "States", "Comment" }
                                            : std::initializer_list<std::string_view> { "StartAt", "States", "Comment", "ProcessorConfig" });
            if (const auto it = m.find("Comment"); it != m.end())
                expectString(m_r, *it, child(pointer, "Comment"), "Comment", m_topLanguage);
            if (const auto it = m.find("ProcessorConfig"); it != m.end())
                checkProcessorConfig(m_r, *it, child(pointer, "ProcessorConfig"));
        } else if (const auto it = m.find("Comment"); it != m.end()) {
            expectString(m_r, *it, "/Comment", "Comment", m_topLanguage);
        }

        const std::string statesPointer = pointer + "/States";
        const auto statesIt = m.find("States");
        if (statesIt == m.end()) {
            m_r.error(statesPointer, QStringLiteral("missing \"States\" (the object of named states)"));
        } else if (!statesIt->is_object()) {
            m_r.error(statesPointer, QStringLiteral("\"States\" must be an object of named states, not %1").arg(jsonTypeName(*statesIt)));
        } else if (statesIt->empty()) {
            m_r.error(statesPointer, QStringLiteral("\"States\" is empty: a state machine needs at least one state"));
        }
        const bool haveStates = statesIt != m.end() && statesIt->is_object();

        // Names first, so that forward references resolve.
        std::vector<StateRef> states;
        std::unordered_map<std::string_view, size_t> index;
        if (haveStates) {
            states.reserve(statesIt->size());
            index.reserve(statesIt->size() * 2);
            for (auto it = statesIt->begin(); it != statesIt->end(); ++it) {
                const std::string& name = it.key();
                std::string statePointer = child(statesPointer, name);
                checkName(name, statePointer);
                index.emplace(name, states.size());
                states.push_back({ name, &*it, std::move(statePointer) });
            }
        }

        // StartAt
        std::optional<size_t> start;
        const std::string startPointer = pointer + "/StartAt";
        if (const auto it = m.find("StartAt"); it == m.end()) {
            m_r.error(startPointer, QStringLiteral("missing \"StartAt\" (the name of the first state)"));
        } else if (!it->is_string()) {
            m_r.error(startPointer, QStringLiteral("\"StartAt\" must be the name of a state, not %1").arg(jsonTypeName(*it)));
        } else if (haveStates) {
            const std::string& name = it->get_ref<const std::string&>();
            if (const auto found = index.find(name); found != index.end())
                start = found->second;
            else
                m_r.error(startPointer, QStringLiteral("\"StartAt\" names %1, which is not a state %2")
                                            .arg(inQuotes(name), where(kind)));
        }

        // Every state, collecting transitions.
        std::vector<std::vector<size_t>> edges(states.size());
        std::vector<char> terminal(states.size(), 0);
        for (size_t i = 0; i < states.size(); ++i) {
            const StateRef& ref = states[i];
            terminal[i] = state(*ref.json, ref.name, ref.pointer, depth);
            // A state with a broken transition is already reported: count it as finishing, so that the end check
            // does not repeat the same problem.
            if (!collectTransitions(*ref.json, ref.pointer, index, kind, edges[i]))
                terminal[i] = 1;
        }
        if (states.empty())
            return;
        checkReachability(states, edges, terminal, start, statesPointer, kind);
    }

    [[nodiscard]] static QString where(MachineKind kind)
    {
        switch (kind) {
        case MachineKind::Top:
            return QStringLiteral("of the state machine");
        case MachineKind::Branch:
            return QStringLiteral("of this Parallel branch (a branch cannot go to states outside it)");
        case MachineKind::Processor:
            return QStringLiteral("of this Map item processor (it cannot go to states outside it)");
        }
        return {};
    }

    void checkName(const std::string& name, const std::string& pointer)
    {
        if (!m_allNames.insert(name).second)
            m_r.error(pointer, QStringLiteral("the state name %1 is used twice: state names must be unique in the whole state machine, "
                                              "including Parallel branches and Map processors")
                                   .arg(inQuotes(name)));
        const QString text = toQString(name);
        if (text.size() > MaxStateNameLength)
            m_r.error(pointer, QStringLiteral("the state name is %1 characters long; Step Functions allows at most %2")
                                   .arg(text.size())
                                   .arg(MaxStateNameLength));
        else if (text.isEmpty())
            m_r.error(pointer, QStringLiteral("a state name cannot be empty"));
    }

    /// Checks one state; returns whether it ends its machine (Succeed, Fail, End: true).
    bool state(const Json& json, std::string_view name, const std::string& pointer, int depth)
    {
        if (!json.is_object()) {
            if (name == "QueryLanguage" || name == "Comment" || name == "TimeoutSeconds" || name == "Version")
                m_r.error(pointer, QStringLiteral("%1 is inside \"States\", where every member is a state: move it up next to "
                                                  "\"States\"")
                                       .arg(inQuotes(name)));
            else
                m_r.error(pointer, QStringLiteral("state %1 must be an object, not %2").arg(inQuotes(name), jsonTypeName(json)));
            return false;
        }
        const auto typeIt = json.find("Type");
        const bool ends = json.contains("End") && json["End"].is_boolean() && json["End"].get<bool>();
        if (typeIt == json.end()) {
            m_r.error(pointer, QStringLiteral("state %1 has no \"Type\" (Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map)")
                                   .arg(inQuotes(name)));
            return ends;
        }
        const std::string typePointer = child(pointer, "Type");
        if (!typeIt->is_string()) {
            m_r.error(typePointer, QStringLiteral("\"Type\" must be a string, not %1").arg(jsonTypeName(*typeIt)));
            return ends;
        }
        const std::string& typeName = typeIt->get_ref<const std::string&>();
        const auto kind = stateKindFromName(typeName);
        if (!kind) {
            if (containsPlaceholder(typeName))
                m_r.warning(typePointer, QStringLiteral("\"Type\" is the unsubstituted placeholder %1: the state cannot be checked")
                                             .arg(inQuotes(typeName)));
            else
                m_r.error(typePointer, QStringLiteral("unknown state type %1 (expected Task, Pass, Choice, Wait, Succeed, Fail, "
                                                      "Parallel or Map)")
                                           .arg(inQuotes(typeName)));
            return ends || json.contains("End");
        }

        Language language = m_topLanguage;
        if (const auto it = json.find("QueryLanguage"); it != json.end() && it->is_string())
            language = *it == "JSONata" ? Language::JSONata : Language::JSONPath;

        checkStateFields(m_r, json, pointer, *kind, language);
        checkTransitionFields(json, pointer, *kind);

        if (const auto it = json.find("Retry"); it != json.end() && (*kind & (TaskState | ParallelState | MapState)))
            checkRetriers(m_r, *it, child(pointer, "Retry"));
        if (const auto it = json.find("Catch"); it != json.end() && (*kind & (TaskState | ParallelState | MapState)))
            checkCatchers(m_r, *it, child(pointer, "Catch"), language);
        if (*kind == ChoiceState)
            checkChoiceRules(m_r, json, pointer, language);
        if (*kind == MapState)
            checkMapFields(m_r, json, pointer, language);
        if (language == Language::JSONata) {
            for (auto it = json.begin(); it != json.end(); ++it) {
                const std::string& key = it.key();
                if (key != "Comment" && key != "Branches" && key != "ItemProcessor" && key != "Iterator"
                    && (it->is_structured() || it->is_string()))
                    checkJsonataValues(m_r, *it, child(pointer, key));
            }
        }

        if (depth >= MaxNesting) {
            if (json.contains("Branches") || json.contains("ItemProcessor") || json.contains("Iterator"))
                m_r.warning(pointer, QStringLiteral("nested more than %1 levels deep: inner states are not checked").arg(MaxNesting));
        } else if (*kind == ParallelState) {
            branches(json, pointer, depth);
        } else if (*kind == MapState) {
            for (const char* key : { "ItemProcessor", "Iterator" }) {
                const auto it = json.find(key);
                if (it == json.end())
                    continue;
                const std::string processorPointer = child(pointer, key);
                if (!it->is_object())
                    m_r.error(processorPointer, QStringLiteral("%1 must be an object with \"StartAt\" and \"States\", not %2")
                                                    .arg(inQuotes(key), jsonTypeName(*it)));
                else
                    machine(*it, processorPointer, MachineKind::Processor, depth + 1);
            }
        }
        // A state with neither Next nor End is reported above; counting it as an end keeps the end check quiet.
        const bool deadEnd = (*kind & (TaskState | PassState | WaitState | ParallelState | MapState)) && !ends
            && !json.contains("Next");
        return *kind == SucceedState || *kind == FailState || ends || deadEnd;
    }

    void branches(const Json& json, const std::string& pointer, int depth)
    {
        const auto it = json.find("Branches");
        if (it == json.end())
            return;
        const std::string branchesPointer = child(pointer, "Branches");
        if (!it->is_array() || it->empty()) {
            m_r.error(branchesPointer, QStringLiteral("\"Branches\" must be a non-empty array of state machines, not %1")
                                          .arg(it->is_array() ? QStringLiteral("an empty array") : jsonTypeName(*it)));
            return;
        }
        for (size_t b = 0; b < it->size(); ++b) {
            const Json& branch = (*it)[b];
            const std::string branchPointer = child(branchesPointer, b);
            if (!branch.is_object())
                m_r.error(branchPointer, QStringLiteral("a branch must be an object with \"StartAt\" and \"States\", not %1")
                                             .arg(jsonTypeName(branch)));
            else
                machine(branch, branchPointer, MachineKind::Branch, depth + 1);
        }
    }

    /// Next / End: exactly one on Task, Pass, Wait, Parallel and Map; neither on Choice, Succeed and Fail (the field
    /// table reports those as not allowed).
    void checkTransitionFields(const Json& json, const std::string& pointer, StateKind kind)
    {
        if (!(kind & (TaskState | PassState | WaitState | ParallelState | MapState)))
            return;
        const auto next = json.find("Next");
        const auto end = json.find("End");
        const bool ends = end != json.end() && end->is_boolean() && end->get<bool>();
        if (next != json.end() && end != json.end())
            m_r.error(child(pointer, "End"), QStringLiteral("a state cannot have both \"Next\" and \"End\": keep one"));
        else if (next == json.end() && !ends)
            m_r.error(pointer, end != json.end() ? QStringLiteral("\"End\" is false and there is no \"Next\": give \"Next\" or set \"End\": true")
                                                 : QStringLiteral("the state needs \"Next\" (the state that follows) or \"End\": true"));
    }

    bool resolve(const Json& target, const std::string& pointer, const std::unordered_map<std::string_view, size_t>& index,
        MachineKind kind, std::vector<size_t>& edges)
    {
        if (!target.is_string())
            return false; // reported by the field checks
        const std::string& name = target.get_ref<const std::string&>();
        if (const auto it = index.find(name); it != index.end()) {
            edges.push_back(it->second);
            return true;
        }
        m_r.error(pointer, QStringLiteral("goes to %1, which is not a state %2").arg(inQuotes(name), where(kind)));
        return false;
    }

    /// Adds the state's transitions to `edges`; false when one of them goes nowhere.
    bool collectTransitions(const Json& json, const std::string& pointer,
        const std::unordered_map<std::string_view, size_t>& index, MachineKind kind, std::vector<size_t>& edges)
    {
        if (!json.is_object())
            return true;
        bool ok = true;
        if (const auto it = json.find("Next"); it != json.end())
            ok = resolve(*it, child(pointer, "Next"), index, kind, edges) && ok;
        if (const auto it = json.find("Default"); it != json.end())
            ok = resolve(*it, child(pointer, "Default"), index, kind, edges) && ok;
        if (const auto choices = json.find("Choices"); choices != json.end() && choices->is_array()) {
            for (size_t c = 0; c < choices->size(); ++c) {
                const Json& rule = (*choices)[c];
                if (!rule.is_object())
                    continue;
                if (const auto next = rule.find("Next"); next != rule.end())
                    ok = resolve(*next, child(child(child(pointer, "Choices"), c), "Next"), index, kind, edges) && ok;
            }
        }
        if (const auto catchers = json.find("Catch"); catchers != json.end() && catchers->is_array()) {
            for (size_t c = 0; c < catchers->size(); ++c) {
                const Json& rule = (*catchers)[c];
                if (!rule.is_object())
                    continue;
                if (const auto next = rule.find("Next"); next != rule.end())
                    ok = resolve(*next, child(child(child(pointer, "Catch"), c), "Next"), index, kind, edges) && ok;
            }
        }
        return ok;
    }

    /// Unreachable states, and whether any end can be reached. Linear in states + transitions.
    void checkReachability(const std::vector<StateRef>& states, const std::vector<std::vector<size_t>>& edges,
        const std::vector<char>& terminal, std::optional<size_t> start, const std::string& statesPointer, MachineKind kind)
    {
        if (!start)
            return; // StartAt is reported; everything would look unreachable
        const size_t n = states.size();
        std::vector<char> reached(n, 0);
        std::vector<size_t> stack { *start };
        reached[*start] = 1;
        while (!stack.empty()) {
            const size_t s = stack.back();
            stack.pop_back();
            for (const size_t t : edges[s]) {
                if (!reached[t]) {
                    reached[t] = 1;
                    stack.push_back(t);
                }
            }
        }
        for (size_t i = 0; i < n; ++i) {
            if (!reached[i] && states[i].json->is_object()) // a non-object "state" is reported already
                m_r.error(states[i].pointer, QStringLiteral("state %1 can never run: no transition %2 leads to it")
                                                 .arg(inQuotes(states[i].name),
                                                     kind == MachineKind::Top ? QStringLiteral("from StartAt") : QStringLiteral("in its machine")));
        }

        // Backwards from the ends: which reached states can finish?
        std::vector<std::vector<size_t>> incoming(n);
        for (size_t s = 0; s < n; ++s) {
            for (const size_t t : edges[s])
                incoming[t].push_back(s);
        }
        std::vector<char> finishes(n, 0);
        for (size_t i = 0; i < n; ++i) {
            if (terminal[i]) {
                finishes[i] = 1;
                stack.push_back(i);
            }
        }
        while (!stack.empty()) {
            const size_t s = stack.back();
            stack.pop_back();
            for (const size_t p : incoming[s]) {
                if (!finishes[p]) {
                    finishes[p] = 1;
                    stack.push_back(p);
                }
            }
        }
        if (!finishes[*start]) {
            m_r.error(statesPointer, QStringLiteral("no path from %1 reaches an end: add a Succeed or Fail state or \"End\": true")
                                         .arg(inQuotes(states[*start].name)));
            return;
        }
        for (size_t i = 0; i < n; ++i) {
            if (reached[i] && !finishes[i])
                m_r.warning(states[i].pointer, QStringLiteral("from state %1 no path reaches an end: it loops forever")
                                                   .arg(inQuotes(states[i].name)));
        }
    }

    const SourceDocument& m_doc;
    Reporter m_r;
    Language m_topLanguage = Language::JSONPath;
    std::unordered_set<std::string_view> m_allNames;
};

} // namespace

Diagnostics validateDefinition(const SourceDocument& definition)
{
    Diagnostics diagnostics;
    MachineWalker(definition, diagnostics).run();
    return diagnostics;
}

} // namespace Stepscope
