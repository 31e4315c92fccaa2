#include "modules.h"

#include "output.h"

#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>

namespace Stepscope::Cli {

namespace {

/// Where modules are looked for: next to the executable (the build tree), then the installed module folder.
QStringList moduleFolders()
{
    const QString executableDir = QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))).absolutePath();
    return { executableDir, executableDir + QStringLiteral("/" STEPSCOPE_MODULE_DIR) };
}

/// Loads `file` and returns its function `symbol`; prints what went wrong and returns nullptr when it cannot.
void* loadFunction(const QString& file, const char* symbol, const char* purpose)
{
    QString reason;
    for (const QString& folder : moduleFolders()) {
        const QString path = folder + u'/' + file;
        if (!QFileInfo::exists(path))
            continue;
        // RTLD_LOCAL: the module brings its own copy of the model; it must not bind to the executable's.
        if (void* handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL)) {
            if (void* function = dlsym(handle, symbol))
                return function;
            reason = QStringLiteral("%1 has no %2").arg(path, QLatin1String(symbol));
        } else {
            reason = QString::fromLocal8Bit(dlerror());
        }
        break;
    }
    if (reason.isEmpty())
        reason = QStringLiteral("%1 is not in %2").arg(file, moduleFolders().join(QStringLiteral(" or ")));
    err() << "stepscope: cannot load " << purpose << ": " << reason << '\n';
    err().flush();
    return nullptr;
}

} // namespace

int runExportModule(const QStringList& arguments)
{
    using Entry = int (*)(const QStringList&);
    const auto entry = reinterpret_cast<Entry>(loadFunction(QStringLiteral("stepscope-export.so"), "stepscope_export",
        "the diagram export module"));
    return entry ? entry(arguments) : Failed;
}

int runDesktopModule(int argc, char* argv[])
{
    using Entry = int (*)(int, char**);
    const auto entry = reinterpret_cast<Entry>(loadFunction(QStringLiteral("stepscope-desktop.so"), "stepscope_desktop",
        "the desktop window"));
    return entry ? entry(argc, argv) : Failed;
}

} // namespace Stepscope::Cli
