#include "commandline.h"
#include "modules.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <cstdlib>

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
        if (code >= 0) {
#ifndef __SANITIZE_ADDRESS__
            // A command's results are written: skip destructors and exit handlers, which only free memory (tens of
            // milliseconds for a large definition). Sanitizer builds exit normally so that leaks are still checked.
            Stepscope::Cli::out().flush();
            Stepscope::Cli::err().flush();
            std::fflush(nullptr);
            std::_Exit(code);
#endif
            return code;
        }
    }
#ifdef STEPSCOPE_WITH_GUI
    return Stepscope::Cli::runDesktopModule(argc, argv);
#else
    Stepscope::Cli::err() << "stepscope: built without the user interface; see 'stepscope --help'\n";
    return Stepscope::Cli::UsageError;
#endif
}
