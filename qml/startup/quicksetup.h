#pragma once

namespace Stepscope {

/// What every Stepscope window needs before the first one is made: the Fusion style, a scene graph that draws
/// without depth or stencil buffers, and panel text on whole pixels. The application, its benchmark and its GUI
/// tests all call this, so that they show the same thing. Call after QGuiApplication exists and before any QML is
/// loaded; calling again does nothing.
void prepareQuick();

} // namespace Stepscope
