#include "startup/guimain.h"

#include "controllers/documentpreload.h"
#include "startup/quicksetup.h"
#include "startup/windowgrabber.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace Stepscope {

namespace {

/// Copies a bundled sample out of the resources so that it opens like any other file.
QString extractSample(const QString& name)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation) + QStringLiteral("/stepscope-demo");
    QDir().mkpath(dir);
    const QString target = dir + u'/' + name;
    QFile::remove(target);
    QFile::copy(QStringLiteral(":/samples/") + name, target);
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return target;
}

/// A --screenshot run ends as soon as its picture is written, with its window still open: the run changed nothing
/// that closing would save, and destroying the QML scene took longer (55 ms) than what was left of writing the
/// picture. Sanitizer builds close everything so that leaks are still checked.
int endScreenshotRun(int code)
{
    const int saved = WindowGrabber::waitUntilSaved();
    const int status = code != 0 ? code : saved;
#ifndef __SANITIZE_ADDRESS__
    std::fflush(nullptr);
    std::_Exit(status);
#endif
    return status;
}

} // namespace

int guiMain(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Stepscope"));
    prepareQuick();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Workflow visualizer and execution inspector"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("definition"),
        QStringLiteral("state machine definition or template (or an execution history)"), QStringLiteral("[DEFINITION]"));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("open the bundled failed execution"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("save the window to FILE once the content is drawn, then exit"), QStringLiteral("FILE"));
    const QCommandLineOption history(QStringLiteral("history"), QStringLiteral("execution history to inspect"),
        QStringLiteral("FILE"));
    parser.addOptions({ demo, screenshot, history });
    parser.process(app);

    QString file = parser.positionalArguments().value(0);
    QString historyFile = parser.value(history);
    if (parser.isSet(demo)) {
        file = extractSample(QStringLiteral("order-processing.asl.json"));
        historyFile = extractSample(QStringLiteral("order-processing-failed.history.json"));
    }
    for (const QString& path : { file, historyFile }) {
        if (!path.isEmpty() && !QFileInfo::exists(path)) {
            std::fprintf(stderr, "stepscope: %s: no such file\n", qPrintable(path));
            return 2;
        }
    }

    // The files load on worker threads while the window is built; the window's open() takes that load over.
    if (!file.isEmpty() || !historyFile.isEmpty())
        DocumentPreload::start({ DocumentRequest::forFiles(file, historyFile), {} });

    int code = 0;
    {
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.setInitialProperties({ { QStringLiteral("initialFile"), file },
            { QStringLiteral("initialHistory"), historyFile },
            { QStringLiteral("screenshotFile"), parser.value(screenshot) } });
        QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
            Qt::QueuedConnection);
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Stepscope/Main.qml")));
        if (engine.rootObjects().isEmpty())
            return 1;
        code = QGuiApplication::exec();
        if (parser.isSet(screenshot))
            return endScreenshotRun(code);
    }
    return code;
}

} // namespace Stepscope
