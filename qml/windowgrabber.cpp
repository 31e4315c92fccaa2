#include "windowgrabber.h"

#include <QCoreApplication>
#include <QImage>
#include <QPointer>

#include <cstdio>
#include <memory>
#include <utility>

namespace Stepscope {

void WindowGrabber::saveAfterNextFrame(QQuickWindow* window, const QString& file)
{
    if (!window)
        return;
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto done = std::make_shared<bool>(false);
    *connection = connect(window, &QQuickWindow::frameSwapped, this, [connection, done, file, window = QPointer(window)] {
        QObject::disconnect(*connection);
        // Several swaps may already be queued from the render thread: save once.
        if (std::exchange(*done, true))
            return;
        // Grab outside of the render callback; grabWindow() renders the same scene again synchronously.
        QMetaObject::invokeMethod(qApp, [file, window] {
            const QImage image = window ? window->grabWindow() : QImage();
            const bool ok = !image.isNull() && image.save(file);
            std::fprintf(ok ? stdout : stderr, ok ? "stepscope: screenshot saved to %s\n"
                                                  : "stepscope: could not save the screenshot to %s\n",
                qPrintable(file));
            QCoreApplication::exit(ok ? 0 : 1);
        }, Qt::QueuedConnection);
    });
    window->requestUpdate();
}

} // namespace Stepscope
