// The baseline of bench_startup: the smallest Qt Quick program that shows a window and saves its first frame.
// Usage: bench_minimal_quick OUT.png
#include <QGuiApplication>
#include <QImage>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QTimer>

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("minimal.png");
    QQmlEngine engine;
    QQmlComponent component(&engine);
    component.setData("import QtQuick\n"
                      "Window { width: 1400; height: 900; visible: true; color: \"white\"\n"
                      "  Rectangle { x: 100; y: 100; width: 200; height: 60; color: \"#1d8102\"; radius: 6\n"
                      "    Text { anchors.centerIn: parent; text: \"first frame\" } } }\n",
        QUrl());
    auto* window = qobject_cast<QQuickWindow*>(component.create());
    if (!window)
        return 1;
    bool saved = false;
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (std::exchange(saved, true))
            return;
        QMetaObject::invokeMethod(&app, [&] {
            const bool ok = window->grabWindow().save(out);
            QCoreApplication::exit(ok ? 0 : 1);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
    return QGuiApplication::exec();
}
