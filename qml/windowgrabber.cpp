#include "windowgrabber.h"

#include <QCoreApplication>
#include <QImage>
#include <QPointer>

#include <cstdio>

namespace Stepscope {

void WindowGrabber::saveAfterNextFrame(QQuickWindow* window, const QString& file)
{
    if (!window)
        return;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(window, &QQuickWindow::frameSwapped, this, [connection, file, window = QPointer(window)] {
        QObject::disconnect(*connection);
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
