import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stepscope

// The selected state: Input, Output, Error, Definition, Retries, Events.
Pane {
    id: panel
    objectName: "inspector"
    required property DocumentController controller
    readonly property StateInspector inspector: controller.inspector
    property alias currentTab: tabs.currentIndex
    padding: 0

    function showTab(name) {
        for (let i = 0; i < tabs.count; ++i) {
            if (tabs.itemAt(i).text === name)
                tabs.currentIndex = i
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            Layout.margins: 8
            visible: panel.inspector.stateIndex < 0
            text: panel.controller.hasDocument ? "Select a state to inspect it." : "Open a definition or a history (Ctrl+O), or drop files here."
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            opacity: 0.7
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: 8
            visible: panel.inspector.stateIndex >= 0
            spacing: 2
            RowLayout {
                Text {
                    text: Theme.statusSymbol(panel.inspector.statusName.toUpperCase().replace(" ", "_"))
                    color: Theme.statusColor(panel.inspector.statusName.toUpperCase().replace(" ", "_"))
                    font.pixelSize: 16
                    font.bold: true
                }
                Label {
                    objectName: "inspectorTitle"
                    text: panel.inspector.name
                    textFormat: Text.PlainText
                    font.bold: true
                    font.pixelSize: 15
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
                Label { text: panel.inspector.typeName; textFormat: Text.PlainText; opacity: 0.7 }
                ToolButton {
                    text: "Copy"
                    onClicked: Clipboard.setText(panel.inspector.summaryText())
                }
            }
            Label {
                visible: text !== ""
                text: panel.inspector.location !== "" ? "in " + panel.inspector.location : ""
                textFormat: Text.PlainText
                opacity: 0.7
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: text !== ""
                text: (panel.inspector.statusName !== "" ? panel.inspector.statusName : "")
                      + (panel.inspector.runSummary !== "" ? " · " + panel.inspector.runSummary : "")
                textFormat: Text.PlainText
                opacity: 0.8
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            PlainComboBox {
                objectName: "runPicker"
                Layout.fillWidth: true
                visible: panel.inspector.runLabels.length > 1
                model: panel.inspector.runLabels
                currentIndex: panel.inspector.currentRun
                onActivated: (i) => panel.inspector.currentRun = i
            }
            IterationPicker {
                Layout.fillWidth: true
                controller: panel.controller
                mapState: panel.inspector.typeName === "Map" ? panel.inspector.stateIndex : -1
            }
        }

        TabBar {
            id: tabs
            objectName: "inspectorTabs"
            Layout.fillWidth: true
            visible: panel.inspector.stateIndex >= 0
            TabButton { text: "Input"; width: implicitWidth }
            TabButton { text: "Output"; width: implicitWidth }
            TabButton { text: "Error"; width: implicitWidth }
            TabButton { text: "Definition"; width: implicitWidth }
            TabButton { text: "Retries"; width: implicitWidth }
            TabButton { text: "Events"; width: implicitWidth }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: panel.inspector.stateIndex >= 0
            currentIndex: tabs.currentIndex

            JsonTreeView {
                objectName: "inputTree"
                jsonModel: panel.inspector.input
                emptyText: panel.controller.hasExecution ? "No input recorded for this run." : "Open a history to see inputs."
            }
            JsonTreeView {
                objectName: "outputTree"
                jsonModel: panel.inspector.output
                emptyText: panel.controller.hasExecution ? "No output recorded for this run." : "Open a history to see outputs."
            }
            ScrollView {
                id: errorView
                objectName: "errorView"
                clip: true
                contentWidth: availableWidth
                ColumnLayout {
                    width: errorView.availableWidth
                    spacing: 6
                    Label {
                        Layout.margins: 8
                        visible: panel.inspector.error === ""
                        text: "No error in this run."
                        opacity: 0.7
                    }
                    TextArea {
                        objectName: "errorText"
                        Layout.fillWidth: true
                        visible: panel.inspector.error !== ""
                        readOnly: true
                        selectByMouse: true
                        textFormat: TextEdit.PlainText
                        font.bold: true
                        wrapMode: TextEdit.Wrap
                        text: panel.inspector.error + (panel.inspector.lambdaErrorType !== "" && panel.inspector.lambdaErrorType !== panel.inspector.error
                                                      ? "  (" + panel.inspector.lambdaErrorType + ")" : "")
                    }
                    TextArea {
                        objectName: "lambdaMessage"
                        Layout.fillWidth: true
                        visible: panel.inspector.lambdaMessage !== ""
                        readOnly: true
                        selectByMouse: true
                        textFormat: TextEdit.PlainText
                        wrapMode: TextEdit.Wrap
                        text: panel.inspector.lambdaMessage
                    }
                    Label {
                        visible: panel.inspector.stackTrace.length > 0
                        text: "Stack trace"
                        font.bold: true
                        Layout.leftMargin: 8
                    }
                    Repeater {
                        model: panel.inspector.stackTrace
                        delegate: Text {
                            required property string modelData
                            required property int index
                            Layout.fillWidth: true
                            Layout.leftMargin: 8
                            text: (index + 1) + "  " + modelData.trim()
                            textFormat: Text.PlainText
                            font.family: "DejaVu Sans Mono"
                            font.pixelSize: 11
                            color: Theme.text
                            wrapMode: Text.WrapAnywhere
                        }
                    }
                    Label {
                        visible: panel.inspector.cause !== "" && panel.inspector.lambdaMessage === ""
                        text: "Cause"
                        font.bold: true
                        Layout.leftMargin: 8
                    }
                    TextArea {
                        objectName: "causeText"
                        Layout.fillWidth: true
                        visible: panel.inspector.cause !== "" && panel.inspector.lambdaMessage === ""
                        readOnly: true
                        selectByMouse: true
                        textFormat: TextEdit.PlainText
                        wrapMode: TextEdit.WrapAnywhere
                        font.family: "DejaVu Sans Mono"
                        text: panel.inspector.cause
                    }
                    Button {
                        visible: panel.inspector.error !== ""
                        text: "Copy error and cause"
                        Layout.leftMargin: 8
                        onClicked: Clipboard.setText(panel.inspector.error + "\n" + panel.inspector.cause)
                    }
                }
            }
            JsonTreeView {
                objectName: "definitionTree"
                jsonModel: panel.inspector.definition
            }
            ScrollView {
                id: retriesView
                clip: true
                contentWidth: availableWidth
                ColumnLayout {
                    width: retriesView.availableWidth
                    spacing: 4
                    Label { text: "Retry rules"; font.bold: true; Layout.margins: 6; visible: panel.inspector.retryRules.length > 0 }
                    Repeater {
                        model: panel.inspector.retryRules
                        delegate: Label { required property string modelData; text: "↻ " + modelData; textFormat: Text.PlainText; Layout.leftMargin: 12; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }
                    Label { text: "Catch rules"; font.bold: true; Layout.margins: 6; visible: panel.inspector.catchRules.length > 0 }
                    Repeater {
                        model: panel.inspector.catchRules
                        delegate: Label { required property string modelData; text: "⚠ " + modelData; textFormat: Text.PlainText; Layout.leftMargin: 12; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }
                    Label { text: "Attempts"; font.bold: true; Layout.margins: 6; visible: panel.inspector.attempts.length > 0 }
                    Label {
                        Layout.margins: 6
                        visible: panel.inspector.attempts.length === 0 && panel.inspector.retryRules.length === 0
                        text: "No retries."
                        opacity: 0.7
                    }
                    Repeater {
                        model: panel.inspector.attempts
                        delegate: Frame {
                            required property var modelData
                            Layout.fillWidth: true
                            Layout.leftMargin: 6
                            Layout.rightMargin: 6
                            ColumnLayout {
                                width: parent.width
                                Label {
                                    text: (modelData.failed ? "✗ " : "✓ ") + "Attempt " + modelData.number + " · " + modelData.outcome
                                          + (modelData.started !== "" ? " · " + modelData.started : "")
                                          + (modelData.duration !== "" ? " · " + modelData.duration : "")
                                    textFormat: Text.PlainText
                                    color: modelData.failed ? Theme.statusColor("FAILED") : Theme.text
                                    font.bold: true
                                }
                                Label { visible: modelData.error !== ""; text: modelData.error; textFormat: Text.PlainText; wrapMode: Text.Wrap; Layout.fillWidth: true }
                                Label { visible: modelData.cause !== ""; text: modelData.cause; textFormat: Text.PlainText; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true; opacity: 0.8; maximumLineCount: 4; elide: Text.ElideRight }
                                Label { visible: modelData.wait !== ""; text: modelData.wait; textFormat: Text.PlainText; opacity: 0.7 }
                            }
                        }
                    }
                }
            }
            EventList {
                objectName: "stateEvents"
                controller: panel.controller
                events: panel.inspector.events
                compact: true
            }
        }
    }
}
