#include "documentcontroller.h"

#include "documentpreload.h"

#include "render/diagramexport.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Stepscope {

namespace {

constexpr int MaxRecentFiles = 10;
const QString RecentKey = QStringLiteral("recentFiles");

} // namespace

DocumentController::DocumentController(QObject* parent)
    : QObject(parent)
{
    connect(&m_loader, &QFutureWatcherBase::finished, this, &DocumentController::publish);
    connect(&m_loader, &QFutureWatcherBase::progressTextChanged, this, [this](const QString& text) {
        m_progressText = text;
        Q_EMIT busyChanged();
    });
    connect(&m_layouter, &QFutureWatcherBase::finished, this, [this] {
        publishDiagram(m_layouter.result());
        Q_EMIT busyChanged();
    });
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(300); // editors write in several steps: read once they are done
    connect(&m_reloadTimer, &QTimer::timeout, this, &DocumentController::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_reloadTimer.start(); });
    m_settingsWriter.setMaxThreadCount(1);
    m_eventModel.setParent(this);
    m_eventFilter.setSourceModel(&m_eventModel);
}

DocumentController::~DocumentController()
{
    m_loader.waitForFinished();
    m_layouter.waitForFinished();
    m_settingsWriter.waitForDone();
}

void DocumentController::openFile(const QString& path)
{
    if (looksLikeHistory(path))
        open(QString(), path);
    else
        open(path, QString());
}

void DocumentController::openUrl(const QUrl& url)
{
    openFile(url.isLocalFile() ? url.toLocalFile() : url.toString());
}

void DocumentController::openUrls(const QList<QUrl>& urls)
{
    QString definition;
    QString history;
    for (const QUrl& url : urls) {
        const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
        if (looksLikeHistory(path))
            history = path;
        else
            definition = path;
    }
    if (!definition.isEmpty() || !history.isEmpty())
        open(definition, history);
}

void DocumentController::open(const QString& definition, const QString& history)
{
    openExecution(definition, history, QString());
}

void DocumentController::openExecution(const QString& definition, const QString& history, const QString& executionArn)
{
    m_options.collapsed.clear();
    start(DocumentRequest::forFiles(definition, history, executionArn, m_options), false);
}

void DocumentController::reload()
{
    if (!m_doc)
        return;
    DocumentRequest request = m_doc->request;
    request.layout = m_options;
    start(request, true);
}

void DocumentController::start(const DocumentRequest& request, bool reload)
{
    // A newer request replaces an older one: loading cannot be interrupted midway, so wait for it (rare).
    m_loader.waitForFinished();
    m_pendingReload = reload;
    m_progressText = QStringLiteral("Opening…");
    std::optional<QFuture<std::shared_ptr<LoadedDocument>>> preloaded;
    if (!reload)
        preloaded = DocumentPreload::take(request);
    m_loader.setFuture(preloaded ? *preloaded : startLoadingDocument(request));
    Q_EMIT busyChanged();
}

void DocumentController::publish()
{
    if (m_loader.future().resultCount() == 0)
        return;
    const bool reload = m_pendingReload;
    m_doc = m_loader.result();
    const Workflow& workflow = m_doc->workflow;
    m_states.setWorkflow(workflow);
    m_diagnostics.setDiagnostics(m_doc->diagnostics);
    m_eventModel.setExecution(m_doc->execution, &m_doc->runs, &workflow);
    m_inspector.setDocument(
        &workflow, m_doc->execution ? &m_doc->runs : nullptr, m_doc->execution.get(), &m_eventModel);
    m_timeline.setRuns(m_doc->execution ? &m_doc->runs : nullptr, m_doc->execution.get());
    m_iterationMap = NoIndex;
    m_iteration = -1;

    m_rootCauseState = NoIndex;
    if (m_doc->execution && m_doc->execution->rootCause)
        m_rootCauseState = m_doc->runs.resolvePath(m_doc->execution->rootCause->path);
    if (!reload)
        m_selectedStateId.clear();
    m_nodes.setDiagram(m_doc->diagram);
    m_containers.setDiagram(m_doc->diagram);
    refreshStatuses();
    watch();
    if (!reload)
        addRecent({ m_doc->request.definition, m_doc->request.history });
    // Keep the selection across reloads (by id); a failed execution opens on its root cause.
    StateIndex select = m_selectedStateId.isEmpty() ? NoIndex : workflow.findStateById(m_selectedStateId);
    if (select == NoIndex && !reload)
        select = m_rootCauseState;
    m_selectedState = NoIndex;
    selectState(select);
    Q_EMIT diagramChanged();
    Q_EMIT iterationChanged();
    Q_EMIT loaded(reload);
    Q_EMIT busyChanged();
}

void DocumentController::publishDiagram(const Diagram& diagram)
{
    m_nodes.setDiagram(diagram);
    m_containers.setDiagram(diagram);
    if (m_doc)
        m_doc->diagram = diagram;
    Q_EMIT diagramChanged();
    Q_EMIT searchChanged();
}

void DocumentController::relayout()
{
    if (!m_doc)
        return;
    m_layouter.waitForFinished();
    const Workflow workflow = m_doc->workflow;
    const LayoutOptions options = m_options;
    m_progressText = QStringLiteral("Laying out…");
    m_layouter.setFuture(QtConcurrent::run([workflow, options] { return layoutForCanvas(workflow, options); }));
    Q_EMIT busyChanged();
}

void DocumentController::watch()
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    for (const QString& path : { m_doc->request.definition, m_doc->request.history }) {
        if (!path.isEmpty() && QFileInfo::exists(path))
            m_watcher.addPath(path);
    }
}

void DocumentController::refreshStatuses()
{
    QHash<StateIndex, StateStatus> statuses;
    const bool execution = hasExecution();
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
            QList<StateIndex> innerStates;
            std::function<void(ContainerIndex)> collect = [&](ContainerIndex c) {
                for (StateIndex s : workflow.statesIn(c)) {
                    innerStates.append(s);
                    for (ContainerIndex child : workflow.states[s].children)
                        collect(child);
                }
            };
            for (ContainerIndex c : workflow.states[m_iterationMap].children)
                collect(c);
            for (StateIndex s : innerStates)
                statuses.insert(s, { inner.value(s, RunStatus::NotRun), QString() });
        }
    }
    m_nodes.setStatuses(statuses, execution);
}

StatusOverlay DocumentController::statusOverlay() const
{
    StatusOverlay overlay;
    if (!hasExecution())
        return overlay;
    for (int row = 0; row < m_nodes.rowCount(); ++row) {
        const DiagramNode& node = m_nodes.diagram().nodes[row];
        if (node.state < 0 || node.state >= m_doc->workflow.states.size())
            continue;
        overlay.byStateId.insert(m_doc->workflow.states[node.state].id,
            { m_nodes.statusOf(node.state), m_nodes.data(m_nodes.index(row), NodeModel::NoteRole).toString() });
    }
    return overlay;
}

void DocumentController::selectState(int state)
{
    if (!m_doc || state < 0 || state >= m_doc->workflow.states.size())
        state = NoIndex;
    if (state == m_selectedState && state != NoIndex)
        return;
    m_selectedState = state;
    m_selectedStateId = state != NoIndex ? m_doc->workflow.states[state].id : QString();
    int preferredRun = -1;
    if (state != NoIndex && state == m_rootCauseState && m_doc->execution && m_doc->execution->rootCause)
        preferredRun = m_doc->runs.runAtPath(m_doc->execution->rootCause->path);
    if (state != NoIndex && m_iterationMap != NoIndex && m_iteration >= 0) {
        for (int run : m_doc->runs.runsOf(state)) {
            const RunRef& ref = m_doc->runs.runs()[run];
            if (ref.mapState == m_iterationMap && ref.iteration == m_iteration)
                preferredRun = run;
        }
    }
    m_inspector.show(state, preferredRun);
    Q_EMIT selectionChanged();
}

void DocumentController::selectEvent(int event)
{
    if (!m_doc || event < 0)
        return;
    const StateIndex state = m_doc->runs.stateOfEvent(event);
    if (state == NoIndex)
        return;
    m_selectedState = state;
    m_selectedStateId = m_doc->workflow.states[state].id;
    m_inspector.show(state, m_doc->runs.runOfEvent(event));
    Q_EMIT selectionChanged();
}

void DocumentController::selectRootCause()
{
    if (m_rootCauseState == NoIndex)
        return;
    m_selectedState = NoIndex;
    selectState(m_rootCauseState);
}

void DocumentController::toggleCollapsed(int state)
{
    if (!m_doc || state < 0 || state >= m_doc->workflow.states.size())
        return;
    const QString id = m_doc->workflow.states[state].id;
    if (m_options.collapsed.contains(id))
        m_options.collapsed.remove(id);
    else
        m_options.collapsed.insert(id);
    relayout();
}

void DocumentController::setLeftToRight(bool leftToRight)
{
    const Direction direction = leftToRight ? Direction::LeftToRight : Direction::TopToBottom;
    if (direction == m_options.direction)
        return;
    m_options.direction = direction;
    Q_EMIT layoutOptionsChanged();
    relayout();
}

void DocumentController::setSearchText(const QString& text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_nodes.setSearch(text);
    Q_EMIT searchChanged();
}

int DocumentController::matchState(int n) const
{
    const QList<int> matches = m_nodes.matches();
    if (matches.isEmpty())
        return NoIndex;
    const int row = matches[((n % matches.size()) + matches.size()) % matches.size()];
    return m_nodes.diagram().nodes[row].state;
}

void DocumentController::showIteration(int mapState, int iteration)
{
    if (!m_doc || mapState < 0 || mapState >= m_doc->workflow.states.size())
        mapState = NoIndex;
    m_iterationMap = mapState;
    m_iteration = mapState == NoIndex ? -1 : iteration;
    refreshStatuses();
    if (m_selectedState != NoIndex) {
        const int state = m_selectedState;
        m_selectedState = NoIndex;
        selectState(state);
    }
    Q_EMIT iterationChanged();
}

QVariantList DocumentController::iterations(int mapState, const QString& filter) const
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

QRectF DocumentController::stateBox(int state) const
{
    const int node = m_nodes.diagram().nodeForState(state);
    return node >= 0 ? m_nodes.diagram().attachBox(node) : QRectF();
}

QString DocumentController::workflowName() const
{
    return m_doc ? m_doc->workflow.name : QString();
}

QString DocumentController::filePath() const
{
    return m_doc ? m_doc->request.definition : QString();
}

QString DocumentController::historyPath() const
{
    return m_doc ? m_doc->request.history : QString();
}

QString DocumentController::formatName() const
{
    if (!m_doc)
        return {};
    QStringList parts;
    if (m_doc->hasDefinition)
        parts.append(definitionFormatName(m_doc->definition.loaded.format));
    if (m_doc->hasHistory)
        parts.append(historyFormatName(m_doc->history.format));
    return parts.join(QStringLiteral(" + "));
}

int DocumentController::stateCount() const
{
    return m_doc ? static_cast<int>(m_doc->workflow.states.size()) : 0;
}

int DocumentController::errorCount() const
{
    if (!m_doc)
        return 0;
    return static_cast<int>(std::count_if(
        m_doc->diagnostics.cbegin(), m_doc->diagnostics.cend(), [](const Diagnostic& d) { return d.isError(); }));
}

int DocumentController::diagnosticCount() const
{
    return m_doc ? static_cast<int>(m_doc->diagnostics.size()) : 0;
}

QString DocumentController::executionStatus() const
{
    return hasExecution() ? executionStatusKey(m_doc->execution->status) : QString();
}

QString DocumentController::executionName() const
{
    return hasExecution() ? m_doc->execution->name : QString();
}

int DocumentController::eventCount() const
{
    return hasExecution() ? static_cast<int>(m_doc->execution->events.size()) : 0;
}

bool DocumentController::failed() const
{
    if (!hasExecution())
        return false;
    const ExecutionStatus s = m_doc->execution->status;
    return s == ExecutionStatus::Failed || s == ExecutionStatus::TimedOut || s == ExecutionStatus::Aborted
        || m_doc->execution->rootCause.has_value();
}

QString DocumentController::rootCausePath() const
{
    if (!hasExecution() || !m_doc->execution->rootCause)
        return {};
    return m_doc->execution->rootCause->path.join(QStringLiteral(" › "));
}

QString DocumentController::rootCauseError() const
{
    if (!hasExecution())
        return {};
    if (m_doc->execution->rootCause)
        return m_doc->execution->rootCause->error;
    return m_doc->execution->error;
}

QString DocumentController::rootCauseMessage() const
{
    if (!hasExecution())
        return {};
    const auto& root = m_doc->execution->rootCause;
    if (root && root->lambda && !root->lambda->errorMessage.isEmpty())
        return root->lambda->errorMessage;
    QString cause = root ? root->cause : m_doc->execution->cause.toString();
    if (cause.size() > 300)
        cause = cause.left(300) + u'…';
    return cause.simplified();
}

QStringList DocumentController::stateNames() const
{
    // Sorted on the loader thread: QML reads this list once per element (concat), so it must not be built here.
    return m_doc ? m_doc->stateNames : QStringList();
}

QStringList DocumentController::recentFiles() const
{
    if (!m_recent)
        m_recent = QSettings().value(RecentKey).toStringList();
    return *m_recent;
}

void DocumentController::addRecent(const QStringList& paths)
{
    // One change for both files: every change rebuilds the Open recent menu's items.
    QStringList files = recentFiles();
    for (const QString& path : paths) {
        if (path.isEmpty())
            continue;
        files.removeAll(path);
        files.prepend(path);
    }
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    m_recent = files;
    saveRecent();
    Q_EMIT recentFilesChanged();
}

void DocumentController::clearRecentFiles()
{
    m_recent = QStringList();
    saveRecent();
    Q_EMIT recentFilesChanged();
}

void DocumentController::saveRecent()
{
    // Writing the settings file took tens of milliseconds of the UI thread while a document was being shown.
    const QStringList files = *m_recent;
    (void)QtConcurrent::run(&m_settingsWriter, [files] {
        QSettings settings;
        if (files.isEmpty())
            settings.remove(RecentKey);
        else
            settings.setValue(RecentKey, files);
    });
}

} // namespace Stepscope

namespace Stepscope {

QImage DocumentController::diagramImage() const
{
    if (!m_doc || m_nodes.diagram().isEmpty())
        return {};
    const StatusOverlay overlay = statusOverlay();
    RenderOptions options;
    options.theme = Theme::light();
    options.overlay = overlay.isEmpty() ? nullptr : &overlay;
    options.title = m_doc->workflow.name;
    options.scale = 2;
    return renderImage(diagram(), options);
}

QString DocumentController::exportDiagram(const QString& path, bool withStatuses) const
{
    const StatusOverlay overlay = statusOverlay();
    return exportDiagramWith(path, withStatuses && !overlay.isEmpty() ? &overlay : nullptr);
}

QString DocumentController::exportDiagramWith(const QString& path, const StatusOverlay* overlay) const
{
    if (!m_doc || m_nodes.diagram().isEmpty())
        return QStringLiteral("Nothing to export: open a definition or a history first.");
    if (path.isEmpty())
        return QStringLiteral("Choose a file to export to.");
    RenderOptions options;
    options.theme = Theme::light();
    options.overlay = overlay && !overlay->isEmpty() ? overlay : nullptr;
    options.title = m_doc->workflow.name;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(renderSvg(diagram(), options)) < 0)
            return QStringLiteral("Could not write %1: %2").arg(path, file.errorString());
        return {};
    }
    if (suffix == QLatin1String("png")) {
        options.scale = 2;
        const QImage image = renderImage(diagram(), options);
        if (image.isNull() || !image.save(path, "PNG"))
            return QStringLiteral("Could not write %1").arg(path);
        return {};
    }
    if (suffix == QLatin1String("pdf")) {
        QString error;
        if (!writePdf(diagram(), path, options, &error))
            return QStringLiteral("Could not write %1: %2").arg(path, error);
        return {};
    }
    return QStringLiteral("Unknown format \"%1\": use .svg, .png or .pdf.").arg(suffix);
}

} // namespace Stepscope
