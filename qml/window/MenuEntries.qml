import QtQml

// The entries of a LazyMenu, in order: MenuItem, MenuSeparator and Menu objects.
QtObject {
    default property list<QtObject> entries
}
