pragma Singleton
import QtQuick
import Stepscope

// Colours that follow the system palette (light or dark) and the status palette support staff know from the
// AWS console. Status is never told by colour alone: every status also has a symbol.
QtObject {
    id: theme

    readonly property SystemPalette system: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool dark: system.window.hslLightness < 0.5

    readonly property color canvas: dark ? "#1b1f24" : "#f7f8fa"
    readonly property color grid: dark ? "#262b31" : "#eceef1"
    readonly property color nodeFill: dark ? "#2a3038" : "#ffffff"
    readonly property color nodeBorder: dark ? "#6b7785" : "#8d99a6"
    readonly property color text: system.windowText
    readonly property color mutedText: dark ? "#a7b0ba" : "#5f6b7a"
    readonly property color edge: dark ? "#8b96a3" : "#7d8998"
    readonly property color catchEdge: dark ? "#ff9f43" : "#d45b07"
    readonly property color groupFill: dark ? "#222830" : "#eef1f5"
    readonly property color branchFill: dark ? "#1f242b" : "#f9fafb"
    readonly property color accent: dark ? "#4ea1ff" : "#0972d3"
    readonly property color searchMatch: dark ? "#ffd84d" : "#f2b705"
    readonly property color bannerFill: dark ? "#4a1d1d" : "#fde8e8"
    readonly property color bannerBorder: dark ? "#d94c4c" : "#d13212"

    /// The status palette shared with the exports (render/statuspalette.h).
    function statusColor(status) {
        return statusKeys.indexOf(status) >= 0 ? StatusColors.color(status, dark) : nodeBorder
    }
    function statusFill(status) {
        if (status === "" || status === undefined)
            return nodeFill
        const c = Qt.lighter(statusColor(status), 1.0) // a color value, not the "#rrggbb" string
        const a = status === "NOT_RUN" ? 0.0 : (dark ? 0.28 : 0.16)
        return Qt.rgba(nodeFill.r * (1 - a) + c.r * a, nodeFill.g * (1 - a) + c.g * a, nodeFill.b * (1 - a) + c.b * a, 1)
    }
    /// The status colour with an alpha, for backgrounds.
    function statusTint(status, alpha) {
        const c = Qt.lighter(statusColor(status), 1.0)
        return Qt.rgba(c.r, c.g, c.b, alpha)
    }
    function statusSymbol(status) {
        switch (status) {
        case "SUCCEEDED": return "✓"
        case "FAILED": return "✗"
        case "CAUGHT": return "⚠"
        case "RETRIED": return "↻"
        case "RUNNING": return "▶"
        case "ABORTED": return "■"
        case "TIMED_OUT": return "⌛"
        case "NOT_RUN": return "○"
        }
        return ""
    }
    readonly property var statusKeys: ["SUCCEEDED", "FAILED", "CAUGHT", "RETRIED", "RUNNING", "ABORTED", "TIMED_OUT", "NOT_RUN"]
    /// Status key to border colour and to fill colour, for the canvas' batched node layer.
    readonly property var statusColors: statusKeys.reduce((map, key) => { map[key] = statusColor(key); return map }, {})
    readonly property var statusFills: statusKeys.reduce((map, key) => { map[key] = statusFill(key); return map }, {})
    readonly property var legend: [
        { status: "SUCCEEDED", name: "succeeded" }, { status: "FAILED", name: "failed" },
        { status: "CAUGHT", name: "caught" }, { status: "RETRIED", name: "retried" },
        { status: "RUNNING", name: "running" }, { status: "ABORTED", name: "aborted" },
        { status: "TIMED_OUT", name: "timed out" }, { status: "NOT_RUN", name: "not run" }
    ]
    function categoryColor(category) {
        switch (category) {
        case "failure": return statusColor("FAILED")
        case "execution": return accent
        case "task": return dark ? "#c792ea" : "#7d3cb5"
        case "map": return dark ? "#5ccfe6" : "#00798c"
        case "parallel": return dark ? "#5ccfe6" : "#00798c"
        case "state": return mutedText
        }
        return text
    }
}
