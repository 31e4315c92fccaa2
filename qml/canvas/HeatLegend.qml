import QtQuick
import QtQuick.Controls
import Stepscope

// The heat map's legend on the canvas: the measure, the state machine it comes from, and the scale from low to high.
// Also says why nothing is coloured (no archive, no executions of this state machine, ...).
Rectangle {
    id: legend
    objectName: "heatLegend"
    property HeatMap heat: null
    visible: heat !== null && heat.enabled
    width: Math.max(column.implicitWidth, 120) + 16
    height: column.implicitHeight + 12
    radius: 4
    color: Qt.rgba(Theme.nodeFill.r, Theme.nodeFill.g, Theme.nodeFill.b, 0.94)
    border.color: Theme.nodeBorder

    Column {
        id: column
        x: 8
        y: 6
        spacing: 3
        Text {
            text: legend.heat && legend.heat.active ? "Heat: " + legend.heat.title : "Heat map"
            textFormat: Text.PlainText
            color: Theme.text
            font.bold: true
            font.pixelSize: 11
        }
        Text {
            objectName: "heatMessage"
            width: Math.min(implicitWidth, 260)
            text: legend.heat ? (legend.heat.busy && !legend.heat.active ? "Reading the archive…" : legend.heat.message) : ""
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.pixelSize: 10
            wrapMode: Text.Wrap
        }
        // Several state machines in the archive: which one colours this workflow (automatic: the one named like it).
        PlainComboBox {
            objectName: "heatStateMachine"
            visible: legend.heat !== null && legend.heat.stateMachines.length > 1
            width: 200
            font.pixelSize: 11
            model: {
                const names = ["Automatic"]
                if (legend.heat)
                    for (let i = 0; i < legend.heat.stateMachines.length; ++i)
                        names.push(legend.heat.stateMachines[i])
                return names
            }
            onActivated: legend.heat.stateMachine = currentIndex === 0 ? "" : currentText
        }
        Repeater {
            model: legend.heat && legend.heat.active ? legend.heat.legend : []
            delegate: Row {
                required property var modelData
                spacing: 6
                Rectangle {
                    width: 14
                    height: 12
                    radius: 2
                    color: modelData.color
                    border.color: Theme.nodeBorder
                }
                Text {
                    text: modelData.label
                    textFormat: Text.PlainText
                    color: Theme.text
                    font.pixelSize: 10
                }
            }
        }
    }
}
