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

    /// After the next frame of `window` is swapped, saves it to `file` and quits the application with 0 (1 if the
    /// image could not be written).
    Q_INVOKABLE void saveAfterNextFrame(QQuickWindow* window, const QString& file);
};

} // namespace Stepscope
