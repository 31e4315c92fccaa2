#pragma once

#include <QImage>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// The system clipboard for QML: everything a user sees can be copied as text.
class Clipboard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;
    Q_INVOKABLE void setText(const QString& text);
    Q_INVOKABLE void setImage(const QImage& image);
    [[nodiscard]] Q_INVOKABLE QString text() const;
};

} // namespace Stepscope
