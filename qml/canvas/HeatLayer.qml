import QtQuick
import Stepscope

// The heat map over the state boxes (View › Heat map): each state the archive has figures for is filled with its
// heat colour and shows its name and value. Drawn over the nodes without taking input: clicks, double-clicks and
// hovering still reach the states underneath (their tooltips carry the full heat label).
Item {
    id: layer
    objectName: "heatLayer"
    property HeatMap heat: null
    visible: heat !== null && heat.active

    Repeater {
        model: layer.heat && layer.heat.active ? layer.heat.nodes : null
        delegate: Rectangle {
            required property rect box
            required property color heatColor
            required property color textColor
            required property string label
            required property string note
            required property string typeName
            required property string stateId
            objectName: "heat:" + stateId
            x: box.x
            y: box.y
            width: box.width
            height: box.height
            radius: typeName === "Choice" ? height / 2 : 6
            color: heatColor
            border.color: Qt.darker(heatColor, 1.35)
            border.width: 1.2
            Column {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.margins: 4
                anchors.verticalCenter: parent.verticalCenter
                Text {
                    renderType: Text.QtRendering // scaled with the world: outlines, not bitmaps
                    width: parent.width
                    text: label
                    textFormat: Text.PlainText
                    color: textColor
                    font.pixelSize: 12
                    elide: Text.ElideRight
                    horizontalAlignment: Text.AlignHCenter
                }
                Text {
                    renderType: Text.QtRendering // scaled with the world: outlines, not bitmaps
                    width: parent.width
                    visible: box.height >= 34
                    text: note
                    textFormat: Text.PlainText
                    color: textColor
                    opacity: 0.85
                    font.pixelSize: 9
                    elide: Text.ElideRight
                    horizontalAlignment: Text.AlignHCenter
                }
            }
        }
    }
}
