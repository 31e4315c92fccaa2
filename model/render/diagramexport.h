#pragma once

#include "layout/diagram.h"
#include "theme.h"

#include <QByteArray>
#include <QImage>

namespace Stepscope {

enum class PdfPage { Fit, A4, Letter };

struct RenderOptions {
    Theme theme = Theme::light();
    qreal scale = 1; ///< PNG: pixels per point
    bool transparent = false; ///< PNG: no background
    PdfPage page = PdfPage::Fit;
    const StatusOverlay* overlay = nullptr;
    QString title; ///< the document title (SVG <title>, PDF title)
};

/// SVG with text kept as text; each state's name is also the <title> of its text.
[[nodiscard]] QByteArray renderSvg(const Diagram& diagram, const RenderOptions& options);
[[nodiscard]] QImage renderImage(const Diagram& diagram, const RenderOptions& options);
[[nodiscard]] bool writePdf(const Diagram& diagram, const QString& path, const RenderOptions& options, QString* error);

} // namespace Stepscope
