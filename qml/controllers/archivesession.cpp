#include "controllers/archivesession.h"

#include "archive/archive.h"

#include <QFileInfo>
#include <QSettings>

namespace Stepscope {

namespace {
const QString PathKey = QStringLiteral("archive/path");
}

ArchiveSession::ArchiveSession(QObject* parent)
    : QObject(parent)
    , m_path(QSettings().value(PathKey).toString())
{
    if (m_path.isEmpty())
        m_path = defaultPath();
}

QString ArchiveSession::defaultPath() { return Archive::defaultPath(); }

void ArchiveSession::setPath(const QString& path)
{
    const QString chosen = path.isEmpty() ? defaultPath() : QFileInfo(path).absoluteFilePath();
    if (chosen == m_path)
        return;
    m_path = chosen;
    if (chosen == defaultPath())
        QSettings().remove(PathKey);
    else
        QSettings().setValue(PathKey, chosen);
    ++m_revision;
    Q_EMIT changed();
}

void ArchiveSession::setPathUrl(const QUrl& url) { setPath(url.isLocalFile() ? url.toLocalFile() : url.toString()); }

bool ArchiveSession::exists() const { return QFileInfo(m_path).isFile(); }

void ArchiveSession::contentChanged()
{
    ++m_revision;
    Q_EMIT changed();
}

} // namespace Stepscope
