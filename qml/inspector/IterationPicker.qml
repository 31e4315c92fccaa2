import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stepscope

// Map iterations: All / Failed / Aborted, then one iteration; the canvas repaints the inner graph for it.
RowLayout {
    id: picker
    objectName: "iterationPicker"
    required property DocumentController controller
    property int mapState: -1
    property var items: []
    visible: mapState >= 0 && controller.hasExecution

    function refresh() {
        items = mapState >= 0 ? controller.selection.iterations(mapState, filter.currentValue) : []
    }
    onMapStateChanged: refresh()
    Connections { target: picker.controller; function onLoaded() { picker.refresh() } }

    Label { text: "Iterations" }
    ComboBox {
        id: filter
        objectName: "iterationFilter"
        textRole: "text"
        valueRole: "value"
        model: [{ text: "All", value: "all" }, { text: "Failed", value: "failed" }, { text: "Aborted", value: "aborted" }]
        onActivated: picker.refresh()
        Component.onCompleted: picker.refresh()
    }
    ComboBox {
        id: iteration
        objectName: "iterationCombo"
        Layout.fillWidth: true
        model: [{ label: "Every iteration", index: -1 }].concat(picker.items)
        textRole: "label"
        valueRole: "index"
        currentIndex: {
            if (picker.controller.selection.iterationMap !== picker.mapState)
                return 0
            for (let i = 0; i < model.length; ++i)
                if (model[i].index === picker.controller.selection.iteration)
                    return i
            return 0
        }
        onActivated: picker.controller.selection.showIteration(picker.mapState, currentValue)
    }
}
