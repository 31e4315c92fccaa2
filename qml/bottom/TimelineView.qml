import QtQuick
import QtQuick.Controls
import Stepscope

// Gantt view: one row per state run; bars coloured and marked by status, task attempts as segments (waits between
// retries are the gaps), rows indented by lane (Parallel branch / Map iteration). Hover for times.
Item {
    id: root
    objectName: "timeline"
    required property DocumentController controller
    readonly property TimelineModel timeline: controller.timeline
    readonly property real labelWidth: 240
    property real pxPerMs: Math.max(0.0001, (width - labelWidth - 30) / Math.max(1, timeline.totalMs))

    ListView {
        id: rows
        anchors.fill: parent
        clip: true
        model: root.timeline
        reuseItems: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            id: row
            required property int index
            required property string label
            required property int lane
            required property double startMs
            required property double endMs
            required property string status
            required property var segments
            required property int stateIndex
            required property string times
            width: rows.width
            height: 20
            color: root.controller.selection.selectedState === stateIndex && stateIndex >= 0
                   ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.18)
                   : index % 2 ? Theme.groupFill : "transparent"
            Text {
                x: 4 + Math.min(row.lane, 8) * 6
                width: root.labelWidth - x - 4
                anchors.verticalCenter: parent.verticalCenter
                text: row.label
                textFormat: Text.PlainText
                color: Theme.text
                font.pixelSize: 11
                elide: Text.ElideLeft
            }
            Rectangle {
                id: bar
                x: root.labelWidth + row.startMs * root.pxPerMs
                width: Math.max(2, (row.endMs - row.startMs) * root.pxPerMs)
                y: 4
                height: 12
                radius: 2
                color: Theme.statusTint(row.status, row.segments.length > 0 ? 0.25 : 0.8)
                border.color: Theme.statusColor(row.status)
                Repeater {
                    model: row.segments
                    delegate: Rectangle {
                        required property var modelData
                        x: (modelData.start - row.startMs) * root.pxPerMs
                        width: Math.max(2, (modelData.end - modelData.start) * root.pxPerMs)
                        height: bar.height
                        color: modelData.failed ? Theme.statusColor("FAILED") : Theme.statusColor("SUCCEEDED")
                    }
                }
            }
            Text {
                anchors.left: bar.right
                anchors.leftMargin: 3
                anchors.verticalCenter: parent.verticalCenter
                text: Theme.statusSymbol(row.status)
                color: Theme.statusColor(row.status)
                font.pixelSize: 11
            }
            HoverHandler { id: hover }
            Loader {
                active: hover.hovered
                sourceComponent: PlainToolTip { visible: true; delay: 200; text: row.times }
            }
            TapHandler { onTapped: if (row.stateIndex >= 0) root.controller.selection.selectState(row.stateIndex) }
        }
    }
    Label {
        anchors.centerIn: parent
        visible: rows.count === 0
        text: root.controller.hasExecution ? "No timed runs in this history." : "Open an execution history to see its timeline."
        opacity: 0.6
    }
}
