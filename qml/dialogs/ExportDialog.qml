import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Stepscope

// File › Export diagram: SVG, PNG or PDF, with or without the execution's statuses. Not modal.
Dialog {
    id: dialog
    objectName: "exportDialog"
    required property DocumentController controller
    property HeatMap heat: null
    property string message: ""
    title: "Export diagram"
    modal: false
    anchors.centerIn: parent
    standardButtons: Dialog.Cancel
    width: 520

    function exportTo(path) {
        message = withHeat.visible && withHeat.checked ? heat.exportDiagram(path, withStatuses.checked)
                                                       : controller.exporter.exportDiagram(path, withStatuses.checked)
        if (message === "")
            close()
    }

    onOpened: {
        message = ""
        const base = controller.filePath !== "" ? controller.filePath : controller.historyPath
        pathField.text = base.replace(/(\.asl)?\.(json|ya?ml|log)$/i, "") + "." + format.currentValue
    }

    ColumnLayout {
        anchors.fill: parent
        RowLayout {
            Label { text: "Format" }
            ComboBox {
                id: format
                objectName: "exportFormat"
                textRole: "text"
                valueRole: "value"
                model: [{ text: "SVG", value: "svg" }, { text: "PNG", value: "png" }, { text: "PDF", value: "pdf" }]
                onActivated: pathField.text = pathField.text.replace(/\.[a-z]+$/i, "") + "." + currentValue
            }
            CheckBox {
                id: withStatuses
                objectName: "exportStatuses"
                text: "With statuses"
                checked: dialog.controller.hasExecution
                enabled: dialog.controller.hasExecution
            }
            CheckBox {
                id: withHeat
                objectName: "exportHeat"
                text: "With heat map"
                visible: dialog.heat !== null && dialog.heat.active
                checked: true
            }
        }
        RowLayout {
            TextField { id: pathField; objectName: "exportPath"; Layout.fillWidth: true }
            Button { text: "Browse…"; onClicked: saveDialog.open() }
        }
        Label {
            visible: dialog.message !== ""
            text: dialog.message
            textFormat: Text.PlainText
            color: Theme.statusColor("FAILED")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "exportButton"
            text: "Export"
            highlighted: true
            Layout.alignment: Qt.AlignRight
            onClicked: dialog.exportTo(pathField.text)
        }
    }

    FileDialog {
        id: saveDialog
        fileMode: FileDialog.SaveFile
        modality: Qt.NonModal
        nameFilters: ["SVG (*.svg)", "PNG (*.png)", "PDF (*.pdf)"]
        onAccepted: {
            const url = selectedFile.toString()
            pathField.text = decodeURIComponent(url.replace(/^file:\/\//, ""))
        }
    }
}
