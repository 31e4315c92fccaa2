#pragma once

#include <QColor>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// The status palette (render/statuspalette.h) for QML: Theme.qml reads its status colours here, so the canvas,
/// its legend and the exports paint each status alike.
class StatusColors : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;
    /// The colour of a status key ("FAILED", ...); an invalid colour for anything else.
    [[nodiscard]] Q_INVOKABLE QColor color(const QString& key, bool dark) const;
};

} // namespace Stepscope
