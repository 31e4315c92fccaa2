#include "workflowbuilder.h"

#include <QHash>
#include <QStringList>

#include <array>
#include <string_view>

namespace Stepscope {

namespace {

constexpr int MaxNesting = 100; // Parallel / Map levels; deeper definitions are cut with a diagnostic

QString text(const Json& value)
{
    if (value.is_string())
        return toQString(value.get_ref<const std::string&>());
    return toQString(value.dump());
}

QString stringMember(const Json& object, const char* key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? toQString(it->get_ref<const std::string&>()) : QString();
}

QStringList stringList(const Json& value)
{
    QStringList list;
    if (value.is_array()) {
        for (const Json& item : value)
            list.append(text(item));
    } else if (!value.is_null()) {
        list.append(text(value));
    }
    return list;
}

double numberOr(const Json& object, const char* key, double fallback)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? it->get<double>() : fallback;
}

struct Comparison {
    std::string_view suffix; ///< the operator name without its type prefix
    const char* symbol;
};

// Longest suffixes first so that "LessThanEquals" is not read as "Equals".
constexpr std::array comparisons {
    Comparison { "LessThanEqualsPath", "<=" },
    Comparison { "GreaterThanEqualsPath", ">=" },
    Comparison { "LessThanEquals", "<=" },
    Comparison { "GreaterThanEquals", ">=" },
    Comparison { "LessThanPath", "<" },
    Comparison { "GreaterThanPath", ">" },
    Comparison { "LessThan", "<" },
    Comparison { "GreaterThan", ">" },
    Comparison { "EqualsPath", "==" },
    Comparison { "Equals", "==" },
    Comparison { "MatchesPath", "matches" },
    Comparison { "Matches", "matches" },
};

struct TypeTest {
    std::string_view name;
    const char* yes;
    const char* no;
};

constexpr std::array typeTests {
    TypeTest { "IsNull", "is null", "is not null" },
    TypeTest { "IsPresent", "is present", "is absent" },
    TypeTest { "IsNumeric", "is numeric", "is not numeric" },
    TypeTest { "IsString", "is a string", "is not a string" },
    TypeTest { "IsBoolean", "is a boolean", "is not a boolean" },
    TypeTest { "IsTimestamp", "is a timestamp", "is not a timestamp" },
};

QString comparisonLabel(const QString& variable, const std::string& op, const Json& value)
{
    for (const TypeTest& test : typeTests) {
        if (op == test.name) {
            const bool yes = !value.is_boolean() || value.get<bool>();
            return variable + QLatin1Char(' ') + QLatin1String(yes ? test.yes : test.no);
        }
    }
    for (const Comparison& comparison : comparisons) {
        if (op.size() > comparison.suffix.size() && op.ends_with(comparison.suffix)) {
            const bool isPath = comparison.suffix.ends_with("Path");
            const QString operand = isPath ? text(value) : toQString(value.dump());
            return QStringLiteral("%1 %2 %3").arg(variable, QLatin1String(comparison.symbol), operand);
        }
    }
    return QStringLiteral("%1 %2 %3").arg(variable, toQString(op), toQString(value.dump()));
}

QString jsonataCondition(const QString& condition)
{
    QString trimmed = condition.trimmed();
    if (trimmed.startsWith(QLatin1String("{%")) && trimmed.endsWith(QLatin1String("%}")) && trimmed.size() >= 4)
        trimmed = trimmed.mid(2, trimmed.size() - 4).trimmed();
    return trimmed;
}

QString ruleLabel(const Json& rule, int depth)
{
    if (!rule.is_object() || depth > 32)
        return QStringLiteral("…");
    if (const auto it = rule.find("Condition"); it != rule.end())
        return jsonataCondition(text(*it));
    auto composite = [&](const char* key, const char* joiner) -> QString {
        const auto it = rule.find(key);
        if (it == rule.end() || !it->is_array())
            return {};
        QStringList parts;
        for (const Json& inner : *it) {
            const bool nested = inner.is_object() && (inner.contains("And") || inner.contains("Or"));
            const QString part = ruleLabel(inner, depth + 1);
            parts.append(nested ? QStringLiteral("(%1)").arg(part) : part);
        }
        return parts.join(QLatin1String(joiner));
    };
    if (rule.contains("And"))
        return composite("And", " and ");
    if (rule.contains("Or"))
        return composite("Or", " or ");
    if (const auto it = rule.find("Not"); it != rule.end())
        return QStringLiteral("not (%1)").arg(ruleLabel(*it, depth + 1));
    const QString variable = stringMember(rule, "Variable");
    for (auto it = rule.begin(); it != rule.end(); ++it) {
        const std::string& key = it.key();
        if (key == "Variable" || key == "Next" || key == "Comment" || key == "Assign" || key == "Output")
            continue;
        return comparisonLabel(variable, key, it.value());
    }
    return variable;
}

class Builder {
public:
    Builder(const SourceDocument& doc, Diagnostics& diagnostics)
        : m_doc(doc)
        , m_diagnostics(diagnostics)
    {
    }

    Workflow build(const QString& name)
    {
        const Json& root = m_doc.root;
        m_workflow.name = name;
        if (!root.is_object()) {
            report("/", QStringLiteral("the definition is not a JSON object"));
            return std::move(m_workflow);
        }
        m_workflow.comment = stringMember(root, "Comment");
        m_workflow.startAt = stringMember(root, "StartAt");
        if (stringMember(root, "QueryLanguage") == QLatin1String("JSONata"))
            m_workflow.queryLanguage = QueryLanguage::JSONata;
        if (const auto it = root.find("TimeoutSeconds"); it != root.end() && it->is_number_integer())
            m_workflow.timeoutSeconds = it->get<int>();
        m_workflow.start = buildMachine(root, std::string(), NoIndex, m_workflow.queryLanguage, 0);
        if (m_workflow.start != NoIndex)
            m_workflow.states[m_workflow.start].isStart = true;
        return std::move(m_workflow);
    }

private:
    void report(const std::string& pointer, const QString& message, Severity severity = Severity::Error)
    {
        m_diagnostics.append({ severity, message, toQString(pointer), m_doc.positionOf(pointer), m_doc.file });
    }

    /// Builds one (sub-)machine's states and edges; returns its start state.
    StateIndex buildMachine(const Json& machine, const std::string& pointer, ContainerIndex container,
        QueryLanguage language, int depth)
    {
        const auto statesIt = machine.find("States");
        if (statesIt == machine.end() || !statesIt->is_object()) {
            report(pointer + "/States",
                statesIt == machine.end() ? QStringLiteral("missing \"States\"")
                                          : QStringLiteral("\"States\" must be an object of named states"));
            return NoIndex;
        }
        const QString idPrefix = container == NoIndex ? QString() : m_workflow.containers[container].id + u'/';
        // Nested states are appended right after their owner, so siblings are not contiguous: remember them.
        QList<StateIndex> siblings;
        for (auto it = statesIt->begin(); it != statesIt->end(); ++it) {
            const std::string statePointer = pointer + "/States/" + escapePointerToken(it.key());
            siblings.append(static_cast<StateIndex>(m_workflow.states.size()));
            addState(toQString(it.key()), it.value(), statePointer, idPrefix, container, language, depth);
        }
        // Edges once every sibling exists, so that forward references resolve. Names are looked up in a hash: a
        // scan of all states per transition is quadratic on large definitions.
        QHash<QString, StateIndex> names;
        names.reserve(siblings.size());
        for (const StateIndex s : siblings)
            names.insert(m_workflow.states[s].name, s);
        const QHash<QString, StateIndex>* outer = m_siblings;
        m_siblings = &names;
        auto sibling = siblings.cbegin();
        for (auto it = statesIt->begin(); it != statesIt->end(); ++it, ++sibling)
            addEdges(*sibling, it.value(), pointer + "/States/" + escapePointerToken(it.key()));
        m_siblings = outer;

        const QString startAt = stringMember(machine, "StartAt");
        const StateIndex start = startAt.isEmpty() ? NoIndex : names.value(startAt, NoIndex);
        if (start == NoIndex)
            report(pointer + "/StartAt",
                startAt.isEmpty() ? QStringLiteral("missing \"StartAt\"")
                                  : QStringLiteral("StartAt names \"%1\", which is not a state here").arg(startAt));
        return start;
    }

    void addState(const QString& name, const Json& json, const std::string& pointer, const QString& idPrefix,
        ContainerIndex container, QueryLanguage inherited, int depth)
    {
        State state;
        state.name = name;
        state.id = idPrefix + name;
        state.pointer = toQString(pointer);
        state.pos = m_doc.positionOf(pointer);
        state.container = container;
        state.queryLanguage = inherited;
        state.json = QByteArray::fromStdString(json.dump());
        if (!json.is_object()) {
            state.typeName = QStringLiteral("?");
            report(pointer, QStringLiteral("state \"%1\" must be an object").arg(name));
            m_workflow.states.append(std::move(state));
            return;
        }
        if (const auto typeIt = json.find("Type"); typeIt != json.end())
            state.typeName = text(*typeIt);
        state.type = stateTypeFromName(state.typeName);
        state.comment = stringMember(json, "Comment");
        state.resource = stringMember(json, "Resource");
        const QString language = stringMember(json, "QueryLanguage");
        if (!language.isEmpty())
            state.queryLanguage = language == QLatin1String("JSONata") ? QueryLanguage::JSONata : QueryLanguage::JSONPath;
        state.isEnd = (json.contains("End") && json["End"].is_boolean() && json["End"].get<bool>())
            || state.type == StateType::Succeed || state.type == StateType::Fail;
        readRetries(json, state);
        readCatches(json, state);

        const StateIndex index = static_cast<StateIndex>(m_workflow.states.size());
        const QueryLanguage childLanguage = state.queryLanguage;
        m_workflow.states.append(std::move(state));

        if (depth >= MaxNesting) {
            if (json.contains("Branches") || json.contains("Iterator") || json.contains("ItemProcessor"))
                report(pointer, QStringLiteral("nested more than %1 levels deep: inner states are not shown").arg(MaxNesting));
            return;
        }
        if (const auto branches = json.find("Branches"); branches != json.end() && branches->is_array()) {
            for (size_t b = 0; b < branches->size(); ++b) {
                const Json& branch = (*branches)[b];
                const std::string branchPointer = pointer + "/Branches/" + std::to_string(b);
                const ContainerIndex child = addContainer(index, ContainerKind::ParallelBranch,
                    QStringLiteral("Branch %1").arg(b + 1), QString::number(b), container);
                if (!branch.is_object()) {
                    report(branchPointer, QStringLiteral("a branch must be an object with StartAt and States"));
                    continue;
                }
                m_workflow.containers[child].startAt = stringMember(branch, "StartAt");
                m_workflow.containers[child].start = buildMachine(branch, branchPointer, child, childLanguage, depth + 1);
            }
        }
        const char* processorKey = json.contains("ItemProcessor") ? "ItemProcessor"
            : json.contains("Iterator")                          ? "Iterator"
                                                                 : nullptr;
        if (processorKey) {
            const Json& processor = json[processorKey];
            const QString mode = processor.is_object() && processor.contains("ProcessorConfig")
                    && processor["ProcessorConfig"].is_object()
                ? stringMember(processor["ProcessorConfig"], "Mode")
                : QString();
            const QString label = mode == QLatin1String("DISTRIBUTED") ? QStringLiteral("Item processor (distributed)")
                : std::string_view(processorKey) == "Iterator"         ? QStringLiteral("Iterator")
                                                                       : QStringLiteral("Item processor");
            const ContainerIndex child
                = addContainer(index, ContainerKind::MapProcessor, label, QStringLiteral("processor"), container);
            m_workflow.containers[child].details = mapDetails(json, mode);
            const std::string processorPointer = pointer + "/" + processorKey;
            if (!processor.is_object()) {
                report(processorPointer, QStringLiteral("%1 must be an object with StartAt and States").arg(QLatin1String(processorKey)));
                return;
            }
            m_workflow.containers[child].startAt = stringMember(processor, "StartAt");
            m_workflow.containers[child].start = buildMachine(processor, processorPointer, child, childLanguage, depth + 1);
        }
    }

    ContainerIndex addContainer(StateIndex owner, ContainerKind kind, const QString& label, const QString& suffix,
        ContainerIndex parent)
    {
        Container container;
        container.id = m_workflow.states[owner].id + u'/' + suffix;
        container.label = label;
        container.kind = kind;
        container.owner = owner;
        container.parent = parent;
        const auto index = static_cast<ContainerIndex>(m_workflow.containers.size());
        m_workflow.containers.append(std::move(container));
        m_workflow.states[owner].children.append(index);
        return index;
    }

    static QStringList mapDetails(const Json& map, const QString& mode)
    {
        QStringList details;
        if (!mode.isEmpty())
            details.append(QStringLiteral("Mode: %1").arg(mode));
        if (const auto it = map.find("MaxConcurrency"); it != map.end())
            details.append(QStringLiteral("Max concurrency: %1").arg(text(*it)));
        if (const auto it = map.find("MaxConcurrencyPath"); it != map.end())
            details.append(QStringLiteral("Max concurrency: %1").arg(text(*it)));
        if (const auto it = map.find("ItemReader"); it != map.end() && it->is_object())
            details.append(QStringLiteral("Reads items: %1").arg(stringMember(*it, "Resource")));
        if (const auto it = map.find("ItemBatcher"); it != map.end())
            details.append(QStringLiteral("Batched items"));
        if (const auto it = map.find("ResultWriter"); it != map.end() && it->is_object())
            details.append(QStringLiteral("Writes results: %1").arg(stringMember(*it, "Resource")));
        for (const char* key : { "ToleratedFailurePercentage", "ToleratedFailureCount" }) {
            if (const auto it = map.find(key); it != map.end())
                details.append(QStringLiteral("%1: %2").arg(QLatin1String(key), text(*it)));
        }
        return details;
    }

    static void readRetries(const Json& json, State& state)
    {
        const auto it = json.find("Retry");
        if (it == json.end() || !it->is_array())
            return;
        for (const Json& rule : *it) {
            if (!rule.is_object())
                continue;
            RetryRule retry;
            retry.errorEquals = stringList(rule.value("ErrorEquals", Json()));
            retry.maxAttempts = static_cast<int>(numberOr(rule, "MaxAttempts", 3));
            retry.intervalSeconds = numberOr(rule, "IntervalSeconds", 1);
            retry.backoffRate = numberOr(rule, "BackoffRate", 2);
            if (const auto delay = rule.find("MaxDelaySeconds"); delay != rule.end() && delay->is_number())
                retry.maxDelaySeconds = delay->get<double>();
            retry.jitterStrategy = stringMember(rule, "JitterStrategy");
            state.retries.append(retry);
        }
    }

    static void readCatches(const Json& json, State& state)
    {
        const auto it = json.find("Catch");
        if (it == json.end() || !it->is_array())
            return;
        for (const Json& rule : *it) {
            if (!rule.is_object())
                continue;
            state.catches.append({ stringList(rule.value("ErrorEquals", Json())), stringMember(rule, "Next"),
                stringMember(rule, "ResultPath") });
        }
    }

    void addEdge(StateIndex from, const Json* target, EdgeKind kind, const QString& label, const std::string& pointer)
    {
        if (!target)
            return;
        const State& source = m_workflow.states[from];
        if (!target->is_string()) {
            report(pointer, QStringLiteral("a transition target must be a state name"));
            return;
        }
        const QString targetName = toQString(target->get_ref<const std::string&>());
        const StateIndex to = m_siblings ? m_siblings->value(targetName, NoIndex) : m_workflow.findState(targetName, source.container);
        if (to == NoIndex) {
            report(pointer, QStringLiteral("\"%1\" goes to \"%2\", which is not a state here").arg(source.name, targetName));
            return;
        }
        m_workflow.edges.append({ from, to, kind, label });
    }

    void addEdges(StateIndex index, const Json& json, const std::string& pointer)
    {
        if (!json.is_object())
            return;
        auto member = [&](const Json& object, const char* key) -> const Json* {
            const auto it = object.find(key);
            return it == object.end() ? nullptr : &*it;
        };
        addEdge(index, member(json, "Next"), EdgeKind::Next, {}, pointer + "/Next");
        if (const Json* choices = member(json, "Choices"); choices && choices->is_array()) {
            for (size_t c = 0; c < choices->size(); ++c) {
                const Json& rule = (*choices)[c];
                if (rule.is_object())
                    addEdge(index, member(rule, "Next"), EdgeKind::Choice, ruleLabel(rule, 0),
                        pointer + "/Choices/" + std::to_string(c) + "/Next");
            }
        }
        addEdge(index, member(json, "Default"), EdgeKind::Default, QStringLiteral("Default"), pointer + "/Default");
        if (const Json* catches = member(json, "Catch"); catches && catches->is_array()) {
            for (size_t c = 0; c < catches->size(); ++c) {
                const Json& rule = (*catches)[c];
                if (rule.is_object())
                    addEdge(index, member(rule, "Next"), EdgeKind::Catch,
                        stringList(rule.value("ErrorEquals", Json())).join(QLatin1String(", ")),
                        pointer + "/Catch/" + std::to_string(c) + "/Next");
            }
        }
    }

    const SourceDocument& m_doc;
    Diagnostics& m_diagnostics;
    Workflow m_workflow;
    const QHash<QString, StateIndex>* m_siblings = nullptr; ///< the machine whose edges are being added
};

} // namespace

QString choiceRuleLabel(const Json& rule)
{
    return ruleLabel(rule, 0);
}

Workflow buildWorkflow(const SourceDocument& definition, const QString& name, Diagnostics& diagnostics)
{
    return Builder(definition, diagnostics).build(name);
}

} // namespace Stepscope
