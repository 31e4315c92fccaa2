import QtQuick
import QtQuick.Controls

// A tooltip that never interprets its text as HTML (names, errors and causes come from users' systems).
ToolTip {
    id: tip
    contentItem: Text {
        text: tip.text
        textFormat: Text.PlainText
        color: tip.palette.toolTipText
        wrapMode: Text.Wrap
    }
}
