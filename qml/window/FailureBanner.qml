import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stepscope

// The failure first: the error, where it happened and why, with the way back to it.
Rectangle {
    id: banner
    objectName: "failureBanner"
    required property DocumentController controller
    signal showStep()
    visible: controller.failed
    implicitHeight: visible ? row.implicitHeight + 12 : 0
    color: Theme.bannerFill
    border.color: Theme.bannerBorder

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 6
        spacing: 8
        Text {
            text: "✗"
            color: Theme.statusColor("FAILED")
            font.pixelSize: 18
            font.bold: true
        }
        Text {
            objectName: "bannerError"
            text: banner.controller.rootCauseError !== "" ? banner.controller.rootCauseError
                                                          : "Execution " + banner.controller.executionStatus.toLowerCase()
            textFormat: Text.PlainText
            font.bold: true
            color: Theme.text
        }
        Text {
            visible: banner.controller.rootCausePath !== ""
            text: "in " + banner.controller.rootCausePath
            textFormat: Text.PlainText
            color: Theme.text
        }
        Text {
            objectName: "bannerCause"
            Layout.fillWidth: true
            text: banner.controller.rootCauseMessage
            textFormat: Text.PlainText
            color: Theme.mutedText
            elide: Text.ElideRight
        }
        Button {
            objectName: "showStepButton"
            text: "Show step"
            enabled: banner.controller.rootCauseState >= 0
            onClicked: banner.showStep()
            ToolTip.text: "Select and centre the failing step (Ctrl+J)"
            ToolTip.visible: hovered
        }
        ToolButton {
            text: "Copy"
            onClicked: Clipboard.setText(banner.controller.rootCauseError + " in " + banner.controller.rootCausePath
                                         + "\n" + banner.controller.rootCauseMessage)
        }
    }
}
