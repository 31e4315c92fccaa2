#include "commandline.h"
#include "modules.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <cstdlib>

#ifdef __SANITIZE_ADDRESS__
// The export and desktop modules initialise fontconfig on a warm-up thread (see modules.cpp). When a run stops before
// Qt's font database takes fontconfig over (a usage error, a missing module), LeakSanitizer reports the 288 bytes that
// fontconfig's initialisation keeps for the life of the process. Only allocations made inside fontconfig are ignored.
extern "C" const char* __lsan_default_suppressions()
{
    return "leak:libfontconfig.so\n";
}
#endif

namespace {
// Results are written and every window, archive and settings file is closed: skip the destructors of statics and the
// exit handlers, which only free memory and join idle threads (tens of milliseconds). Sanitizer builds exit normally
// so that leaks are still checked.
int finish(int code)
{
#ifndef __SANITIZE_ADDRESS__
    Stepscope::Cli::out().flush();
    Stepscope::Cli::err().flush();
    std::fflush(nullptr);
    std::_Exit(code);
#endif
    return code;
}
} // namespace

int main(int argc, char* argv[])
{
    // Qt takes the first thread that uses it as its main thread: this one, before any command starts a worker.
    QThread::currentThread();
    // Commands run without a GUI application object: faster start-up and no display needed.
    {
        QStringList arguments;
        arguments.reserve(argc);
        for (int i = 0; i < argc; ++i)
            arguments.append(QString::fromLocal8Bit(argv[i]));
        QCoreApplication::setApplicationName(QStringLiteral("stepscope"));
        QCoreApplication::setOrganizationName(QStringLiteral("Stepscope"));
        QCoreApplication::setApplicationVersion(QStringLiteral(STEPSCOPE_VERSION));
        const int code = Stepscope::Cli::runCommand(arguments);
        if (code >= 0)
            return finish(code);
    }
#ifdef STEPSCOPE_WITH_GUI
    // The desktop module returns after its window, engine and application object are destroyed (a --screenshot run
    // ends inside it once the picture is written).
    return finish(Stepscope::Cli::runDesktopModule(argc, argv));
#else
    Stepscope::Cli::err() << "stepscope: built without the user interface; see 'stepscope --help'\n";
    return Stepscope::Cli::UsageError;
#endif
}
