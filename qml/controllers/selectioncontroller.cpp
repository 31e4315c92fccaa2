#include "selectioncontroller.h"

#include "models/nodemodel.h"
#include "models/stateinspector.h"

#include <functional>

namespace Stepscope {

SelectionController::SelectionController(NodeModel* nodes, StateInspector* inspector, QObject* parent)
    : QObject(parent)
    , m_nodes(nodes)
    , m_inspector(inspector)
{
}

void SelectionController::setDocument(std::shared_ptr<const LoadedDocument> document, bool keepSelection)
{
    m_doc = std::move(document);
    m_iterationMap = NoIndex;
    m_iteration = -1;
    if (!keepSelection)
        m_selectedStateId.clear();
    paintStatuses();
    // Keep the selection across reloads (by id); a failed execution opens on its root cause.
    StateIndex select = m_selectedStateId.isEmpty() ? NoIndex : m_doc->workflow.findStateById(m_selectedStateId);
    if (select == NoIndex && !keepSelection)
        select = rootCauseState();
    m_selectedState = NoIndex;
    selectState(select);
    Q_EMIT iterationChanged();
}

void SelectionController::diagramChanged()
{
    Q_EMIT searchChanged();
}

StateIndex SelectionController::rootCauseState() const
{
    if (!m_doc || !m_doc->execution || !m_doc->execution->rootCause)
        return NoIndex;
    return m_doc->runs.stateAt(m_doc->execution->rootCause->run);
}

void SelectionController::paintStatuses()
{
    QHash<StateIndex, StateStatus> statuses;
    const bool execution = m_doc && m_doc->execution;
    if (execution) {
        const Workflow& workflow = m_doc->workflow;
        for (int i = 0; i < workflow.states.size(); ++i) {
            const auto it = m_doc->match.states.constFind(workflow.states[i].id);
            if (it != m_doc->match.states.cend())
                statuses.insert(i, { it->status, it->summary });
        }
        if (m_iterationMap != NoIndex && m_iteration >= 0) {
            // Inside the chosen iteration: that iteration's outcome, not the aggregate.
            const auto inner = m_doc->runs.iterationStatuses(m_iterationMap, m_iteration);
            std::function<void(ContainerIndex)> paint = [&](ContainerIndex c) {
                for (StateIndex s : workflow.statesIn(c)) {
                    statuses.insert(s, { inner.value(s, RunStatus::NotRun), QString() });
                    for (ContainerIndex child : workflow.states[s].children)
                        paint(child);
                }
            };
            for (ContainerIndex c : workflow.states[m_iterationMap].children)
                paint(c);
        }
    }
    m_nodes->setStatuses(statuses, execution);
}

void SelectionController::selectState(int state)
{
    if (state < 0 || state >= stateCount())
        state = NoIndex;
    if (state == m_selectedState && state != NoIndex)
        return;
    m_selectedState = state;
    m_selectedStateId = state != NoIndex ? m_doc->workflow.states[state].id : QString();
    int preferredRun = -1;
    if (state != NoIndex && state == rootCauseState())
        preferredRun = m_doc->runs.runAt(m_doc->execution->rootCause->run);
    if (state != NoIndex && m_iterationMap != NoIndex && m_iteration >= 0) {
        for (int run : m_doc->runs.runsOf(state)) {
            const RunRef& ref = m_doc->runs.runs()[run];
            if (ref.mapState == m_iterationMap && ref.iteration == m_iteration)
                preferredRun = run;
        }
    }
    m_inspector->show(state, preferredRun);
    Q_EMIT selectionChanged();
}

void SelectionController::selectEvent(int event)
{
    if (!m_doc || event < 0)
        return;
    const StateIndex state = m_doc->runs.stateOfEvent(event);
    if (state == NoIndex)
        return;
    m_selectedState = state;
    m_selectedStateId = m_doc->workflow.states[state].id;
    m_inspector->show(state, m_doc->runs.runOfEvent(event));
    Q_EMIT selectionChanged();
}

void SelectionController::selectRootCause()
{
    const StateIndex state = rootCauseState();
    if (state == NoIndex)
        return;
    m_selectedState = NoIndex;
    selectState(state);
}

void SelectionController::setSearchText(const QString& text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_nodes->setSearch(text);
    Q_EMIT searchChanged();
}

int SelectionController::matchCount() const
{
    return static_cast<int>(m_nodes->matches().size());
}

int SelectionController::matchState(int n) const
{
    const QList<int> matches = m_nodes->matches();
    if (matches.isEmpty())
        return NoIndex;
    const int row = matches[((n % matches.size()) + matches.size()) % matches.size()];
    return m_nodes->diagram().nodes[row].state;
}

void SelectionController::showIteration(int mapState, int iteration)
{
    if (mapState < 0 || mapState >= stateCount())
        mapState = NoIndex;
    m_iterationMap = mapState;
    m_iteration = mapState == NoIndex ? -1 : iteration;
    paintStatuses();
    if (m_selectedState != NoIndex) {
        const int state = m_selectedState;
        m_selectedState = NoIndex;
        selectState(state);
    }
    Q_EMIT iterationChanged();
}

QVariantList SelectionController::iterations(int mapState, const QString& filter) const
{
    QVariantList list;
    if (!m_doc)
        return list;
    for (const IterationRef& it : m_doc->runs.iterationsOf(mapState)) {
        const RunStatus status = it.run->status;
        if (filter == QLatin1String("failed") && status != RunStatus::Failed && status != RunStatus::TimedOut)
            continue;
        if (filter == QLatin1String("aborted") && status != RunStatus::Aborted)
            continue;
        list.append(QVariantMap { { QStringLiteral("index"), it.run->index },
            { QStringLiteral("status"), runStatusKey(status) },
            { QStringLiteral("label"), QStringLiteral("[%1] %2").arg(it.run->index).arg(runStatusName(status)) } });
    }
    return list;
}

} // namespace Stepscope
