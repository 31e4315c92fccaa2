import QtQuick
import QtQuick.Controls
import Stepscope

// The workflow canvas: containers as light delegates, every edge in one batched EdgeLayer, every state box in one
// batched NodeLayer, text items only for the states in view (and none when names would be too small to read);
// clicks and hovering are hit-tested once here. Zoom (wheel, pinch, keys), pan (drag), fit, 1:1, a minimap and a
// legend. Panning and zooming only move and scale `world`.
Rectangle {
    id: view
    objectName: "diagramView"
    required property DocumentController controller
    property HeatMap heat: null // View › Heat map: archive statistics over the states
    property real zoom: 1
    readonly property real minZoom: 0.05
    readonly property real maxZoom: 4
    readonly property Item world: world
    property int searchIndex: 0
    /// Below this zoom names are under 3 px high: no text items are made, the boxes alone are drawn.
    readonly property real labelZoom: 0.25
    readonly property NodeViewportModel visibleNodes: visibleNodes
    /// The visible part of the diagram, in diagram coordinates.
    readonly property rect viewport: Qt.rect(-world.x / zoom, -world.y / zoom, width / zoom, height / zoom)
    property int hoveredRow: -1
    color: Theme.canvas
    clip: true
    focus: true
    activeFocusOnTab: true

    function clampZoom(z) { return Math.max(minZoom, Math.min(maxZoom, z)) }
    function zoomAt(factor, px, py) {
        const z = clampZoom(zoom * factor)
        const wx = (px - world.x) / zoom, wy = (py - world.y) / zoom
        zoom = z
        world.x = px - wx * z
        world.y = py - wy * z
    }
    function zoomBy(factor) { zoomAt(factor, width / 2, height / 2) }
    function fit() {
        const w = controller.diagramWidth, h = controller.diagramHeight
        if (w <= 0 || h <= 0 || width <= 0 || height <= 0)
            return
        zoom = clampZoom(Math.min(1.5, Math.min((width - 40) / w, (height - 40) / h)))
        world.x = (width - w * zoom) / 2
        world.y = (height - h * zoom) / 2
    }
    function actualSize() { zoomAt(1 / zoom, width / 2, height / 2) }
    function centreOn(rect) {
        if (!rect || rect.width <= 0)
            return
        // Readable first: never centre a state at a zoom where its name cannot be read.
        if (zoom < 0.6)
            zoom = Math.min(0.8, clampZoom(Math.min(width / (rect.width * 3), height / (rect.height * 4))))
        world.x = width / 2 - (rect.x + rect.width / 2) * zoom
        world.y = height / 2 - (rect.y + rect.height / 2) * zoom
    }
    function centreOnState(state) { centreOn(controller.stateBox(state)) }
    function showMatch(step) {
        if (controller.selection.matchCount === 0)
            return
        searchIndex += step
        const state = controller.selection.matchState(searchIndex)
        controller.selection.selectState(state)
        centreOnState(state)
    }
    /// Is the state's box entirely inside the visible area?
    function isStateVisible(state) {
        const r = controller.stateBox(state)
        if (r.width <= 0)
            return false
        const x = world.x + r.x * zoom, y = world.y + r.y * zoom
        return x >= 0 && y >= 0 && x + r.width * zoom <= width && y + r.height * zoom <= height
    }

    // Resizing (panels, the banner appearing) keeps what is in the middle in the middle.
    property real lastWidth: width
    property real lastHeight: height
    onWidthChanged: { world.x += (width - lastWidth) / 2; lastWidth = width }
    onHeightChanged: { world.y += (height - lastHeight) / 2; lastHeight = height }

    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Plus || event.key === Qt.Key_Equal) { zoomBy(1.25); event.accepted = true }
        else if (event.key === Qt.Key_Minus) { zoomBy(0.8); event.accepted = true }
        else if (event.key === Qt.Key_F && event.modifiers === Qt.NoModifier) { fit(); event.accepted = true }
        else if (event.key === Qt.Key_1 && event.modifiers === Qt.NoModifier) { actualSize(); event.accepted = true }
        else if (event.key === Qt.Key_Left) { world.x += 60; event.accepted = true }
        else if (event.key === Qt.Key_Right) { world.x -= 60; event.accepted = true }
        else if (event.key === Qt.Key_Up) { world.y += 60; event.accepted = true }
        else if (event.key === Qt.Key_Down) { world.y -= 60; event.accepted = true }
    }

    // Background: pan by dragging, zoom with the wheel, click to clear the selection.
    MouseArea {
        id: panArea
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.MiddleButton
        property real lastX
        property real lastY
        property bool moved
        hoverEnabled: true
        cursorShape: pressed ? Qt.ClosedHandCursor : Qt.ArrowCursor
        function rowAt(x, y) { return view.controller.nodes.rowAt((x - world.x) / view.zoom, (y - world.y) / view.zoom) }
        onPressed: (mouse) => { lastX = mouse.x; lastY = mouse.y; moved = false; view.hoveredRow = -1; view.forceActiveFocus() }
        onPositionChanged: (mouse) => {
            if (!pressed) {
                view.hoveredRow = rowAt(mouse.x, mouse.y)
                return
            }
            world.x += mouse.x - lastX
            world.y += mouse.y - lastY
            moved = moved || Math.abs(mouse.x - lastX) + Math.abs(mouse.y - lastY) > 2
            lastX = mouse.x
            lastY = mouse.y
        }
        onExited: view.hoveredRow = -1
        // A click on a state selects it; on the mark in a Parallel / Map node's corner, collapses or expands it.
        onClicked: (mouse) => {
            if (moved || mouse.button !== Qt.LeftButton)
                return
            const nodes = view.controller.nodes
            const row = rowAt(mouse.x, mouse.y)
            if (row < 0)
                return
            const wx = (mouse.x - world.x) / view.zoom, wy = (mouse.y - world.y) / view.zoom
            if (nodes.isCollapseHit(row, wx, wy))
                view.controller.toggleCollapsed(nodes.stateOfRow(row))
            else
                view.controller.selection.selectState(nodes.stateOfRow(row))
        }
        onDoubleClicked: (mouse) => {
            const nodes = view.controller.nodes
            const row = rowAt(mouse.x, mouse.y)
            const wx = (mouse.x - world.x) / view.zoom, wy = (mouse.y - world.y) / view.zoom
            if (row >= 0 && nodes.isCollapsibleRow(row) && !nodes.isCollapseHit(row, wx, wy))
                view.controller.toggleCollapsed(nodes.stateOfRow(row))
        }
        onWheel: (wheel) => {
            view.hoveredRow = -1
            view.zoomAt(Math.pow(1.0015, wheel.angleDelta.y), wheel.x, wheel.y)
        }
    }
    PinchHandler {
        target: null
        property real startZoom: 1
        onActiveChanged: if (active) startZoom = view.zoom
        onActiveScaleChanged: view.zoomAt(view.clampZoom(startZoom * activeScale) / view.zoom,
                                          centroid.position.x, centroid.position.y)
    }

    Item {
        id: world
        objectName: "diagramWorld"
        width: view.controller.diagramWidth
        height: view.controller.diagramHeight
        transformOrigin: Item.TopLeft
        scale: view.zoom

        Repeater {
            model: view.controller.containers
            delegate: Rectangle {
                required property string kind
                required property string label
                required property rect box
                required property rect labelBox
                required property int depth
                x: box.x
                y: box.y
                width: box.width
                height: box.height
                radius: kind === "group" ? 8 : 6
                color: kind === "group" ? Theme.groupFill : Theme.branchFill
                border.color: Theme.nodeBorder
                border.width: 1
                Text {
                    renderType: Text.QtRendering // scaled with the world: outlines, not bitmaps
                    visible: parent.kind === "branch"
                    x: labelBox.x - box.x
                    y: labelBox.y - box.y
                    width: Math.max(labelBox.width, 40)
                    text: label
                    textFormat: Text.PlainText
                    color: Theme.mutedText
                    font.pixelSize: 11
                    font.italic: true
                    elide: Text.ElideRight
                }
            }
        }

        EdgeLayer {
            id: edges
            objectName: "edgeLayer"
            anchors.fill: parent
            nodes: view.controller.nodes
            viewport: view.viewport
            color: Theme.edge
            catchColor: Theme.catchEdge
        }

        NodeLayer {
            id: nodeLayer
            objectName: "nodeLayer"
            anchors.fill: parent
            nodes: view.controller.nodes
            selectedState: view.controller.selection.selectedState
            zoom: view.zoom
            viewport: view.viewport
            nodeFill: Theme.nodeFill
            nodeBorder: Theme.nodeBorder
            selectionColor: Theme.accent
            matchColor: Theme.searchMatch
            statusColors: Theme.statusColors
            statusFills: Theme.statusFills
        }

        Repeater {
            id: nodeRepeater
            model: visibleNodes
            delegate: StateNode {
                controller: view.controller
                heatLabel: view.heat && view.heat.active && view.heat.revision >= 0 ? view.heat.labelFor(stateId) : ""
            }
        }

        HeatLayer {
            anchors.fill: parent
            heat: view.heat
        }
    }

    HeatLegend {
        heat: view.heat
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.leftMargin: 8
        anchors.topMargin: 32
    }

    NodeViewportModel {
        id: visibleNodes
        nodes: view.controller.nodes
        active: view.zoom >= view.labelZoom
        viewport: view.viewport
    }

    // One tooltip for the whole canvas, over the state under the mouse (plain text: names come from users' files).
    Item {
        id: hoverBox
        readonly property rect box: view.hoveredRow >= 0 ? view.controller.nodes.boxOfRow(view.hoveredRow) : Qt.rect(0, 0, 0, 0)
        x: world.x + box.x * view.zoom
        y: world.y + box.y * view.zoom
        width: box.width * view.zoom
        height: box.height * view.zoom
        Loader {
            objectName: "nodeToolTip"
            anchors.fill: parent
            active: view.hoveredRow >= 0
            sourceComponent: PlainToolTip {
                visible: true
                delay: 400
                text: {
                    const row = view.hoveredRow
                    const heat = view.heat && view.heat.active && view.heat.revision >= 0
                               ? view.heat.labelFor(view.controller.nodes.stateIdOfRow(row)) : ""
                    return view.controller.nodes.toolTip(row) + (heat !== "" ? "\narchive: " + heat : "")
                }
            }
        }
    }

    // Legend: colour and symbol together.
    Rectangle {
        id: legend
        objectName: "legend"
        visible: view.controller.hasExecution
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: 8
        width: legendRow.implicitWidth + 16
        height: legendRow.implicitHeight + 10
        radius: 4
        color: Qt.rgba(Theme.nodeFill.r, Theme.nodeFill.g, Theme.nodeFill.b, 0.92)
        border.color: Theme.nodeBorder
        Row {
            id: legendRow
            anchors.centerIn: parent
            spacing: 10
            Repeater {
                model: Theme.legend
                delegate: Row {
                    required property var modelData
                    spacing: 3
                    Text {
                        text: Theme.statusSymbol(modelData.status)
                        color: Theme.statusColor(modelData.status)
                        font.bold: true
                    }
                    Text { text: modelData.name; color: Theme.text; font.pixelSize: 11; anchors.verticalCenter: parent.verticalCenter }
                }
            }
        }
    }

    // Minimap: the whole diagram and the visible part; click or drag to move there.
    Rectangle {
        id: minimap
        objectName: "minimap"
        visible: view.controller.diagramWidth > 0
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 8
        readonly property real mapScale: Math.min(180 / Math.max(1, view.controller.diagramWidth),
                                                  140 / Math.max(1, view.controller.diagramHeight))
        width: view.controller.diagramWidth * mapScale + 8
        height: view.controller.diagramHeight * mapScale + 8
        color: Qt.rgba(Theme.canvas.r, Theme.canvas.g, Theme.canvas.b, 0.92)
        border.color: Theme.nodeBorder
        // Painted from the diagram (the canvas itself only draws the tiles in view), once per change, not per frame.
        MinimapItem {
            id: mapPicture
            objectName: "minimapPicture"
            x: 4
            y: 4
            width: parent.width - 8
            height: parent.height - 8
            nodeLayer: nodeLayer
            edgeColor: Theme.edge
            containerColor: Theme.nodeBorder
        }
        Rectangle {
            x: 4 + Math.max(0, -world.x / view.zoom * minimap.mapScale)
            y: 4 + Math.max(0, -world.y / view.zoom * minimap.mapScale)
            width: Math.min(minimap.width - 8 - (x - 4), view.width / view.zoom * minimap.mapScale)
            height: Math.min(minimap.height - 8 - (y - 4), view.height / view.zoom * minimap.mapScale)
            color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.12)
            border.color: Theme.accent
        }
        MouseArea {
            anchors.fill: parent
            function moveTo(mx, my) {
                view.centreOn(Qt.rect((mx - 4) / minimap.mapScale, (my - 4) / minimap.mapScale, 1, 1))
            }
            onPressed: (mouse) => moveTo(mouse.x, mouse.y)
            onPositionChanged: (mouse) => moveTo(mouse.x, mouse.y)
        }
    }

    Column {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 8
        spacing: 4
        RoundButton { text: "+"; onClicked: view.zoomBy(1.25); ToolTip.text: "Zoom in (+)"; ToolTip.visible: hovered }
        RoundButton { text: "−"; onClicked: view.zoomBy(0.8); ToolTip.text: "Zoom out (−)"; ToolTip.visible: hovered }
        RoundButton { text: "⤢"; onClicked: view.fit(); ToolTip.text: "Fit (F)"; ToolTip.visible: hovered }
        RoundButton { text: "1:1"; font.pixelSize: 10; onClicked: view.actualSize(); ToolTip.text: "Actual size (1)"; ToolTip.visible: hovered }
    }
    Label {
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.margins: 8
        text: Math.round(view.zoom * 100) + " %"
        opacity: 0.6
    }
}
