#include "archivedhistory.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

namespace Stepscope {

namespace {

using Json = nlohmann::ordered_json;

std::string utf8(const QString& text) { return text.toStdString(); }

// AWS writes payloads as JSON text inside a string.
Json payload(const QByteArray& json, const char* fallback = "{}")
{
    return Json(json.isNull() ? std::string(fallback) : json.toStdString());
}

// Events with explicit predecessors: the reader puts a Parallel branch's states in the branch whose first event points
// at ParallelStateStarted, and a Map iteration's at its MapIterationStarted.
class Writer {
public:
    explicit Writer(qint64 startMs)
        : m_lastMs(startMs == NoTime ? 0 : startMs)
    {
    }

    int add(const std::string& type, qint64 ms, int previous, const char* detailsKey = nullptr, Json details = {})
    {
        if (ms != NoTime)
            m_lastMs = ms; // unknown times take the last known one
        Json event;
        event["timestamp"] = utf8(QDateTime::fromMSecsSinceEpoch(m_lastMs, Qt::UTC).toString(Qt::ISODateWithMs));
        event["type"] = type;
        const int id = int(m_events.size()) + 1;
        event["id"] = id;
        event["previousEventId"] = previous;
        if (detailsKey)
            event[detailsKey] = std::move(details);
        m_events.push_back(std::move(event));
        return id;
    }
    [[nodiscard]] Json events() const { return m_events; }

private:
    Json m_events = Json::array();
    qint64 m_lastMs;
};

// The archived runs as a tree again: a run's children are the runs whose container path starts with its state id.
struct Node {
    const ArchivedStateRun* run = nullptr;
    QString key; ///< under the parent: the branch number, or "processor" for a Map iteration
    std::vector<std::unique_ptr<Node>> children;
};

// Runs inside a container whose own run is not in the archive (older imports, hand-made archives) get a stand-in
// container run, so that they still land in their branch or iteration.
class TreeBuilder {
public:
    std::vector<std::unique_ptr<Node>> build(const QList<ArchivedStateRun>& runs)
    {
        for (const ArchivedStateRun& run : runs)
            place(run);
        return std::move(m_roots);
    }

private:
    // `standIns`: whether a missing container may be stood in for (once per run, so that odd paths cannot loop).
    void place(const ArchivedStateRun& run, bool standIns = true)
    {
        auto node = std::make_unique<Node>();
        node->run = &run;
        while (!m_stack.empty() && !run.containerPath.startsWith(m_stack.back()->run->stateId() + u'/'))
            m_stack.pop_back();
        if (!run.containerPath.isEmpty() && m_stack.empty() && standIns) {
            place(standIn(run));
            return place(run, false);
        }
        Node* raw = node.get();
        if (m_stack.empty()) {
            m_roots.push_back(std::move(node));
        } else {
            Node* parent = m_stack.back();
            raw->key = run.containerPath.mid(parent->run->stateId().size() + 1).section(u'/', 0, 0);
            if (standIns && run.containerPath.count(u'/') > parent->run->stateId().count(u'/') + 1) {
                // A deeper container than the parent's own branches: its owner is missing too.
                place(standIn(run));
                return place(run, false);
            }
            parent->children.push_back(std::move(node));
        }
        m_stack.push_back(raw);
    }

    // "Fanout/0" → a run of "Fanout" (at the top level); "A/0/B/processor" → a run of "B" in container "A/0".
    // (QString::section counts negative indexes from the end: -1 is the last section.)
    const ArchivedStateRun& standIn(const ArchivedStateRun& child)
    {
        const QString ownerId = child.containerPath.section(u'/', 0, -2);
        auto owner = std::make_unique<ArchivedStateRun>();
        owner->state = ownerId.section(u'/', -1);
        owner->containerPath = ownerId.contains(u'/') ? ownerId.section(u'/', 0, -2) : QString();
        owner->status = child.status == QLatin1String("FAILED") ? QStringLiteral("FAILED") : QStringLiteral("SUCCEEDED");
        owner->startMs = child.startMs;
        m_standIns.push_back(std::move(owner));
        return *m_standIns.back();
    }

    std::vector<std::unique_ptr<Node>> m_roots;
    std::vector<Node*> m_stack;
    std::vector<std::unique_ptr<ArchivedStateRun>> m_standIns;
};

bool isStatus(const ArchivedStateRun& run, const char* status) { return run.status == QLatin1String(status); }

class HistoryBuilder {
public:
    HistoryBuilder(const ArchivedExecution& execution, const QHash<QString, QString>& types)
        : m_writer(execution.startMs)
        , m_types(types)
    {
    }

    Writer& writer() { return m_writer; }

    int emitRuns(const std::vector<std::unique_ptr<Node>>& nodes, int previous)
    {
        for (const auto& node : nodes)
            previous = emitNode(*node, previous);
        return previous;
    }

private:
    static qint64 endOf(const ArchivedStateRun& run)
    {
        return run.startMs != NoTime && run.durationMs >= 0 ? run.startMs + run.durationMs : NoTime;
    }

    int entered(const std::string& type, const ArchivedStateRun& run, int previous)
    {
        Json details;
        details["name"] = utf8(run.state);
        details["input"] = payload(run.input);
        details["inputDetails"] = { { "truncated", false } };
        return m_writer.add(type, run.startMs, previous, "stateEnteredEventDetails", details);
    }

    int exited(const std::string& type, const ArchivedStateRun& run, int previous)
    {
        Json details;
        details["name"] = utf8(run.state);
        details["output"] = payload(run.output.isNull() ? run.input : run.output);
        details["outputDetails"] = { { "truncated", false } };
        return m_writer.add(type, endOf(run), previous, "stateExitedEventDetails", details);
    }

    int emitNode(const Node& node, int previous)
    {
        const ArchivedStateRun& run = *node.run;
        QString type = m_types.value(run.state);
        if (!node.children.empty() && type != QLatin1String("Parallel") && type != QLatin1String("Map"))
            type = node.children.front()->key == QLatin1String("processor") ? QStringLiteral("Map") : QStringLiteral("Parallel");
        if (type == QLatin1String("Parallel") || type == QLatin1String("Map"))
            return emitContainer(node, type == QLatin1String("Map"), previous);
        if (type.isEmpty() || type == QLatin1String("Task") || !QStringList { "Pass", "Choice", "Wait", "Succeed", "Fail" }.contains(type))
            return emitTask(run, previous);
        if (type == QLatin1String("Fail")) {
            const int id = entered("FailStateEntered", run, previous);
            return id;
        }
        const std::string prefix = utf8(type);
        int id = entered(prefix + "StateEntered", run, previous);
        if (isStatus(run, "ABORTED") && type == QLatin1String("Wait"))
            return m_writer.add("WaitStateAborted", endOf(run), id);
        if (isStatus(run, "RUNNING") || isStatus(run, "FAILED") || isStatus(run, "TIMED_OUT"))
            return id;
        return exited(prefix + "StateExited", run, id);
    }

    int emitTask(const ArchivedStateRun& run, int previous)
    {
        int id = entered("TaskStateEntered", run, previous);
        const bool failed = isStatus(run, "FAILED") || isStatus(run, "CAUGHT") || isStatus(run, "TIMED_OUT");
        const Json resource = { { "resourceType", "archive" }, { "resource", "unknown" } };
        const int attempts = std::max(1, run.attempts);
        for (int attempt = 0; attempt < attempts; ++attempt) {
            const bool last = attempt + 1 == attempts;
            id = m_writer.add("TaskScheduled", run.startMs, id, "taskScheduledEventDetails", resource);
            id = m_writer.add("TaskStarted", run.startMs, id, "taskStartedEventDetails", resource);
            if (last && (isStatus(run, "RUNNING") || isStatus(run, "ABORTED")))
                break;
            if (last && !failed) {
                Json done = resource;
                done["output"] = payload(run.output);
                id = m_writer.add("TaskSucceeded", endOf(run), id, "taskSucceededEventDetails", done);
                continue;
            }
            Json error = resource;
            error["error"] = utf8(run.error);
            error["cause"] = utf8(run.cause);
            if (last && isStatus(run, "TIMED_OUT"))
                id = m_writer.add("TaskTimedOut", endOf(run), id, "taskTimedOutEventDetails", error);
            else
                id = m_writer.add("TaskFailed", last ? endOf(run) : run.startMs, id, "taskFailedEventDetails", error);
        }
        if (isStatus(run, "ABORTED"))
            return m_writer.add("TaskStateAborted", endOf(run), id);
        // A failed state ends the execution without an exit; a caught one exits towards its handler.
        if (isStatus(run, "FAILED") || isStatus(run, "TIMED_OUT") || isStatus(run, "RUNNING"))
            return id;
        return exited("TaskStateExited", run, id);
    }

    int emitContainer(const Node& node, bool map, int previous)
    {
        const ArchivedStateRun& run = *node.run;
        const std::string prefix = map ? "Map" : "Parallel";
        const int enteredId = entered(prefix + "StateEntered", run, previous);
        Json started = Json::object();
        int startedId = 0;
        if (map) {
            int length = 0;
            for (const auto& child : node.children)
                length = std::max(length, child->run->iteration + 1);
            startedId = m_writer.add("MapStateStarted", run.startMs, enteredId, "mapStateStartedEventDetails", { { "length", length } });
        } else {
            startedId = m_writer.add("ParallelStateStarted", run.startMs, enteredId);
        }
        // Children in lanes: one per branch number, or one per Map iteration, in order of first appearance.
        QList<QPair<QString, int>> laneKeys;
        for (const auto& child : node.children) {
            const QPair<QString, int> key { child->key, map ? child->run->iteration : -1 };
            if (!laneKeys.contains(key))
                laneKeys.append(key);
        }
        int last = startedId;
        for (const auto& [key, iteration] : laneKeys) {
            int lane = startedId;
            Json iterationDetails = { { "name", utf8(run.state) }, { "index", std::max(0, iteration) } };
            if (map)
                lane = m_writer.add("MapIterationStarted", NoTime, startedId, "mapIterationStartedEventDetails", iterationDetails);
            bool laneFailed = false;
            for (const auto& child : node.children) {
                if (child->key != key || (map && child->run->iteration != iteration))
                    continue;
                lane = emitNode(*child, lane);
                laneFailed = laneFailed || isStatus(*child->run, "FAILED") || isStatus(*child->run, "TIMED_OUT");
            }
            if (map)
                lane = m_writer.add(laneFailed ? "MapIterationFailed" : "MapIterationSucceeded", NoTime, lane,
                    laneFailed ? "mapIterationFailedEventDetails" : "mapIterationSucceededEventDetails", iterationDetails);
            last = lane;
        }
        const bool failed = isStatus(run, "FAILED") || isStatus(run, "TIMED_OUT") || isStatus(run, "CAUGHT");
        if (isStatus(run, "RUNNING"))
            return last;
        if (isStatus(run, "ABORTED"))
            return m_writer.add(prefix + "StateAborted", endOf(run), last);
        last = m_writer.add(prefix + (failed ? "StateFailed" : "StateSucceeded"), endOf(run), last);
        if (isStatus(run, "FAILED") || isStatus(run, "TIMED_OUT"))
            return last;
        return exited(prefix + "StateExited", run, last);
    }

    Writer m_writer;
    const QHash<QString, QString>& m_types;
};

} // namespace

QByteArray historyFromArchived(const ArchivedExecution& e, const QHash<QString, QString>& stateTypes)
{
    HistoryBuilder builder(e, stateTypes);
    Writer& w = builder.writer();
    Json started;
    started["input"] = payload(e.input);
    started["inputDetails"] = { { "truncated", false } };
    int last = w.add("ExecutionStarted", e.startMs, 0, "executionStartedEventDetails", started);
    TreeBuilder tree;
    last = builder.emitRuns(tree.build(e.runs), last);

    const QString status = e.status.toUpper();
    Json end;
    if (status == QLatin1String("SUCCEEDED")) {
        end["output"] = payload(e.output);
        end["outputDetails"] = { { "truncated", false } };
        w.add("ExecutionSucceeded", e.stopMs, last, "executionSucceededEventDetails", end);
    } else if (status == QLatin1String("FAILED") || status == QLatin1String("TIMED_OUT") || status == QLatin1String("ABORTED")) {
        end["error"] = utf8(status == QLatin1String("TIMED_OUT") && e.error.isEmpty() ? QStringLiteral("States.Timeout") : e.error);
        end["cause"] = utf8(e.cause);
        const char* type = status == QLatin1String("FAILED") ? "ExecutionFailed"
            : status == QLatin1String("TIMED_OUT")           ? "ExecutionTimedOut"
                                                             : "ExecutionAborted";
        const char* key = status == QLatin1String("FAILED") ? "executionFailedEventDetails"
            : status == QLatin1String("TIMED_OUT")          ? "executionTimedOutEventDetails"
                                                            : "executionAbortedEventDetails";
        w.add(type, e.stopMs, last, key, end);
    }
    Json document;
    document["events"] = w.events();
    return QByteArray::fromStdString(document.dump(2, ' ', false, Json::error_handler_t::replace));
}

} // namespace Stepscope
