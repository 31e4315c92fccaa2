import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stepscope

// Events (filterable), Timeline and Diagnostics.
Pane {
    id: panel
    objectName: "bottomPanel"
    required property DocumentController controller
    readonly property bool filterHasFocus: textFilter.activeFocus
    property alias currentTab: tabs.currentIndex
    padding: 0

    function showTab(name) {
        for (let i = 0; i < tabs.count; ++i)
            if (tabs.itemAt(i).text.startsWith(name))
                tabs.currentIndex = i
    }

    Connections {
        target: panel.controller
        function onLoaded(reload) {
            if (!reload && panel.controller.errorCount > 0 && panel.controller.stateCount === 0)
                panel.showTab("Diagnostics")
            else if (!reload && panel.controller.hasExecution)
                panel.showTab("Events")
            else if (!reload && panel.controller.diagnosticCount > 0)
                panel.showTab("Diagnostics")
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            TabBar {
                id: tabs
                objectName: "bottomTabs"
                TabButton { text: "Events (" + panel.controller.events.count + ")"; width: implicitWidth }
                TabButton { text: "Timeline"; width: implicitWidth }
                TabButton { text: "Diagnostics (" + panel.controller.diagnosticCount + ")"; width: implicitWidth }
            }
            Item { Layout.fillWidth: true }
            ComboBox {
                id: categoryFilter
                objectName: "eventTypeFilter"
                visible: tabs.currentIndex === 0
                textRole: "text"
                valueRole: "value"
                implicitContentWidthPolicy: ComboBox.WidestText
                model: [
                    { text: "All types", value: "all" }, { text: "Failures", value: "failure" },
                    { text: "Tasks", value: "task" }, { text: "State transitions", value: "state" },
                    { text: "Map", value: "map" }, { text: "Parallel", value: "parallel" },
                    { text: "Execution", value: "execution" }, { text: "Other", value: "other" }
                ]
                onActivated: panel.controller.events.category = currentValue
            }
            PlainComboBox {
                id: stateFilter
                objectName: "eventStateFilter"
                visible: tabs.currentIndex === 0
                // Not WidestText: measuring every name of a 500-state workflow held the UI thread while it opened.
                Layout.preferredWidth: 200
                popup.width: Math.max(width, 360)
                model: ["All states"].concat(panel.controller.stateNames)
                onActivated: (i) => panel.controller.events.stateName = i === 0 ? "" : currentText
            }
            TextField {
                id: textFilter
                objectName: "eventTextFilter"
                visible: tabs.currentIndex === 0
                placeholderText: "Filter events…"
                Layout.preferredWidth: 200
                onTextChanged: filterTimer.restart()
                Timer { id: filterTimer; interval: 150; onTriggered: panel.controller.events.text = textFilter.text }
            }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex
            EventList {
                id: eventList
                objectName: "eventTable"
                controller: panel.controller
                events: panel.controller.events
            }
            // Made when its tab is first shown.
            Loader {
                active: tabs.currentIndex === 1 || item !== null
                sourceComponent: TimelineView {
                    controller: panel.controller
                }
            }
            ListView {
                id: diagnosticList
                objectName: "diagnosticList"
                clip: true
                model: panel.controller.diagnostics
                ScrollBar.vertical: ScrollBar {}
                delegate: Rectangle {
                    required property int index
                    required property string severity
                    required property string message
                    required property string pointer
                    required property int line
                    required property int column
                    width: diagnosticList.width
                    height: diagText.implicitHeight + 8
                    color: index % 2 ? Theme.groupFill : "transparent"
                    Text {
                        id: diagText
                        x: 6
                        width: parent.width - 12
                        anchors.verticalCenter: parent.verticalCenter
                        text: (line > 0 ? line + ":" + column + "  " : "") + (severity === "error" ? "✗ " : "⚠ ") + severity + ": " + message
                              + (pointer !== "" ? "  (" + pointer + ")" : "")
                        textFormat: Text.PlainText
                        color: severity === "error" ? Theme.statusColor("FAILED") : Theme.text
                        wrapMode: Text.Wrap
                    }
                    TapHandler { acceptedButtons: Qt.RightButton; onTapped: Clipboard.setText(diagText.text) }
                }
                Label {
                    anchors.centerIn: parent
                    visible: diagnosticList.count === 0
                    text: panel.controller.hasDocument ? "No problems found." : ""
                    opacity: 0.6
                }
            }
        }
    }
}
