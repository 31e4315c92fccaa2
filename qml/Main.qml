import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stepscope

ApplicationWindow {
    id: window

    property string initialFile: ""
    property string screenshotFile: ""

    width: 1200
    height: 800
    visible: true
    title: controller.workflowName ? controller.workflowName + " — Stepscope" : "Stepscope"

    DocumentController {
        id: controller
        onLoaded: {
            if (window.screenshotFile !== "")
                WindowGrabber.saveAfterNextFrame(window, window.screenshotFile)
        }
    }

    Component.onCompleted: {
        if (initialFile !== "")
            controller.openFile(initialFile)
        else if (screenshotFile !== "")
            WindowGrabber.saveAfterNextFrame(window, screenshotFile)
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            Label {
                objectName: "workflowTitle"
                text: controller.workflowName
                textFormat: Text.PlainText
                font.bold: true
                Layout.leftMargin: 8
            }
            Label {
                text: controller.filePath ? controller.formatName + " · " + controller.stateCount + " states" : ""
                textFormat: Text.PlainText
                opacity: 0.7
            }
            Item { Layout.fillWidth: true }
            BusyIndicator {
                running: controller.busy
                visible: running
                implicitHeight: 28
            }
        }
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Vertical

        ListView {
            id: stateList
            objectName: "stateList"
            SplitView.fillHeight: true
            clip: true
            model: controller.states
            delegate: ItemDelegate {
                required property string name
                required property string type
                required property string containerPath
                width: stateList.width
                contentItem: RowLayout {
                    Label { text: name; textFormat: Text.PlainText; font.bold: true }
                    Label { text: type; textFormat: Text.PlainText; opacity: 0.7 }
                    Label { text: containerPath; textFormat: Text.PlainText; opacity: 0.5; Layout.fillWidth: true }
                }
            }
            ScrollBar.vertical: ScrollBar {}
        }

        ListView {
            id: diagnosticList
            objectName: "diagnosticList"
            SplitView.preferredHeight: 160
            clip: true
            model: controller.diagnostics
            delegate: Label {
                required property string severity
                required property string message
                required property int line
                required property int column
                width: diagnosticList.width
                padding: 4
                text: (line > 0 ? line + ":" + column + "  " : "") + severity + ": " + message
                textFormat: Text.PlainText
                color: severity === "error" ? "#c62828" : palette.text
                wrapMode: Text.Wrap
            }
            ScrollBar.vertical: ScrollBar {}
        }
    }
}
