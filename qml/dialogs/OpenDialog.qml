import QtQuick
import QtQuick.Dialogs

// File › Open: created the first time it is needed (Main.qml), so that start-up does not load QtQuick.Dialogs.
FileDialog {
    title: "Open a definition, a template or an execution history"
    modality: Qt.NonModal
    fileMode: FileDialog.OpenFiles
    nameFilters: ["Workflows and histories (*.json *.yaml *.yml *.log)", "All files (*)"]
}
