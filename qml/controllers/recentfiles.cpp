#include "recentfiles.h"

#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace Stepscope {

namespace {

constexpr int MaxRecentFiles = 10;
const QString RecentKey = QStringLiteral("recentFiles");

} // namespace

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent)
{
    m_writer.setMaxThreadCount(1);
}

RecentFiles::~RecentFiles()
{
    m_writer.waitForDone();
}

QStringList RecentFiles::files() const
{
    if (!m_files)
        m_files = QSettings().value(RecentKey).toStringList();
    return *m_files;
}

void RecentFiles::add(const QStringList& paths)
{
    // One change for all the files: every change rebuilds the Open recent menu's items.
    QStringList list = files();
    for (const QString& path : paths) {
        if (path.isEmpty())
            continue;
        list.removeAll(path);
        list.prepend(path);
    }
    while (list.size() > MaxRecentFiles)
        list.removeLast();
    m_files = list;
    save();
    Q_EMIT changed();
}

void RecentFiles::clear()
{
    m_files = QStringList();
    save();
    Q_EMIT changed();
}

void RecentFiles::save()
{
    // Writing the settings file took tens of milliseconds of the UI thread while a document was being shown. Nothing
    // comes back from this work, so it needs no hand-off to the UI.
    const QStringList files = *m_files;
    (void)QtConcurrent::run(&m_writer, [files] {
        QSettings settings;
        if (files.isEmpty())
            settings.remove(RecentKey);
        else
            settings.setValue(RecentKey, files);
    });
}

} // namespace Stepscope
