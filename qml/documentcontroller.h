#pragma once

#include "diagnosticlistmodel.h"
#include "documentloader.h"
#include "eventmodel.h"
#include "nodemodel.h"
#include "stateinspector.h"
#include "statelistmodel.h"
#include "timelinemodel.h"

#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QRectF>
#include <QThreadPool>

#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace Stepscope {

/// Opens files off the UI thread and publishes the results to QML through its models; owns the selection, the
/// search, the layout options and the Map iteration shown.
class DocumentController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString workflowName READ workflowName NOTIFY loaded)
    Q_PROPERTY(QString filePath READ filePath NOTIFY loaded)
    Q_PROPERTY(QString historyPath READ historyPath NOTIFY loaded)
    Q_PROPERTY(QString formatName READ formatName NOTIFY loaded)
    Q_PROPERTY(int stateCount READ stateCount NOTIFY loaded)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY loaded)
    Q_PROPERTY(int diagnosticCount READ diagnosticCount NOTIFY loaded)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY busyChanged)
    Q_PROPERTY(bool hasDocument READ hasDocument NOTIFY loaded)
    Q_PROPERTY(bool hasExecution READ hasExecution NOTIFY loaded)
    Q_PROPERTY(QString executionStatus READ executionStatus NOTIFY loaded)
    Q_PROPERTY(QString executionName READ executionName NOTIFY loaded)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY loaded)
    Q_PROPERTY(bool failed READ failed NOTIFY loaded)
    Q_PROPERTY(int rootCauseState READ rootCauseState NOTIFY loaded)
    Q_PROPERTY(QString rootCausePath READ rootCausePath NOTIFY loaded)
    Q_PROPERTY(QString rootCauseError READ rootCauseError NOTIFY loaded)
    Q_PROPERTY(QString rootCauseMessage READ rootCauseMessage NOTIFY loaded)
    Q_PROPERTY(QStringList stateNames READ stateNames NOTIFY loaded)
    Q_PROPERTY(qreal diagramWidth READ diagramWidth NOTIFY diagramChanged)
    Q_PROPERTY(qreal diagramHeight READ diagramHeight NOTIFY diagramChanged)
    Q_PROPERTY(bool leftToRight READ leftToRight WRITE setLeftToRight NOTIFY layoutOptionsChanged)
    Q_PROPERTY(int selectedState READ selectedState NOTIFY selectionChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchChanged)
    Q_PROPERTY(int matchCount READ matchCount NOTIFY searchChanged)
    Q_PROPERTY(int iterationMap READ iterationMap NOTIFY iterationChanged)
    Q_PROPERTY(int iteration READ iteration NOTIFY iterationChanged)
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    Q_PROPERTY(StateListModel* states READ states CONSTANT)
    Q_PROPERTY(DiagnosticListModel* diagnostics READ diagnostics CONSTANT)
    Q_PROPERTY(NodeModel* nodes READ nodes CONSTANT)
    Q_PROPERTY(ContainerModel* containers READ containers CONSTANT)
    Q_PROPERTY(EventFilterModel* events READ events CONSTANT)
    Q_PROPERTY(StateInspector* inspector READ inspector CONSTANT)
    Q_PROPERTY(TimelineModel* timeline READ timeline CONSTANT)
public:
    explicit DocumentController(QObject* parent = nullptr);
    ~DocumentController() override;

    /// Opens one file: a definition or template, or a history (detected by content).
    Q_INVOKABLE void openFile(const QString& path);
    Q_INVOKABLE void openUrl(const QUrl& url);
    /// Opens dropped or chosen files: a definition and a history together, or one of them.
    Q_INVOKABLE void openUrls(const QList<QUrl>& urls);
    Q_INVOKABLE void open(const QString& definition, const QString& history);
    /// Opens one execution of a history file (a log export may hold several), e.g. from the executions browser.
    Q_INVOKABLE void openExecution(const QString& definition, const QString& history, const QString& executionArn);
    Q_INVOKABLE void reload();

    Q_INVOKABLE void selectState(int state);
    /// Selects the state an event belongs to (an index into the execution's events), on the run holding it.
    Q_INVOKABLE void selectEvent(int event);
    Q_INVOKABLE void selectRootCause();
    Q_INVOKABLE void toggleCollapsed(int state);
    /// Paints the states inside `mapState` as they ran in one iteration; iteration -1: every iteration together.
    Q_INVOKABLE void showIteration(int mapState, int iteration);
    /// Iterations of a Map state: [{index, status, label}], filtered by "all", "failed" or "aborted".
    [[nodiscard]] Q_INVOKABLE QVariantList iterations(int mapState, const QString& filter) const;
    /// The box of a state in diagram coordinates (its group box for an expanded Parallel / Map), empty if not drawn.
    [[nodiscard]] Q_INVOKABLE QRectF stateBox(int state) const;
    /// Node rows matching the search, in order; `next` walks through them.
    [[nodiscard]] Q_INVOKABLE int matchState(int n) const;
    Q_INVOKABLE void clearRecentFiles();
    /// Writes the diagram to `path` (SVG, PNG or PDF by extension); returns an error message, empty on success.
    [[nodiscard]] Q_INVOKABLE QString exportDiagram(const QString& path, bool withStatuses) const;
    /// The whole diagram with its statuses as an image (for the clipboard), null without a diagram.
    [[nodiscard]] Q_INVOKABLE QImage diagramImage() const;
    /// Writes the diagram with any overlay (statuses, heat); returns an error message, empty on success.
    [[nodiscard]] QString exportDiagramWith(const QString& path, const StatusOverlay* overlay) const;

    [[nodiscard]] QString workflowName() const;
    [[nodiscard]] QString filePath() const;
    [[nodiscard]] QString historyPath() const;
    [[nodiscard]] QString formatName() const;
    [[nodiscard]] int stateCount() const;
    [[nodiscard]] int errorCount() const;
    [[nodiscard]] int diagnosticCount() const;
    [[nodiscard]] bool busy() const { return m_loader.isRunning() || m_layouter.isRunning(); }
    [[nodiscard]] QString progressText() const { return busy() ? m_progressText : QString(); }
    [[nodiscard]] bool hasDocument() const { return m_doc != nullptr; }
    [[nodiscard]] bool hasExecution() const { return m_doc && m_doc->execution; }
    [[nodiscard]] QString executionStatus() const;
    [[nodiscard]] QString executionName() const;
    [[nodiscard]] int eventCount() const;
    [[nodiscard]] bool failed() const;
    [[nodiscard]] int rootCauseState() const { return m_rootCauseState; }
    [[nodiscard]] QString rootCausePath() const;
    [[nodiscard]] QString rootCauseError() const;
    [[nodiscard]] QString rootCauseMessage() const;
    [[nodiscard]] QStringList stateNames() const;
    [[nodiscard]] qreal diagramWidth() const { return m_nodes.diagram().size.width(); }
    [[nodiscard]] qreal diagramHeight() const { return m_nodes.diagram().size.height(); }
    [[nodiscard]] bool leftToRight() const { return m_options.direction == Direction::LeftToRight; }
    void setLeftToRight(bool leftToRight);
    [[nodiscard]] int selectedState() const { return m_selectedState; }
    [[nodiscard]] QString searchText() const { return m_searchText; }
    void setSearchText(const QString& text);
    [[nodiscard]] int matchCount() const { return static_cast<int>(m_nodes.matches().size()); }
    [[nodiscard]] int iterationMap() const { return m_iterationMap; }
    [[nodiscard]] int iteration() const { return m_iteration; }
    [[nodiscard]] QStringList recentFiles() const;

    [[nodiscard]] StateListModel* states() { return &m_states; }
    [[nodiscard]] DiagnosticListModel* diagnostics() { return &m_diagnostics; }
    [[nodiscard]] NodeModel* nodes() { return &m_nodes; }
    [[nodiscard]] ContainerModel* containers() { return &m_containers; }
    [[nodiscard]] EventFilterModel* events() { return &m_eventFilter; }
    [[nodiscard]] StateInspector* inspector() { return &m_inspector; }
    [[nodiscard]] TimelineModel* timeline() { return &m_timeline; }
    [[nodiscard]] const LoadedDocument* document() const { return m_doc.get(); }
    [[nodiscard]] const Diagram& diagram() const { return m_nodes.diagram(); }
    /// The status overlay as the renderer wants it (by state id).
    [[nodiscard]] StatusOverlay statusOverlay() const;

Q_SIGNALS:
    /// A document was published; `reload` is true when the same files were read again (keep the view).
    void loaded(bool reload = false);
    void loadFailed(const QString& message);
    void busyChanged();
    void diagramChanged();
    void layoutOptionsChanged();
    void selectionChanged();
    void searchChanged();
    void iterationChanged();
    void recentFilesChanged();

private:
    void start(const DocumentRequest& request, bool reload);
    void publish();
    void publishDiagram(const Diagram& diagram);
    void relayout();
    void refreshStatuses();
    void watch();
    void addRecent(const QStringList& paths);
    void saveRecent();

    QFutureWatcher<std::shared_ptr<LoadedDocument>> m_loader;
    QFutureWatcher<Diagram> m_layouter;
    std::shared_ptr<LoadedDocument> m_doc;
    bool m_pendingReload = false;
    QString m_progressText;
    LayoutOptions m_options;
    int m_selectedState = NoIndex;
    QString m_selectedStateId; ///< kept across reloads and relayouts
    int m_rootCauseState = NoIndex;
    QString m_searchText;
    int m_iterationMap = NoIndex;
    int m_iteration = -1;
    QFileSystemWatcher m_watcher;
    QTimer m_reloadTimer;
    StateListModel m_states;
    DiagnosticListModel m_diagnostics;
    NodeModel m_nodes;
    ContainerModel m_containers;
    EventModel m_eventModel;
    EventFilterModel m_eventFilter;
    StateInspector m_inspector;
    TimelineModel m_timeline;
    mutable std::optional<QStringList> m_recent; ///< read from the settings once
    QThreadPool m_settingsWriter; ///< one thread: writes the settings file off the UI thread, in order
};

} // namespace Stepscope
