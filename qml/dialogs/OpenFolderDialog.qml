import QtQuick
import QtQuick.Dialogs

// A folder chooser, created the first time it is needed (Main.qml), so that start-up does not load QtQuick.Dialogs.
FolderDialog {
    modality: Qt.NonModal
}
