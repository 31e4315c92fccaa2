import QtQuick
import Stepscope

// The text of one state on the canvas: name, note or type, status symbol and collapse mark. The box, its status
// fill and border, the selection and search rings and the symbol's disc are drawn by the batched NodeLayer, and
// clicks and hovering are handled once for the whole canvas (DiagramView), so this item only exists for states in
// view and holds nothing but text. Items are reused (NodeViewportModel's slots): a free one is hidden and blank.
Item {
    id: node
    required property DocumentController controller
    required property int index
    required property int stateIndex
    required property string name
    required property string label
    required property string typeName
    required property rect box
    required property string status
    required property string note
    required property string badge
    required property bool isGhost
    required property bool collapsible
    required property bool collapsed
    required property bool matched
    required property string stateId
    required property bool inView
    property string heatLabel: "" // archive statistics (View › Heat map): the canvas' tooltip shows it
    readonly property bool selected: controller.selection.selectedState === stateIndex && !isGhost

    objectName: "node:" + name
    x: box.x
    y: box.y
    width: box.width
    height: box.height
    opacity: isGhost ? 0.6 : 1
    visible: inView

    Text {
        renderType: Text.QtRendering // scaled with the world: outlines, not bitmaps
        visible: node.status !== ""
        x: -7
        y: -7
        width: 17
        height: 17
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        text: Theme.statusSymbol(node.status)
        color: Theme.statusColor(node.status)
        font.pixelSize: 11
        font.bold: true
    }
    Column {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.leftMargin: 4
        anchors.rightMargin: node.collapsible ? 10 : 4
        anchors.verticalCenter: parent.verticalCenter
        spacing: 0
        Text {
            renderType: Text.QtRendering // scaled with the world: outlines, not bitmaps
            width: parent.width
            text: node.label
            textFormat: Text.PlainText
            color: Theme.text
            font.pixelSize: 12
            font.bold: node.selected || node.status === "FAILED"
            font.strikeout: node.status === "ABORTED"
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            renderType: Text.QtRendering // scaled with the world: outlines, not bitmaps
            width: parent.width
            visible: node.height >= 34
            text: node.note !== "" ? node.note : node.badge !== "" ? node.typeName + " · " + node.badge : node.typeName
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.pixelSize: 9
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignHCenter
        }
    }
    Text {
        renderType: Text.QtRendering // scaled with the world: outlines, not bitmaps
        visible: node.collapsible
        anchors.right: parent.right
        anchors.rightMargin: 3
        anchors.top: parent.top
        anchors.topMargin: 1
        text: node.collapsed ? "⊞" : "⊟"
        color: Theme.mutedText
        font.pixelSize: 12
    }
}
