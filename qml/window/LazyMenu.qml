import QtQuick
import QtQuick.Controls

// A menu whose entries are made when it first opens. The menu bar's thirty entries (each a Fusion item with a check
// indicator and a dozen bindings) were the largest single part of building the window. Their shortcuts belong to
// the Actions, which exist from the start, so they work before any menu has been opened.
Menu {
    id: menu
    /// Makes the entries: a MenuEntries holding the items, separators and submenus in order.
    required property Component entries
    property MenuEntries made: null

    onAboutToShow: {
        if (made)
            return
        made = entries.createObject(menu)
        for (let i = 0; i < made.entries.length; ++i) { // (a QML list is not iterable in Qt 6.4)
            const entry = made.entries[i]
            if (entry instanceof Menu)
                addMenu(entry)
            else
                addItem(entry)
        }
    }
}
