#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// Engine-neutral workflow graph: plain values, no parsing here.
namespace Stepscope {

enum class StateType { Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map, Unknown };
enum class QueryLanguage { JSONPath, JSONata };
enum class EdgeKind { Next, Choice, Default, Catch };
enum class ContainerKind { ParallelBranch, MapProcessor };

[[nodiscard]] QString stateTypeName(StateType type);
[[nodiscard]] StateType stateTypeFromName(const QString& name); ///< Unknown for anything else
[[nodiscard]] QString edgeKindName(EdgeKind kind); ///< "next", "choice", "default", "catch"
[[nodiscard]] QString queryLanguageName(QueryLanguage language);

struct RetryRule {
    QStringList errorEquals;
    int maxAttempts = 3; ///< ASL default
    double intervalSeconds = 1; ///< ASL default
    double backoffRate = 2; ///< ASL default
    std::optional<double> maxDelaySeconds;
    QString jitterStrategy; ///< "FULL", "NONE" or empty
    /// "3× ↻ 1s ×2" style badge text.
    [[nodiscard]] QString summary() const;
};

struct CatchRule {
    QStringList errorEquals;
    QString next;
    QString resultPath;
};

using StateIndex = int;
using ContainerIndex = int;
constexpr int NoIndex = -1;

struct State {
    QString id; ///< unique within the workflow: the container path plus the name ("Fanout/0/Charge")
    QString name; ///< the key in "States"
    QString typeName; ///< as written ("Task", "Map", "${StateType}", "Foo")
    StateType type = StateType::Unknown;
    QString comment;
    QueryLanguage queryLanguage = QueryLanguage::JSONPath;
    QString resource; ///< Task resource, if any
    QByteArray json; ///< the state's own JSON, compact, for inspection
    QString pointer; ///< JSON pointer of the state in the definition
    SourcePos pos;
    ContainerIndex container = NoIndex; ///< the branch / processor this state is in, NoIndex at top level
    bool isStart = false;
    bool isEnd = false; ///< End: true, Succeed or Fail
    QList<RetryRule> retries;
    QList<CatchRule> catches;
    QList<ContainerIndex> children; ///< Parallel branches or the Map processor
};

/// A Parallel branch or a Map item processor: a sub-machine owned by a state.
struct Container {
    QString id; ///< unique: owner state id + "/" + branch number, or owner id + "/processor"
    QString label; ///< "Branch 1", "Iterator", "Item processor (DISTRIBUTED)"
    ContainerKind kind = ContainerKind::ParallelBranch;
    StateIndex owner = NoIndex;
    ContainerIndex parent = NoIndex; ///< the container of the owner, NoIndex at top level
    QString startAt;
    StateIndex start = NoIndex;
    /// Map only: mode, concurrency, ItemReader, ResultWriter, ItemBatcher, tolerance, summarised.
    QStringList details;
};

struct Edge {
    StateIndex from = NoIndex;
    StateIndex to = NoIndex;
    EdgeKind kind = EdgeKind::Next;
    QString label; ///< Choice rule text, "Default", Catch error list
};

struct Workflow {
    QString name; ///< state machine name (template logical id, file stem otherwise)
    QString comment;
    QString startAt;
    StateIndex start = NoIndex;
    QueryLanguage queryLanguage = QueryLanguage::JSONPath;
    std::optional<int> timeoutSeconds;
    QList<State> states;
    QList<Container> containers;
    QList<Edge> edges;

    [[nodiscard]] StateIndex findState(const QString& name, ContainerIndex container) const;
    [[nodiscard]] StateIndex findStateById(const QString& id) const;
    [[nodiscard]] QList<StateIndex> statesIn(ContainerIndex container) const;
    /// Container chain from outermost to `container` ("Fanout", "Branch 1", ...).
    [[nodiscard]] QList<ContainerIndex> containerPath(ContainerIndex container) const;
};

} // namespace Stepscope
