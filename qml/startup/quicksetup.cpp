#include "startup/quicksetup.h"

#include <QFont>
#include <QGuiApplication>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSurfaceFormat>

namespace Stepscope {

void prepareQuick()
{
    static bool prepared = false;
    if (prepared)
        return;
    prepared = true;
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    // Qt Quick's 2D renderer draws opaque items front to back against a depth buffer, and every frame clears that
    // buffer (and the stencil buffer beside it) over the whole window: under software OpenGL (llvmpipe, what
    // remote desktops and CI machines have) those clears took over a quarter of the rasteriser's time and held
    // panning under 60 frames per second. Without them everything is drawn back to front; the picture is the same. Both go
    // together: a renderer that depth-tests without a depth buffer draws items behind over items in front.
    // (Nothing here needs stencil clipping: every clip is an axis-aligned rectangle, done by scissor.)
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setDepthBufferSize(0);
    format.setStencilBufferSize(0);
    QSurfaceFormat::setDefaultFormat(format);
    qputenv("QSG_NO_DEPTH_BUFFER", "1"); // read once, when the first window's graphics configuration is made
    // Panels, tables and menus show text at its own size: hinted glyphs from the platform's rasteriser read like the
    // rest of the desktop and are cheaper to draw than distance fields (64 -> 70 fps panning under llvmpipe). The
    // diagram's texts, which zoom with it, ask for Text.QtRendering themselves.
    QQuickWindow::setTextRenderType(QQuickWindow::NativeTextRendering);
    // Those glyphs are rasterised on the render thread while the first frame is prepared, which holds the UI thread
    // too. With the light hinting most desktops configure, FreeType's engine places glyphs at quarter pixels and
    // rasterises each glyph once per position used; full hinting keeps glyphs on whole pixels (crisp, as on Windows)
    // and rasterises each once: the first frame of the demo was prepared in 35 ms instead of 75. Diagram texts draw
    // outlines at design metrics and exports use DiagramFonts, which ask for the system's hinting themselves.
    QFont font = QGuiApplication::font();
    font.setHintingPreference(QFont::PreferFullHinting);
    QGuiApplication::setFont(font);
}

} // namespace Stepscope
