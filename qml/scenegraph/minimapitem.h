#pragma once

#include "scenegraph/nodelayer.h"

#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// The whole diagram in miniature: boxes in the colours NodeLayer gives them, edges as thin lines. Painted once per
/// change of the diagram or of the layer's colours (not per frame), into a texture the canvas shows as one quad.
class MinimapItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Stepscope::NodeLayer* nodeLayer READ nodeLayer WRITE setNodeLayer NOTIFY nodeLayerChanged)
    Q_PROPERTY(QColor edgeColor MEMBER m_edgeColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor containerColor MEMBER m_containerColor NOTIFY colorsChanged)
public:
    explicit MinimapItem(QQuickItem* parent = nullptr);

    [[nodiscard]] NodeLayer* nodeLayer() const { return m_layer; }
    void setNodeLayer(NodeLayer* layer);
    void paint(QPainter* painter) override;

Q_SIGNALS:
    void nodeLayerChanged();
    void colorsChanged();

private:
    QPointer<NodeLayer> m_layer;
    QColor m_edgeColor = QColor(0x7d, 0x89, 0x98);
    QColor m_containerColor = QColor(0x8d, 0x99, 0xa6);
};

} // namespace Stepscope
