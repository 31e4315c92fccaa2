import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stepscope

// A virtualised list of events (25,000 rows scroll like 25); a click selects the event's state.
Item {
    id: root
    required property DocumentController controller
    required property EventFilterModel events
    property bool compact: false
    property int currentRow: -1
    readonly property ListView list: list

    ListView {
        id: list
        objectName: "eventListView"
        anchors.fill: parent
        clip: true
        model: root.events
        reuseItems: true
        boundsBehavior: Flickable.StopAtBounds
        currentIndex: root.currentRow
        highlightMoveDuration: 0
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
        header: Rectangle {
            width: list.width
            height: 22
            color: Theme.groupFill
            z: 2
            Row {
                anchors.verticalCenter: parent.verticalCenter
                x: 4
                spacing: 8
                Label { width: 48; text: "#"; font.bold: true }
                Label { width: 84; text: "Time"; font.bold: true; visible: !root.compact }
                Label { width: 190; text: "Type"; font.bold: true }
                Label { width: 150; text: "State"; font.bold: true; visible: !root.compact }
                Label { text: "Details"; font.bold: true }
            }
        }
        headerPositioning: ListView.OverlayHeader
        delegate: Rectangle {
            id: rowItem
            required property int index
            required property var eventId
            required property string time
            required property string type
            required property string category
            required property string stateName
            required property string detail
            required property int eventIndex
            width: list.width
            height: 22
            color: ListView.isCurrentItem ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.22)
                 : category === "failure" ? Theme.statusTint("FAILED", 0.10)
                 : index % 2 ? Theme.groupFill : "transparent"
            Row {
                anchors.verticalCenter: parent.verticalCenter
                x: 4
                spacing: 8
                Text { width: 48; text: rowItem.eventId; color: Theme.mutedText; font.pixelSize: 11 }
                Text { width: 84; visible: !root.compact; text: rowItem.time; textFormat: Text.PlainText; color: Theme.mutedText; font.pixelSize: 11 }
                Text {
                    width: 190
                    text: (rowItem.category === "failure" ? "✗ " : "") + rowItem.type
                    textFormat: Text.PlainText
                    color: Theme.categoryColor(rowItem.category)
                    font.pixelSize: 12
                    font.bold: rowItem.category === "failure"
                    elide: Text.ElideRight
                }
                Text { width: 150; visible: !root.compact; text: rowItem.stateName; textFormat: Text.PlainText; color: Theme.text; font.pixelSize: 12; elide: Text.ElideRight }
                Text {
                    width: list.width - x - 16
                    text: rowItem.detail
                    textFormat: Text.PlainText
                    color: Theme.text
                    font.pixelSize: 11
                    elide: Text.ElideRight
                }
            }
            TapHandler {
                onTapped: {
                    root.currentRow = rowItem.index
                    root.controller.selection.selectEvent(rowItem.eventIndex)
                }
            }
            TapHandler {
                acceptedButtons: Qt.RightButton
                onTapped: Clipboard.setText(root.events.rowText(rowItem.index))
            }
        }
    }
    Label {
        anchors.centerIn: parent
        visible: list.count === 0
        text: root.controller.hasExecution ? "No events match." : "Open an execution history to see its events."
        opacity: 0.6
    }
}
