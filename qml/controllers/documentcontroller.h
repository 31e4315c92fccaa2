#pragma once

#include "controllers/diagramexporter.h"
#include "controllers/documentload.h"
#include "controllers/recentfiles.h"
#include "controllers/selectioncontroller.h"
#include "models/diagnosticlistmodel.h"
#include "models/eventmodel.h"
#include "models/nodemodel.h"
#include "models/stateinspector.h"
#include "models/statelistmodel.h"
#include "models/timelinemodel.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QRectF>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Stepscope {

/// Opens files off the UI thread and publishes each loaded document, whole, to the models that show it; lays the
/// workflow out again when the layout options change. Selection, recent files and export are its small companions
/// (`selection`, `recent`, `exporter`).
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
    Q_PROPERTY(Stepscope::SelectionController* selection READ selection CONSTANT)
    Q_PROPERTY(Stepscope::RecentFiles* recent READ recent CONSTANT)
    Q_PROPERTY(Stepscope::DiagramExporter* exporter READ exporter CONSTANT)
    Q_PROPERTY(Stepscope::StateListModel* states READ states CONSTANT)
    Q_PROPERTY(Stepscope::DiagnosticListModel* diagnostics READ diagnostics CONSTANT)
    Q_PROPERTY(Stepscope::NodeModel* nodes READ nodes CONSTANT)
    Q_PROPERTY(Stepscope::ContainerModel* containers READ containers CONSTANT)
    Q_PROPERTY(Stepscope::EventFilterModel* events READ events CONSTANT)
    Q_PROPERTY(Stepscope::StateInspector* inspector READ inspector CONSTANT)
    Q_PROPERTY(Stepscope::TimelineModel* timeline READ timeline CONSTANT)
public:
    explicit DocumentController(QObject* parent = nullptr);

    /// Opens one file: a definition or template, or a history (detected by content).
    Q_INVOKABLE void openFile(const QString& path);
    Q_INVOKABLE void openUrl(const QUrl& url);
    /// Opens dropped or chosen files: a definition and a history together, or one of them.
    Q_INVOKABLE void openUrls(const QList<QUrl>& urls);
    Q_INVOKABLE void open(const QString& definition, const QString& history);
    /// Opens one execution of a history file (a log export may hold several), e.g. from the executions browser.
    Q_INVOKABLE void openExecution(const QString& definition, const QString& history, const QString& executionArn);
    Q_INVOKABLE void reload();
    Q_INVOKABLE void toggleCollapsed(int state);
    /// The box of a state in diagram coordinates (its group box for an expanded Parallel / Map), empty if not drawn.
    [[nodiscard]] Q_INVOKABLE QRectF stateBox(int state) const;

    [[nodiscard]] QString workflowName() const;
    [[nodiscard]] QString filePath() const;
    [[nodiscard]] QString historyPath() const;
    [[nodiscard]] QString formatName() const;
    [[nodiscard]] int stateCount() const;
    [[nodiscard]] int errorCount() const;
    [[nodiscard]] int diagnosticCount() const { return static_cast<int>(m_allDiagnostics.size()); }
    [[nodiscard]] bool busy() const { return m_loading || m_layingOut; }
    [[nodiscard]] QString progressText() const { return busy() ? m_progressText : QString(); }
    [[nodiscard]] bool hasDocument() const { return m_doc != nullptr; }
    [[nodiscard]] bool hasExecution() const { return m_doc && m_doc->execution; }
    [[nodiscard]] QString executionStatus() const;
    [[nodiscard]] int eventCount() const;
    [[nodiscard]] bool failed() const;
    [[nodiscard]] int rootCauseState() const { return m_selection.rootCauseState(); }
    [[nodiscard]] QString rootCausePath() const;
    [[nodiscard]] QString rootCauseError() const;
    [[nodiscard]] QString rootCauseMessage() const;
    [[nodiscard]] QStringList stateNames() const;
    [[nodiscard]] qreal diagramWidth() const { return m_nodes.diagram().size.width(); }
    [[nodiscard]] qreal diagramHeight() const { return m_nodes.diagram().size.height(); }
    [[nodiscard]] bool leftToRight() const { return m_options.direction == Direction::LeftToRight; }
    void setLeftToRight(bool leftToRight);

    [[nodiscard]] SelectionController* selection() { return &m_selection; }
    [[nodiscard]] RecentFiles* recent() { return &m_recent; }
    [[nodiscard]] DiagramExporter* exporter() { return &m_exporter; }
    [[nodiscard]] StateListModel* states() { return &m_states; }
    [[nodiscard]] DiagnosticListModel* diagnostics() { return &m_diagnostics; }
    [[nodiscard]] NodeModel* nodes() { return &m_nodes; }
    [[nodiscard]] ContainerModel* containers() { return &m_containers; }
    [[nodiscard]] EventFilterModel* events() { return &m_eventFilter; }
    [[nodiscard]] StateInspector* inspector() { return &m_inspector; }
    [[nodiscard]] TimelineModel* timeline() { return &m_timeline; }
    /// The document shown, shared; null before the first one is loaded.
    [[nodiscard]] std::shared_ptr<const LoadedDocument> document() const { return m_doc; }
    [[nodiscard]] const Diagram& diagram() const { return m_nodes.diagram(); }

Q_SIGNALS:
    /// A document was published; `reload` is true when the same files were read again (keep the view).
    void loaded(bool reload = false);
    void busyChanged();
    void diagramChanged();
    void layoutOptionsChanged();

private:
    void start(const LoadRequest& request, bool reload);
    void publish(const LoadResult& result, bool reload);
    void publishDiagram(const Diagram& diagram);
    void relayout();
    void watch();

    std::shared_ptr<const LoadedDocument> m_doc;
    Diagnostics m_allDiagnostics; ///< the document's and its first layout's
    quint64 m_loadGeneration = 0; ///< results of older loads than the last one started are dropped
    quint64 m_layoutGeneration = 0;
    bool m_loading = false;
    bool m_layingOut = false;
    QString m_progressText;
    LayoutOptions m_options;
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
    SelectionController m_selection { &m_nodes, &m_inspector };
    RecentFiles m_recent;
    DiagramExporter m_exporter { &m_nodes };
};

} // namespace Stepscope
