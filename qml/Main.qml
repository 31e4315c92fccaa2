import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.settings
import Stepscope

ApplicationWindow {
    id: window
    objectName: "mainWindow"

    property string initialFile: ""
    property string initialHistory: ""
    property string screenshotFile: ""
    readonly property DocumentController controller: controller
    readonly property DiagramView diagramView: diagram
    // The execution archive: heat map, executions browser, import (archive*.h, canvasheat.h, executionlistmodel.h).
    readonly property ArchiveSession archiveSession: archiveSession
    readonly property HeatMap heatMap: heatMap
    readonly property ExecutionListModel executionList: executionList
    readonly property ArchiveImporter archiveImporter: archiveImporter
    property QtObject executionsWindow: null // made on first use (showExecutions)
    property QtObject importDialog: null // made on first use (importUrls)
    property bool firstLoadDone: false
    property bool showBusy: false

    width: 1400
    height: 900
    visible: true
    title: (controller.workflowName ? controller.workflowName + " — " : "") + "Stepscope"
    color: Theme.system.window

    DocumentController {
        id: controller
        onLoaded: (reload) => {
            if (!reload) {
                diagram.fit()
                // A failed execution opens on its failure: selected, centred, banner shown.
                if (controller.rootCauseState >= 0) {
                    diagram.centreOnState(controller.rootCauseState)
                    inspectorPanel.showTab(controller.inspector.error !== "" ? "Error" : "Input")
                }
            } else if (controller.selection.selectedState >= 0 && !diagram.isStateVisible(controller.selection.selectedState)) {
                diagram.centreOnState(controller.selection.selectedState)
            }
            if (!window.firstLoadDone) {
                window.firstLoadDone = true
                if (window.screenshotFile !== "")
                    WindowGrabber.saveAfterNextFrame(window, window.screenshotFile)
            }
        }
        onDiagramChanged: if (window.firstLoadDone && controller.selection.selectedState >= 0) Qt.callLater(() => diagram.centreOnState(controller.selection.selectedState))
    }

    ArchiveSession { id: archiveSession }
    HeatMap {
        id: heatMap
        controller: controller
        archive: archiveSession
    }
    ExecutionListModel { id: executionList }
    ArchiveImporter { id: archiveImporter; archive: archiveSession }

    Component.onCompleted: {
        if (initialFile !== "" || initialHistory !== "")
            controller.open(initialFile, initialHistory)
        else if (screenshotFile !== "")
            WindowGrabber.saveAfterNextFrame(window, screenshotFile)
    }

    Settings {
        category: "window"
        property alias width: window.width
        property alias height: window.height
        property var mainSplit
        property var sideSplit
        Component.onCompleted: {
            if (mainSplit) mainSplitView.restoreState(mainSplit)
            if (sideSplit) sideSplitView.restoreState(sideSplit)
        }
        Component.onDestruction: {
            mainSplit = mainSplitView.saveState()
            sideSplit = sideSplitView.saveState()
        }
    }

    function showFailure() {
        if (controller.rootCauseState < 0)
            return
        controller.selection.selectRootCause()
        diagram.centreOnState(controller.rootCauseState)
        inspectorPanel.showTab("Error")
    }

    // ---- actions and shortcuts
    Action { id: openAction; text: "&Open…"; shortcut: StandardKey.Open; onTriggered: window.openLazily("openDialog", "dialogs/OpenDialog.qml", {}, (dialog) => dialog.accepted.connect(() => controller.openUrls(dialog.selectedFiles))) }
    Action { id: reloadAction; text: "&Reload"; shortcut: "Ctrl+R"; enabled: controller.hasDocument; onTriggered: controller.reload() }
    Action { id: exportAction; text: "&Export diagram…"; shortcut: "Ctrl+E"; enabled: controller.hasDocument; onTriggered: window.openLazily("exportDialog", "dialogs/ExportDialog.qml", { controller: controller, heat: heatMap }) }
    Action { id: copyImageAction; text: "Copy &image"; shortcut: "Ctrl+Shift+C"; enabled: controller.hasDocument; onTriggered: copyImage() }
    Action { id: quitAction; text: "&Quit"; shortcut: StandardKey.Quit; onTriggered: Qt.quit() }
    Action { id: findAction; text: "&Find state…"; shortcut: StandardKey.Find; onTriggered: { searchField.forceActiveFocus(); searchField.selectAll() } }
    Action { id: failureAction; text: "Show &failure"; shortcut: "Ctrl+J"; enabled: controller.rootCauseState >= 0; onTriggered: window.showFailure() }
    Action { id: fitAction; text: "&Fit"; onTriggered: diagram.fit() }
    Action { id: zoomInAction; text: "Zoom &in"; shortcut: StandardKey.ZoomIn; onTriggered: diagram.zoomBy(1.25) }
    Action { id: zoomOutAction; text: "Zoom &out"; shortcut: StandardKey.ZoomOut; onTriggered: diagram.zoomBy(0.8) }
    Action { id: actualSizeAction; text: "&Actual size"; shortcut: "Ctrl+0"; onTriggered: diagram.actualSize() }
    Action { id: directionAction; text: "&Left to right"; checkable: true; checked: controller.leftToRight; shortcut: "Ctrl+L"; onTriggered: controller.leftToRight = checked }
    Action { id: importFilesAction; text: "&Import executions…"; enabled: !archiveImporter.running; onTriggered: window.openLazily("importFiles", "dialogs/OpenDialog.qml", {
        title: "Import execution histories into the archive",
        nameFilters: ["Histories and logs (*.json *.jsonl *.ndjson *.log)", "All files (*)"] },
        (dialog) => dialog.accepted.connect(() => window.importUrls(dialog.selectedFiles))) }
    Action { id: importFolderAction; text: "Import a &folder of executions…"; enabled: !archiveImporter.running; onTriggered: window.openLazily("importFolder", "dialogs/OpenFolderDialog.qml", {
        title: "Import every history in a folder" },
        (dialog) => dialog.accepted.connect(() => window.importUrls([dialog.selectedFolder]))) }
    Action { id: openArchiveAction; text: "Open &archive…"; onTriggered: window.openLazily("openArchive", "dialogs/OpenDialog.qml", {
        title: "Open an execution archive", fileMode: 0 /* FileDialog.OpenFile */,
        nameFilters: ["Stepscope archives (*.sqlite *.db)", "All files (*)"] },
        (dialog) => dialog.accepted.connect(() => archiveSession.setPathUrl(dialog.selectedFile))) }
    Action { id: defaultArchiveAction; text: "Use the &default archive"; enabled: archiveSession.path !== archiveSession.defaultPath; onTriggered: archiveSession.path = "" }
    Action { id: executionsAction; text: "E&xecutions…"; shortcut: "Ctrl+Shift+O"; onTriggered: window.showExecutions() }
    Action { id: heatAction; text: "&Heat map"; checkable: true; checked: heatMap.enabled; shortcut: "Ctrl+Shift+H"; onTriggered: heatMap.enabled = checked }
    ActionGroup { id: heatMeasureGroup }
    Action { id: heatFailuresAction; text: "Failure rate"; checkable: true; ActionGroup.group: heatMeasureGroup; checked: heatMap.measure === "failures"; onTriggered: { heatMap.measure = "failures"; heatMap.enabled = true } }
    Action { id: heatRunsAction; text: "Runs"; checkable: true; ActionGroup.group: heatMeasureGroup; checked: heatMap.measure === "runs"; onTriggered: { heatMap.measure = "runs"; heatMap.enabled = true } }
    Action { id: heatP95Action; text: "p95 duration"; checkable: true; ActionGroup.group: heatMeasureGroup; checked: heatMap.measure === "p95"; onTriggered: { heatMap.measure = "p95"; heatMap.enabled = true } }
    Action { id: aboutAction; text: "&About Stepscope"; onTriggered: aboutDialog.open() }
    Shortcut { sequence: "F"; context: Qt.WindowShortcut; enabled: !searchField.activeFocus && !eventsPanel.filterHasFocus; onActivated: diagram.fit() }
    Shortcut { sequences: ["+", "="]; enabled: !searchField.activeFocus && !eventsPanel.filterHasFocus; onActivated: diagram.zoomBy(1.25) }
    Shortcut { sequence: "-"; enabled: !searchField.activeFocus && !eventsPanel.filterHasFocus; onActivated: diagram.zoomBy(0.8) }

    function copyImage() {
        // Rendered from the diagram, not grabbed: the canvas only draws what is in view.
        Clipboard.setImage(controller.exporter.diagramImage())
    }

    menuBar: MenuBar {
        LazyMenu {
            objectName: "fileMenu"
            title: "&File"
            entries: MenuEntries {
                MenuItem { action: openAction }
                Menu {
                    id: recentMenu
                    title: "Open &recent"
                    enabled: controller.recent.files.length > 0
                    Instantiator {
                        // Made a few at a time between frames: a new document changes the list while it is shown.
                        asynchronous: true
                        model: controller.recent.files
                        delegate: MenuItem {
                            required property string modelData
                            text: modelData
                            onTriggered: controller.openFile(modelData)
                        }
                        onObjectAdded: (index, object) => recentMenu.insertItem(index, object)
                        onObjectRemoved: (index, object) => recentMenu.removeItem(object)
                    }
                    MenuSeparator {}
                    MenuItem { text: "Clear"; onTriggered: controller.recent.clear() }
                }
                MenuItem { action: reloadAction }
                MenuSeparator {}
                MenuItem { action: exportAction; objectName: "exportMenuItem" }
                MenuItem { action: copyImageAction }
                MenuSeparator {}
                MenuItem { action: importFilesAction; objectName: "importFilesMenuItem" }
                MenuItem { action: importFolderAction }
                MenuItem { action: executionsAction; objectName: "executionsMenuItem" }
                MenuItem { action: openArchiveAction }
                MenuItem { action: defaultArchiveAction }
                MenuSeparator {}
                MenuItem { action: quitAction }
            }
        }
        LazyMenu {
            objectName: "viewMenu"
            title: "&View"
            entries: MenuEntries {
                MenuItem { action: findAction }
                MenuItem { action: failureAction }
                MenuSeparator {}
                MenuItem { action: fitAction; text: "&Fit (F)" }
                MenuItem { action: zoomInAction }
                MenuItem { action: zoomOutAction }
                MenuItem { action: actualSizeAction }
                MenuItem { action: directionAction }
                MenuSeparator {}
                MenuItem { action: heatAction; objectName: "heatMenuItem" }
                Menu {
                    title: "Heat &measure"
                    MenuItem { action: heatFailuresAction }
                    MenuItem { action: heatRunsAction }
                    MenuItem { action: heatP95Action }
                }
            }
        }
        LazyMenu {
            title: "&Help"
            entries: MenuEntries {
                MenuItem { action: aboutAction }
            }
        }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: 6
            ToolButton { action: openAction; text: "Open" }
            ToolButton { action: exportAction; text: "Export" }
            ToolSeparator {}
            Label {
                objectName: "workflowTitle"
                text: controller.workflowName
                textFormat: Text.PlainText
                font.bold: true
            }
            Label {
                text: controller.hasDocument ? controller.formatName + " · " + controller.stateCount + " states"
                      + (controller.hasExecution ? " · " + controller.eventCount + " events · " + controller.executionStatus.toLowerCase() : "") : ""
                textFormat: Text.PlainText
                opacity: 0.7
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            TextField {
                id: searchField
                objectName: "searchField"
                placeholderText: "Search states… (Ctrl+F)"
                Layout.preferredWidth: 220
                onTextChanged: { controller.selection.searchText = text; diagram.searchIndex = -1 }
                onAccepted: diagram.showMatch(1)
                Keys.onEscapePressed: { text = ""; diagram.forceActiveFocus() }
            }
            Label {
                visible: searchField.text !== ""
                text: controller.selection.matchCount + (controller.selection.matchCount === 1 ? " match" : " matches")
                opacity: 0.7
            }
            ToolButton {
                objectName: "directionButton"
                text: controller.leftToRight ? "LR" : "TB"
                onClicked: controller.leftToRight = !controller.leftToRight
                ToolTip.text: "Switch between top-to-bottom and left-to-right (Ctrl+L)"
                ToolTip.visible: hovered
            }
            ToolButton { text: "Fit"; onClicked: diagram.fit(); ToolTip.text: "Fit the diagram (F)"; ToolTip.visible: hovered }
            // Shown only for loads that take a while: a spinner flashing for a short load costs software OpenGL a
            // frame per animation step while the document is being read.
            Timer {
                interval: 400
                running: controller.busy
                onTriggered: window.showBusy = controller.busy
            }
            Connections {
                target: controller
                function onBusyChanged() { if (!controller.busy) window.showBusy = false }
            }
            BusyIndicator {
                objectName: "busyIndicator"
                running: window.showBusy
                visible: running
                implicitHeight: 28
                implicitWidth: 28
            }
            Label {
                visible: window.showBusy
                text: controller.progressText
                textFormat: Text.PlainText
                opacity: 0.7
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        FailureBanner {
            id: banner
            Layout.fillWidth: true
            controller: controller
            onShowStep: window.showFailure()
        }

        SplitView {
            id: mainSplitView
            objectName: "mainSplit"
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Vertical

            SplitView {
                id: sideSplitView
                SplitView.fillHeight: true
                SplitView.minimumHeight: 200
                orientation: Qt.Horizontal

                DiagramView {
                    id: diagram
                    controller: controller
                    heat: heatMap
                    SplitView.fillWidth: true
                    SplitView.minimumWidth: 300
                }
                InspectorPanel {
                    id: inspectorPanel
                    controller: controller
                    SplitView.preferredWidth: 430
                    SplitView.minimumWidth: 240
                }
            }

            BottomPanel {
                id: eventsPanel
                controller: controller
                SplitView.preferredHeight: 250
                SplitView.minimumHeight: 80
            }
        }
    }

    DropArea {
        id: dropArea
        objectName: "dropArea"
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: (drop) => {
            if (drop.hasUrls) {
                controller.openUrls(drop.urls)
                drop.acceptProposedAction()
            }
        }
        Rectangle {
            anchors.fill: parent
            visible: dropArea.containsDrag
            color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.15)
            border.color: Theme.accent
            border.width: 3
            Label { anchors.centerIn: parent; text: "Drop a definition, a history, or both"; font.pixelSize: 20 }
        }
    }

    // Dialogs are made the first time they are opened: nothing of them (nor QtQuick.Dialogs) is loaded before the
    // first frame. Loaded by URL, so that compiling Main.qml does not pull their types in either.
    property var dialogs: ({})
    function madeLazily(key, file, properties, setUp) {
        let dialog = dialogs[key]
        if (!dialog) {
            const component = Qt.createComponent(Qt.resolvedUrl(file))
            if (component.status !== Component.Ready) {
                console.warn(component.errorString())
                return null
            }
            dialog = component.createObject(window, properties)
            if (setUp)
                setUp(dialog)
            dialogs[key] = dialog
        }
        return dialog
    }
    function openLazily(key, file, properties, setUp) {
        const dialog = madeLazily(key, file, properties, setUp)
        if (dialog)
            dialog.open()
    }

    // The executions browser and the import dialog are made on first use too (a second window at start-up cost the
    // first frame ~100 ms).
    function showExecutions() {
        executionList.archive = archiveSession // the first query runs when the browser is first shown
        const browser = madeLazily("executions", "archive/ExecutionsWindow.qml",
            { executions: executionList, controller: controller, transientParent: null }, made => executionsWindow = made)
        if (!browser)
            return
        browser.show()
        browser.raise()
        browser.requestActivate()
    }
    function importUrls(urls) {
        if (archiveImporter.start(urls))
            openLazily("import", "dialogs/ImportDialog.qml", { importer: archiveImporter }, made => importDialog = made)
    }

    Dialog {
        id: aboutDialog
        objectName: "aboutDialog"
        title: "About Stepscope"
        modal: false
        anchors.centerIn: parent
        standardButtons: Dialog.Close
        ColumnLayout {
            Label { text: "Stepscope " + Qt.application.version; font.bold: true; font.pixelSize: 16; objectName: "aboutVersion" }
            Label { text: "Workflow visualizer and execution inspector for AWS Step Functions." }
            Label { text: "Layout by Graphviz · built with Qt 6"; opacity: 0.7 }
        }
    }
}
