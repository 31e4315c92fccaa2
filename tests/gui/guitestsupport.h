#pragma once

#include "startup/quicksetup.h"

#include <QCoreApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace Stepscope::Test {

/// The real main window (Main.qml from the Stepscope module) in a real window.
struct MainWindow {
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow* window = nullptr;

    [[nodiscard]] QObject* controller() const { return window->property("controller").value<QObject*>(); }
    /// The controller's companions: selection and search, recent files, export.
    [[nodiscard]] QObject* selection() const { return controller()->property("selection").value<QObject*>(); }
    [[nodiscard]] QObject* recent() const { return controller()->property("recent").value<QObject*>(); }
    [[nodiscard]] QObject* exporter() const { return controller()->property("exporter").value<QObject*>(); }
    /// An item by objectName anywhere in the visual tree (delegates and popups included: they are not always
    /// QObject children of the items they appear in).
    [[nodiscard]] QQuickItem* item(const char* objectName) const
    {
        return findItem(window->contentItem()->parentItem() ? window->contentItem()->parentItem()
                                                             : window->contentItem(),
            QString::fromLatin1(objectName));
    }
    [[nodiscard]] QObject* object(const char* objectName) const
    {
        if (QQuickItem* found = item(objectName))
            return found;
        return window->findChild<QObject*>(QString::fromLatin1(objectName));
    }
    static QQuickItem* findItem(QQuickItem* root, const QString& name)
    {
        if (!root)
            return nullptr;
        if (root->objectName() == name)
            return root;
        for (QQuickItem* child : root->childItems()) {
            if (QQuickItem* found = findItem(child, name))
                return found;
        }
        return nullptr;
    }
};

inline std::unique_ptr<MainWindow> openMainWindow(const QVariantMap& properties = {})
{
    prepareQuick(); // as the application does
    auto main = std::make_unique<MainWindow>();
    main->engine = std::make_unique<QQmlApplicationEngine>();
    main->engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    main->engine->setInitialProperties(properties);
    main->engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Stepscope/Main.qml")));
    if (main->engine->rootObjects().isEmpty())
        return nullptr;
    main->window = qobject_cast<QQuickWindow*>(main->engine->rootObjects().first());
    return main;
}

/// Waits until `window` has drawn a frame, so that what a user would see is laid out (views make and place their
/// delegates, and menus their entries, just before drawing).
[[nodiscard]] inline bool waitForFrame(QQuickWindow* window)
{
    QSignalSpy frames(window, &QQuickWindow::frameSwapped);
    window->requestUpdate();
    return QTest::qWaitFor([&] { return !frames.isEmpty(); }, 5000);
}

/// The item at `index` of a Qt Quick Controls container (a Menu, a TabBar), or nullptr.
[[nodiscard]] inline QQuickItem* itemAt(QObject* container, int index)
{
    QQuickItem* item = nullptr;
    QMetaObject::invokeMethod(container, "itemAt", Q_RETURN_ARG(QQuickItem*, item), Q_ARG(int, index));
    return item;
}

/// Pixels of `image` within `tolerance` (per channel) of `color`.
inline int countColor(const QImage& image, QColor color, int tolerance = 24)
{
    int n = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb p = line[x];
            if (std::abs(qRed(p) - color.red()) <= tolerance && std::abs(qGreen(p) - color.green()) <= tolerance
                && std::abs(qBlue(p) - color.blue()) <= tolerance)
                ++n;
        }
    }
    return n;
}

/// Number of distinct colours (quantised), to tell a drawn window from a blank one.
inline int distinctColors(const QImage& image)
{
    QSet<QRgb> colors;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 2)
            colors.insert(line[x] & 0xF0F0F0);
    }
    return static_cast<int>(colors.size());
}

} // namespace Stepscope::Test
