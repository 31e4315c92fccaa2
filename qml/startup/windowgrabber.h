#pragma once

#include <QObject>
#include <QQuickWindow>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// Saves a window's content to an image once a frame with the loaded content has been drawn (--screenshot).
class WindowGrabber : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;

    /// After the next frame of `window` is swapped, grabs it and quits the application; the image is written to
    /// `file` on a worker thread meanwhile.
    Q_INVOKABLE void saveAfterNextFrame(QQuickWindow* window, const QString& file);

    /// Waits for the image being written, reports where it went, and returns the exit status: 0 when it was
    /// written or none was asked for, 1 when it could not be.
    static int waitUntilSaved();
};

} // namespace Stepscope
