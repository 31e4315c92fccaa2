import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stepscope

// File › Import executions…: progress while the importer runs off the UI thread, Cancel (stops between executions,
// keeps what was committed), and at the end what was imported, already there, or failed and why.
Dialog {
    id: dialog
    objectName: "importDialog"
    required property ArchiveImporter importer
    title: importer.running ? "Importing executions…" : "Import executions"
    modal: false
    closePolicy: importer.running ? Popup.NoAutoClose : Popup.CloseOnEscape
    anchors.centerIn: parent
    width: Math.min(640, parent ? parent.width - 40 : 640)

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            text: dialog.importer.filesTotal > 0 ? dialog.importer.filesDone + " of " + dialog.importer.filesTotal + " files"
                                                 : (dialog.importer.running ? "Looking for history files…" : "")
            textFormat: Text.PlainText
        }
        ProgressBar {
            objectName: "importProgress"
            Layout.fillWidth: true
            from: 0
            to: Math.max(1, dialog.importer.filesTotal)
            value: dialog.importer.filesDone
            indeterminate: dialog.importer.running && dialog.importer.filesTotal === 0
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.importer.running
            text: dialog.importer.currentFile
            textFormat: Text.PlainText
            elide: Text.ElideMiddle
            opacity: 0.7
        }
        Label {
            objectName: "importCounts"
            text: dialog.importer.imported + " imported · " + dialog.importer.alreadyPresent + " already in the archive · "
                  + dialog.importer.failed + " failed"
            textFormat: Text.PlainText
        }
        Label {
            objectName: "importSummary"
            Layout.fillWidth: true
            visible: !dialog.importer.running && dialog.importer.finishedOnce
            text: dialog.importer.summary
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.bold: true
        }
        ListView {
            objectName: "importFailures"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 180)
            visible: !dialog.importer.running && count > 0
            clip: true
            model: dialog.importer.failures
            ScrollBar.vertical: ScrollBar {}
            delegate: Text {
                required property var modelData
                width: ListView.view.width
                text: "✗ " + modelData.file + ": " + modelData.reason
                textFormat: Text.PlainText
                color: Theme.statusColor("FAILED")
                wrapMode: Text.Wrap
            }
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "importCancel"
                text: dialog.importer.cancelling ? "Cancelling…" : "Cancel"
                visible: dialog.importer.running
                enabled: !dialog.importer.cancelling
                onClicked: dialog.importer.cancel()
            }
            Button {
                text: "Close"
                visible: !dialog.importer.running
                onClicked: dialog.close()
            }
        }
    }
}
