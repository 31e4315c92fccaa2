import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import Stepscope

// The executions browser: every archived execution matching the filters (the same filters as `stepscope search`),
// newest first, in a virtual list that reads rows page by page off the UI thread. Enter or a double-click opens the
// execution in the main window.
Window {
    id: browser
    objectName: "executionsWindow"
    required property ExecutionListModel executions
    required property DocumentController controller
    property string openedNote: ""
    readonly property ListView list: list

    title: "Executions — Stepscope"
    width: 1150
    height: 620
    color: Theme.system.window

    function openCurrent() {
        if (list.currentIndex < 0)
            return
        browser.openedNote = ""
        statusLine.text = "Opening…"
        executions.open(list.currentIndex, controller.filePath, controller.hasDocument ? controller.workflowName : "")
    }

    Connections {
        target: browser.executions
        function onOpenRequested(definition, history, executionArn, note) {
            browser.openedNote = note
            statusLine.text = ""
            browser.controller.openExecution(definition, history, executionArn)
        }
        function onOpenFailed(message) { statusLine.text = message }
    }

    Shortcut { sequence: StandardKey.Close; onActivated: browser.close() }
    Shortcut { sequence: "Escape"; onActivated: browser.close() }
    Shortcut { sequence: StandardKey.Find; onActivated: textFilter.forceActiveFocus() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        RowLayout {
            spacing: 6
            Layout.fillWidth: true
            Label { text: "Status" }
            PlainComboBox {
                id: statusFilter
                objectName: "statusFilter"
                model: ["All", "FAILED", "SUCCEEDED", "TIMED_OUT", "ABORTED", "RUNNING", "FAILED,TIMED_OUT,ABORTED"]
                onActivated: browser.executions.status = currentIndex === 0 ? "" : currentText
                Layout.preferredWidth: 130
            }
            Label { text: "State machine" }
            PlainComboBox {
                id: machineFilter
                objectName: "machineFilter"
                model: {
                    const names = ["All"]
                    for (let i = 0; i < browser.executions.stateMachines.length; ++i)
                        names.push(browser.executions.stateMachines[i])
                    return names
                }
                onActivated: browser.executions.stateMachine = currentIndex === 0 ? "" : currentText
                Layout.preferredWidth: 160
            }
            TextField {
                objectName: "errorFilter"
                placeholderText: "Error (* wildcard)"
                onTextChanged: browser.executions.error = text
                Layout.preferredWidth: 150
            }
            TextField {
                objectName: "stateFilter"
                placeholderText: "Ran state…"
                onTextChanged: browser.executions.state = text
                Layout.preferredWidth: 120
            }
            TextField {
                objectName: "sinceFilter"
                placeholderText: "Since (2024-11-18, 24h)"
                onTextChanged: browser.executions.since = text
                Layout.preferredWidth: 150
            }
            TextField {
                objectName: "untilFilter"
                placeholderText: "Until"
                onTextChanged: browser.executions.until = text
                Layout.preferredWidth: 110
            }
            TextField {
                id: textFilter
                objectName: "textFilter"
                placeholderText: "Words in payloads, errors… (Ctrl+F)"
                onTextChanged: browser.executions.text = text
                Layout.fillWidth: true
                Keys.onDownPressed: { list.forceActiveFocus(); if (list.currentIndex < 0 && list.count > 0) list.currentIndex = 0 }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.canvas
            border.color: Theme.nodeBorder

            ListView {
                id: list
                objectName: "executionList"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: browser.executions
                reuseItems: true
                focus: true
                keyNavigationEnabled: true
                highlightMoveDuration: 0
                boundsBehavior: Flickable.StopAtBounds
                activeFocusOnTab: true
                ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
                Keys.onReturnPressed: browser.openCurrent()
                Keys.onEnterPressed: browser.openCurrent()
                header: Rectangle {
                    width: list.width
                    height: 24
                    color: Theme.groupFill
                    z: 2
                    Row {
                        anchors.verticalCenter: parent.verticalCenter
                        x: 6
                        spacing: 8
                        Label { width: 200; text: "Name"; font.bold: true }
                        Label { width: 100; text: "Status"; font.bold: true }
                        Label { width: 140; text: "State machine"; font.bold: true }
                        Label { width: 160; text: "Start"; font.bold: true }
                        Label { width: 80; text: "Duration"; font.bold: true }
                        Label { width: 170; text: "Error"; font.bold: true }
                        Label { text: "Root cause"; font.bold: true }
                    }
                }
                headerPositioning: ListView.OverlayHeader
                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string name
                    required property string status
                    required property string stateMachine
                    required property string start
                    required property string duration
                    required property string error
                    required property string rootCause
                    required property bool loaded
                    objectName: "execution:" + name
                    width: list.width
                    height: 24
                    color: ListView.isCurrentItem ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.22)
                         : index % 2 ? Theme.groupFill : "transparent"
                    Row {
                        anchors.verticalCenter: parent.verticalCenter
                        x: 6
                        spacing: 8
                        Text { width: 200; text: row.name; textFormat: Text.PlainText; color: Theme.text; elide: Text.ElideMiddle; font.pixelSize: 12 }
                        Text {
                            width: 100
                            text: row.loaded ? Theme.statusSymbol(row.status) + " " + row.status.toLowerCase() : ""
                            textFormat: Text.PlainText
                            color: Theme.statusColor(row.status)
                            font.pixelSize: 12
                            font.bold: row.status === "FAILED"
                        }
                        Text { width: 140; text: row.stateMachine; textFormat: Text.PlainText; color: Theme.text; elide: Text.ElideRight; font.pixelSize: 12 }
                        Text { width: 160; text: row.start; textFormat: Text.PlainText; color: Theme.mutedText; font.pixelSize: 11 }
                        Text { width: 80; text: row.duration; textFormat: Text.PlainText; color: Theme.mutedText; font.pixelSize: 11 }
                        Text { width: 170; text: row.error; textFormat: Text.PlainText; color: Theme.statusColor("FAILED"); elide: Text.ElideRight; font.pixelSize: 12 }
                        Text { width: list.width - x - 20; text: row.rootCause; textFormat: Text.PlainText; color: Theme.text; elide: Text.ElideRight; font.pixelSize: 12 }
                    }
                    TapHandler {
                        onTapped: { list.currentIndex = row.index; list.forceActiveFocus() }
                        onDoubleTapped: { list.currentIndex = row.index; browser.openCurrent() }
                    }
                    TapHandler {
                        acceptedButtons: Qt.RightButton
                        onTapped: Clipboard.setText(browser.executions.rowText(row.index))
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0 && !browser.executions.loading
                width: Math.min(implicitWidth, parent.width - 40)
                wrapMode: Text.Wrap
                text: browser.executions.message !== "" ? browser.executions.message : "No archived execution matches."
                textFormat: Text.PlainText
                opacity: 0.7
            }
        }

        // What was opened from a rebuilt history: the archive keeps no events, say what is missing.
        Rectangle {
            objectName: "rebuiltNote"
            visible: browser.openedNote !== ""
            Layout.fillWidth: true
            implicitHeight: noteText.implicitHeight + 10
            color: Theme.statusTint("CAUGHT", 0.15)
            border.color: Theme.statusColor("CAUGHT")
            radius: 3
            Text {
                id: noteText
                anchors.fill: parent
                anchors.margins: 5
                text: "⚠ " + browser.openedNote
                textFormat: Text.PlainText
                color: Theme.text
                wrapMode: Text.Wrap
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "executionCount"
                text: browser.executions.total + (browser.executions.total === 1 ? " execution" : " executions")
                      + (browser.executions.loading ? " · reading…" : "")
                      + (browser.executions.message !== "" && list.count > 0 ? " · " + browser.executions.message : "")
                textFormat: Text.PlainText
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label { id: statusLine; textFormat: Text.PlainText; opacity: 0.8 }
            Button { text: "Open"; enabled: list.currentIndex >= 0; onClicked: browser.openCurrent() }
            Button { text: "Close"; onClicked: browser.close() }
        }
    }
}
