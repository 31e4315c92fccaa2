import QtQuick
import QtQuick.Controls
import Stepscope

// One state box on the canvas. Status is shown by fill, border and a symbol; selection by a thick accent ring.
Rectangle {
    id: node
    required property DocumentController controller
    required property int index
    required property int stateIndex
    required property string name
    required property string label
    required property string typeName
    required property rect box
    required property string status
    required property string statusName
    required property string note
    required property string badge
    required property bool isGhost
    required property bool isGroup
    required property bool collapsible
    required property bool collapsed
    required property bool matched
    required property string stateId
    property string heatLabel: "" // archive statistics (View › Heat map)
    readonly property bool selected: controller.selectedState === stateIndex && !isGhost

    objectName: "node:" + name
    x: box.x
    y: box.y
    width: box.width
    height: box.height
    radius: typeName === "Choice" ? height / 2 : 6
    color: Theme.statusFill(status)
    opacity: isGhost ? 0.6 : 1
    // The status keeps its border when selected or matched: those get rings of their own around the box.
    border.color: status !== "" && status !== "NOT_RUN" ? Theme.statusColor(status) : Theme.nodeBorder
    border.width: status === "FAILED" ? 2.5 : 1.2

    Rectangle {
        visible: node.selected || node.matched
        anchors.fill: parent
        anchors.margins: -5
        radius: node.radius + 5
        color: "transparent"
        border.color: node.selected ? Theme.accent : Theme.searchMatch
        border.width: 3
    }

    // The status symbol sits on the top-left corner so that it never takes room from the name.
    Rectangle {
        id: symbol
        visible: node.status !== ""
        x: -7
        y: -7
        width: 17
        height: 17
        radius: 8.5
        color: Theme.nodeFill
        border.color: Theme.statusColor(node.status)
        border.width: 1.5
        Text {
            anchors.centerIn: parent
            text: Theme.statusSymbol(node.status)
            color: Theme.statusColor(node.status)
            font.pixelSize: 11
            font.bold: true
        }
    }
    Column {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.leftMargin: 4
        anchors.rightMargin: collapseButton.visible ? 10 : 4
        anchors.verticalCenter: parent.verticalCenter
        spacing: 0
        Text {
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
        id: collapseButton
        visible: node.collapsible
        anchors.right: parent.right
        anchors.rightMargin: 3
        anchors.top: parent.top
        anchors.topMargin: 1
        text: node.collapsed ? "⊞" : "⊟"
        color: Theme.mutedText
        font.pixelSize: 12
        TapHandler { onTapped: node.controller.toggleCollapsed(node.stateIndex) }
    }

    HoverHandler { id: hover }
    // State names come from users' files: the tooltip is plain text (the attached ToolTip renders rich text).
    Loader {
        active: hover.hovered
        sourceComponent: PlainToolTip {
            visible: true
            delay: 400
            text: node.name + " (" + node.typeName + ")" + (node.statusName !== "" ? "\nstatus: " + node.statusName : "")
                  + (node.note !== "" ? "\n" + node.note : "") + (node.badge !== "" ? "\nretry: " + node.badge : "")
                  + (node.isGhost ? "\n(copy of the Catch handler, drawn near its source)" : "")
                  + (node.heatLabel !== "" ? "\narchive: " + node.heatLabel : "")
        }
    }
    TapHandler {
        onTapped: node.controller.selectState(node.stateIndex)
        onDoubleTapped: if (node.collapsible) node.controller.toggleCollapsed(node.stateIndex)
    }
}
