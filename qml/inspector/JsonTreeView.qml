import QtQuick
import QtQuick.Controls
import Stepscope

// A collapsible JSON tree with copy value / copy path / copy all (right click, or the buttons).
Item {
    id: root
    required property JsonTreeModel jsonModel
    property string emptyText: "Nothing recorded."
    property string selectedPath: ""

    function copyAll() { Clipboard.setText(jsonModel.allText()) }

    Label {
        anchors.centerIn: parent
        visible: root.jsonModel.isEmpty
        text: root.emptyText
        textFormat: Text.PlainText
        opacity: 0.6
    }

    TreeView {
        id: tree
        objectName: "jsonTree"
        anchors.fill: parent
        visible: !root.jsonModel.isEmpty
        clip: true
        model: root.jsonModel
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        ScrollBar.horizontal: ScrollBar {}
        Connections {
            target: root.jsonModel
            // Open the first level: most payloads are one object whose keys are what people look for.
            function onTextChanged() { Qt.callLater(() => { if (tree.rows > 0) tree.expand(0) }) }
        }
        Component.onCompleted: if (rows > 0) expand(0)

        delegate: Item {
            id: row
            required property TreeView treeView
            required property bool isTreeNode
            required property bool expanded
            required property int hasChildren
            required property int depth
            required property int row
            required property int column
            required property string key
            required property string value
            required property string kind
            required property string path
            implicitWidth: Math.max(tree.width, indicator.x + indicator.width + keyText.implicitWidth
                                    + valueText.implicitWidth + 40)
            implicitHeight: 22

            Rectangle {
                anchors.fill: parent
                color: root.selectedPath === row.path ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.2)
                                                      : "transparent"
            }
            Text {
                id: indicator
                x: row.depth * 16 + 4
                anchors.verticalCenter: parent.verticalCenter
                width: 14
                text: row.hasChildren ? (row.expanded ? "▾" : "▸") : ""
                color: Theme.mutedText
            }
            Text {
                id: keyText
                anchors.left: indicator.right
                anchors.verticalCenter: parent.verticalCenter
                text: row.key + ":"
                textFormat: Text.PlainText
                color: Theme.accent
                font.family: "DejaVu Sans Mono"
            }
            Text {
                id: valueText
                anchors.left: keyText.right
                anchors.leftMargin: 6
                anchors.verticalCenter: parent.verticalCenter
                text: row.value
                textFormat: Text.PlainText
                font.family: "DejaVu Sans Mono"
                color: row.kind === "string" ? (Theme.dark ? "#a5d6a7" : "#116329")
                     : row.kind === "number" ? (Theme.dark ? "#ffcc80" : "#953800")
                     : row.kind === "object" || row.kind === "array" ? Theme.mutedText : Theme.text
            }
            TapHandler {
                acceptedButtons: Qt.LeftButton
                onTapped: {
                    root.selectedPath = row.path
                    if (row.hasChildren)
                        row.treeView.toggleExpanded(row.row)
                }
            }
            TapHandler {
                acceptedButtons: Qt.RightButton
                onTapped: {
                    root.selectedPath = row.path
                    root.showMenu(row.treeView.modelIndex(Qt.point(row.column, row.row)), row.path)
                }
            }
        }
    }

    // Made on the first right click: the inspector has three trees, and their menus were built with the window.
    property Menu menu: null
    function showMenu(index, path) {
        if (!menu)
            menu = menuComponent.createObject(root)
        menu.index = index
        menu.path = path
        menu.popup()
    }
    Component {
        id: menuComponent
        Menu {
            id: contextMenu
            property var index
            property string path
            MenuItem { text: "Copy value"; onTriggered: Clipboard.setText(root.jsonModel.valueText(contextMenu.index)) }
            MenuItem { text: "Copy path"; objectName: "copyPathMenuItem"; onTriggered: Clipboard.setText(contextMenu.path) }
            MenuItem { text: "Copy all"; onTriggered: root.copyAll() }
            MenuSeparator {}
            MenuItem { text: "Expand all"; onTriggered: tree.expandRecursively() }
        }
    }
}
