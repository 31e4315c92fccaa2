#pragma once

#include "document/documentloader.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

class NodeModel;
class StateInspector;

/// The selected state (and the run the inspector shows), the state search, and the Map iteration whose statuses
/// the canvas paints.
class SelectionController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
    Q_PROPERTY(int selectedState READ selectedState NOTIFY selectionChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchChanged)
    Q_PROPERTY(int matchCount READ matchCount NOTIFY searchChanged)
    Q_PROPERTY(int iterationMap READ iterationMap NOTIFY iterationChanged)
    Q_PROPERTY(int iteration READ iteration NOTIFY iterationChanged)
public:
    /// Paints statuses and search matches on `nodes`; shows the selection in `inspector`.
    SelectionController(NodeModel* nodes, StateInspector* inspector, QObject* parent = nullptr);

    /// A new document (shared): the statuses are painted again, and the selection is kept by state id when
    /// `keepSelection` (a reload), else a failed execution's root cause is selected.
    void setDocument(std::shared_ptr<const LoadedDocument> document, bool keepSelection);
    /// The canvas has a new layout: the search matches are found again.
    void diagramChanged();

    Q_INVOKABLE void selectState(int state);
    /// Selects the state an event belongs to (an index into the execution's events), on the run holding it.
    Q_INVOKABLE void selectEvent(int event);
    Q_INVOKABLE void selectRootCause();
    /// Paints the states inside `mapState` as they ran in one iteration; iteration -1: every iteration together.
    Q_INVOKABLE void showIteration(int mapState, int iteration);
    /// Iterations of a Map state: [{index, status, label}], filtered by "all", "failed" or "aborted".
    [[nodiscard]] Q_INVOKABLE QVariantList iterations(int mapState, const QString& filter) const;
    /// The state of the n-th search match (wrapping around), NoIndex without matches.
    [[nodiscard]] Q_INVOKABLE int matchState(int n) const;

    [[nodiscard]] int selectedState() const { return m_selectedState; }
    [[nodiscard]] QString searchText() const { return m_searchText; }
    void setSearchText(const QString& text);
    [[nodiscard]] int matchCount() const;
    [[nodiscard]] int iterationMap() const { return m_iterationMap; }
    [[nodiscard]] int iteration() const { return m_iteration; }
    /// The state of the failing run of a failed execution, NoIndex when there is none.
    [[nodiscard]] StateIndex rootCauseState() const;

Q_SIGNALS:
    void selectionChanged();
    void searchChanged();
    void iterationChanged();

private:
    void paintStatuses();
    [[nodiscard]] StateIndex stateCount() const { return m_doc ? StateIndex(m_doc->workflow.states.size()) : 0; }

    NodeModel* m_nodes;
    StateInspector* m_inspector;
    std::shared_ptr<const LoadedDocument> m_doc;
    int m_selectedState = NoIndex;
    QString m_selectedStateId; ///< kept across reloads and relayouts
    QString m_searchText;
    int m_iterationMap = NoIndex;
    int m_iteration = -1;
};

} // namespace Stepscope
