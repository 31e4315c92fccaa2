#include "documentcontroller.h"

#include "controllers/documentpreload.h"
#include "support/futurewatch.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Stepscope {

DocumentController::DocumentController(QObject* parent)
    : QObject(parent)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(300); // editors write in several steps: read once they are done
    connect(&m_reloadTimer, &QTimer::timeout, this, &DocumentController::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_reloadTimer.start(); });
    m_eventModel.setParent(this);
    m_eventFilter.setSourceModel(&m_eventModel);
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
    start({ DocumentRequest::forFiles(definition, history, executionArn), m_options }, false);
}

void DocumentController::reload()
{
    if (!m_doc)
        return;
    start({ m_doc->request, m_options }, true);
}

void DocumentController::start(const LoadRequest& request, bool reload)
{
    // A newer request replaces an older one: the older load runs to its end, and its result is dropped.
    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    m_progressText = QStringLiteral("Opening…");
    std::optional<QFuture<LoadResult>> preloaded;
    if (!reload)
        preloaded = DocumentPreload::take(request);
    whenFinished(
        this, preloaded ? *preloaded : startLoading(request),
        [this, generation, reload](const LoadResult& result) {
            if (generation != m_loadGeneration)
                return;
            m_loading = false;
            publish(result, reload);
        },
        [this, generation](const QString& text) {
            if (generation != m_loadGeneration)
                return;
            m_progressText = text;
            Q_EMIT busyChanged();
        });
    Q_EMIT busyChanged();
}

void DocumentController::publish(const LoadResult& result, bool reload)
{
    m_doc = result.document;
    ++m_layoutGeneration; // a relayout of the previous document is of no use any more
    m_layingOut = false;
    m_allDiagnostics = m_doc->diagnostics + result.diagram.diagnostics;
    m_states.setWorkflow(m_doc->workflow);
    m_diagnostics.setDiagnostics(m_allDiagnostics);
    m_eventModel.setDocument(m_doc);
    m_inspector.setDocument(m_doc, &m_eventModel);
    m_timeline.setDocument(m_doc);
    m_exporter.setDocument(m_doc);
    m_nodes.setDiagram(result.diagram);
    m_containers.setDiagram(result.diagram);
    m_selection.setDocument(m_doc, reload);
    watch();
    if (!reload)
        m_recent.add({ m_doc->request.definition, m_doc->request.history });
    Q_EMIT diagramChanged();
    Q_EMIT loaded(reload);
    Q_EMIT busyChanged();
}

void DocumentController::publishDiagram(const Diagram& diagram)
{
    m_nodes.setDiagram(diagram);
    m_containers.setDiagram(diagram);
    m_selection.diagramChanged();
    Q_EMIT diagramChanged();
}

void DocumentController::relayout()
{
    if (!m_doc)
        return;
    const quint64 generation = ++m_layoutGeneration;
    m_layingOut = true;
    m_progressText = QStringLiteral("Laying out…");
    // The document is shared with the worker: it stays alive and unchanged while the layout runs.
    const std::shared_ptr<const LoadedDocument> doc = m_doc;
    const LayoutOptions options = m_options;
    whenFinished(this, QtConcurrent::run([doc, options] { return layoutForCanvas(doc->workflow, options); }),
        [this, generation](const Diagram& diagram) {
            if (generation != m_layoutGeneration)
                return;
            m_layingOut = false;
            publishDiagram(diagram);
            Q_EMIT busyChanged();
        });
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
    if (m_doc->history && m_doc->history->read)
        parts.append(historyFormatName(m_doc->history->format));
    return parts.join(QStringLiteral(" + "));
}

int DocumentController::stateCount() const
{
    return m_doc ? static_cast<int>(m_doc->workflow.states.size()) : 0;
}

int DocumentController::errorCount() const
{
    return static_cast<int>(std::count_if(m_allDiagnostics.cbegin(), m_allDiagnostics.cend(),
        [](const Diagnostic& d) { return d.isError(); }));
}

QString DocumentController::executionStatus() const
{
    return hasExecution() ? executionStatusKey(m_doc->execution->status) : QString();
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

} // namespace Stepscope
