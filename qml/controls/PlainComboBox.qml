import QtQuick
import QtQuick.Controls

// A ComboBox of strings taken from users' files (state names, run labels): always plain text, never rich text.
ComboBox {
    id: combo

    contentItem: Text {
        leftPadding: 6
        rightPadding: combo.indicator ? combo.indicator.width + combo.spacing : 6
        text: combo.displayText
        textFormat: Text.PlainText
        font: combo.font
        color: combo.palette.buttonText
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    delegate: ItemDelegate {
        required property var modelData
        required property int index
        width: ListView.view ? ListView.view.width : implicitWidth
        highlighted: combo.highlightedIndex === index
        contentItem: Text {
            text: modelData
            textFormat: Text.PlainText
            font: combo.font
            color: combo.palette.text
            elide: Text.ElideRight
            verticalAlignment: Text.AlignVCenter
        }
    }
}
