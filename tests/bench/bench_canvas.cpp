// bench_canvas: the real window on a generated 500-state workflow with a 25,000-event history.
// 1. Opens both and measures the longest stall of the UI thread while they load, lay out and first draw
//    (a 5 ms timer; a gap above 100 ms is a stall).
// 2. Pans and zooms for 2 seconds (scripted, driven by every swapped frame) and counts frames from frameSwapped.
// Run: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" build/tests/bench/bench_canvas
// Last line: fps=N (target: 60 or more under Xvfb's software OpenGL).
#include "startup/quicksetup.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>
#include <cmath>
#include <cstdio>

namespace {

constexpr int TopLevelTasks = 400;
constexpr int InnerTasks = 99; // + the Map state itself = 500 states
constexpr int Iterations = 47;

QByteArray workflowJson()
{
    QByteArray s = "{\"StartAt\":\"T0\",\"States\":{";
    for (int i = 0; i < TopLevelTasks; ++i) {
        s += "\"T" + QByteArray::number(i) + "\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",";
        s += i + 1 < TopLevelTasks ? "\"Next\":\"T" + QByteArray::number(i + 1) + "\"},"
                                   : QByteArray("\"Next\":\"Fanout\"},");
    }
    s += "\"Fanout\":{\"Type\":\"Map\",\"End\":true,\"ItemProcessor\":{\"StartAt\":\"I0\",\"States\":{";
    for (int i = 0; i < InnerTasks; ++i) {
        s += "\"I" + QByteArray::number(i) + "\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",";
        s += i + 1 < InnerTasks ? "\"Next\":\"I" + QByteArray::number(i + 1) + "\"}," : QByteArray("\"End\":true}");
    }
    s += "}}}}}";
    return s;
}

struct HistoryWriter {
    QByteArray out = "{\"events\":[";
    qint64 id = 0;
    QDateTime t = QDateTime(QDate(2025, 3, 14), QTime(9, 0), Qt::UTC);

    void event(const char* type, const QByteArray& details = {})
    {
        if (id)
            out += ',';
        ++id;
        t = t.addMSecs(7);
        out += "{\"timestamp\":\"" + t.toString(Qt::ISODateWithMs).toUtf8() + "\",\"type\":\"" + type + "\",\"id\":"
            + QByteArray::number(id) + ",\"previousEventId\":" + QByteArray::number(id - 1);
        if (!details.isEmpty())
            out += ',' + details;
        out += '}';
    }
    void task(const QByteArray& name)
    {
        const QByteArray payload = "\"{\\\"item\\\":" + QByteArray::number(id) + ",\\\"note\\\":\\\"generated\\\"}\"";
        event("TaskStateEntered", "\"stateEnteredEventDetails\":{\"name\":\"" + name + "\",\"input\":" + payload + "}");
        event("TaskScheduled", "\"taskScheduledEventDetails\":{\"resourceType\":\"lambda\",\"resource\":\"invoke\","
                               "\"region\":\"eu-west-1\",\"parameters\":" + payload + "}");
        event("TaskStarted", "\"taskStartedEventDetails\":{\"resourceType\":\"lambda\",\"resource\":\"invoke\"}");
        event("TaskSucceeded", "\"taskSucceededEventDetails\":{\"resourceType\":\"lambda\",\"resource\":\"invoke\","
                               "\"output\":" + payload + "}");
        event("TaskStateExited", "\"stateExitedEventDetails\":{\"name\":\"" + name + "\",\"output\":" + payload + "}");
    }
};

QByteArray historyJson(int* count)
{
    HistoryWriter w;
    w.event("ExecutionStarted", "\"executionStartedEventDetails\":{\"input\":\"{}\"}");
    for (int i = 0; i < TopLevelTasks; ++i)
        w.task("T" + QByteArray::number(i));
    w.event("MapStateEntered", "\"stateEnteredEventDetails\":{\"name\":\"Fanout\",\"input\":\"[]\"}");
    w.event("MapStateStarted", "\"mapStateStartedEventDetails\":{\"length\":" + QByteArray::number(Iterations) + "}");
    for (int it = 0; it < Iterations; ++it) {
        const QByteArray details = "\"mapIterationStartedEventDetails\":{\"name\":\"Fanout\",\"index\":"
            + QByteArray::number(it) + "}";
        w.event("MapIterationStarted", details);
        for (int i = 0; i < InnerTasks; ++i)
            w.task("I" + QByteArray::number(i));
        w.event("MapIterationSucceeded", "\"mapIterationSucceededEventDetails\":{\"name\":\"Fanout\",\"index\":"
                + QByteArray::number(it) + "}");
    }
    w.event("MapStateSucceeded");
    w.event("MapStateExited", "\"stateExitedEventDetails\":{\"name\":\"Fanout\",\"output\":\"[]\"}");
    w.event("ExecutionSucceeded", "\"executionSucceededEventDetails\":{\"output\":\"{}\"}");
    w.out += "]}";
    *count = static_cast<int>(w.id);
    return w.out;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

int main(int argc, char* argv[])
{
    // A settings folder of its own for each run: the window saves its size and split positions, and a size left
    // behind by an earlier run (a small window paints fewer pixels) would change what every later run measures.
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("config"))));
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("StepscopeBench"));
    const QString definition = dir.filePath(QStringLiteral("bench.asl.json"));
    const QString history = dir.filePath(QStringLiteral("bench.history.json"));
    int events = 0;
    if (!writeFile(definition, workflowJson()) || !writeFile(history, historyJson(&events)))
        return 1;
    std::printf("workflow: %d states; history: %d events, %lld bytes\n", TopLevelTasks + InnerTasks + 1, events,
        static_cast<long long>(QFile(history).size()));

    Stepscope::prepareQuick(); // as the application does
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Stepscope/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    QObject* controller = window->property("controller").value<QObject*>();
    auto* view = window->property("diagramView").value<QQuickItem*>();
    std::atomic<int> frames { 0 };
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&frames] { ++frames; }, Qt::DirectConnection);

    // Let the empty window settle, then open and watch the UI thread.
    QElapsedTimer settle;
    settle.start();
    QTimer settled;
    settled.start(500);
    while (settle.elapsed() < 500)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);

    QElapsedTimer clock;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    qint64 last = 0;
    qint64 worst = 0;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    clock.start();
    ticker.start();
    QMetaObject::invokeMethod(controller, "open", Q_ARG(QString, definition), Q_ARG(QString, history));
    bool loaded = false;
    int framesAtLoad = 0;
    // Waiting for events, not polling: a polling loop would take a core from the renderer (there may be only two).
    while (clock.elapsed() < 120000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        if (!loaded && controller->property("hasDocument").toBool() && !controller->property("busy").toBool()) {
            loaded = true;
            framesAtLoad = frames;
        }
        if (loaded && frames > framesAtLoad + 1)
            break;
    }
    ticker.stop();
    const qint64 openMs = clock.elapsed();
    std::printf("open to first drawn frame: %lld ms; longest UI-thread stall: %lld ms (target <= 100)\n",
        static_cast<long long>(openMs), static_cast<long long>(worst));
    if (!loaded)
        return 1;

    // Scripted pan and zoom for 2 seconds, one step per swapped frame.
    QQuickItem* world = view->property("world").value<QQuickItem*>();
    const qreal x0 = world->x();
    const qreal y0 = world->y();
    QElapsedTimer run;
    const int start = frames;
    run.start();
    auto step = [&] {
        const double t = run.elapsed() / 1000.0;
        view->setProperty("zoom", 0.6 + 0.3 * std::sin(t * 3));
        world->setX(x0 - 400 * std::sin(t * 2));
        world->setY(y0 - 1500 * t);
    };
    QObject::connect(window, &QQuickWindow::frameSwapped, window, step, Qt::QueuedConnection);
    step();
    QTimer end;
    end.start(2000);
    while (run.elapsed() < 2000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    const int counted = frames - start;
    const double fps = counted / (run.elapsed() / 1000.0);
    std::printf("pan and zoom: %d frames in %.2f s, window %dx%d\n", counted, run.elapsed() / 1000.0, window->width(), window->height());
    if (qEnvironmentVariableIsSet("BENCH_GRAB")) window->grabWindow().save(qEnvironmentVariable("BENCH_GRAB"));
    std::printf("fps=%.0f\n", fps);
    return 0;
}
