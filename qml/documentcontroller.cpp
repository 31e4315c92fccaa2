#include "documentcontroller.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Stepscope {

DocumentController::DocumentController(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<OpenedDefinition>::finished, this, &DocumentController::publish);
}

DocumentController::~DocumentController()
{
    m_watcher.waitForFinished();
}

void DocumentController::openFile(const QString& path)
{
    m_watcher.waitForFinished(); // a newer request replaces an older one; loading is short and cannot be cancelled
    m_watcher.setFuture(QtConcurrent::run([path] { return openDefinition(path); }));
    Q_EMIT busyChanged();
}

void DocumentController::openUrl(const QUrl& url)
{
    openFile(url.isLocalFile() ? url.toLocalFile() : url.toString());
}

QString DocumentController::formatName() const
{
    return definitionFormatName(m_opened.loaded.format);
}

int DocumentController::errorCount() const
{
    return static_cast<int>(std::count_if(m_opened.diagnostics.cbegin(), m_opened.diagnostics.cend(),
        [](const Diagnostic& d) { return d.isError(); }));
}

void DocumentController::publish()
{
    m_opened = m_watcher.result();
    m_states.setWorkflow(m_opened.workflow);
    m_diagnostics.setDiagnostics(m_opened.diagnostics);
    Q_EMIT loaded();
    Q_EMIT busyChanged();
}

} // namespace Stepscope
