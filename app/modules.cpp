#include "modules.h"

#include "output.h"

#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>

#include <thread>

namespace Stepscope::Cli {

namespace {

/// Where modules are looked for: next to the executable (the build tree), then the installed module folder.
QStringList moduleFolders()
{
    const QString executableDir = QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))).absolutePath();
    return { executableDir, executableDir + QStringLiteral("/" STEPSCOPE_MODULE_DIR) };
}

/// Fontconfig reads some sixty configuration files the first time anyone asks it for a font: about 10 ms, a fifth of
/// a small export. Both modules draw text, so this does that on a thread of its own while a module and its libraries
/// load (as long again or longer); the module finds it done. Loaded by name so that the executable itself never
/// depends on it; if it is missing, Qt's first font does the work as usual.
class FontconfigWarmUp {
public:
    FontconfigWarmUp()
    {
        // Loaded here, not on the thread: loading holds a lock that loading the module would wait for.
        if (void* library = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_LOCAL)) {
            if (const auto init = reinterpret_cast<int (*)()>(dlsym(library, "FcInit")))
                m_thread = std::thread(init);
        }
    }
    /// Joined before the module runs: two threads initialising fontconfig at once would both do all the work.
    ~FontconfigWarmUp()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    FontconfigWarmUp(const FontconfigWarmUp&) = delete;
    FontconfigWarmUp& operator=(const FontconfigWarmUp&) = delete;

private:
    std::thread m_thread;
};

/// Loads `file` and returns its function `symbol`; prints what went wrong and returns nullptr when it cannot.
void* loadFunction(const QString& file, const char* symbol, const char* purpose)
{
    const FontconfigWarmUp fontconfig;
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
