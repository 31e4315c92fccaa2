#pragma once

#include <QFont>
#include <QString>

namespace Stepscope {

/// The fonts a diagram is measured and drawn with. Fixed family and sizes so layout is deterministic.
struct DiagramFonts {
    [[nodiscard]] static QFont nameFont(); ///< state names
    [[nodiscard]] static QFont smallFont(); ///< type line, badges, edge and container labels
    /// Finds and opens the font files the first measurement would (the font database, the face, its glyph tables:
    /// a few milliseconds), so a caller can do that while other work runs. No effect without a QGuiApplication.
    static void load();
    /// Width in points of `text` in `font`; estimated when no QGuiApplication exists (no font database).
    [[nodiscard]] static qreal textWidth(const QString& text, const QFont& font);
    [[nodiscard]] static qreal lineHeight(const QFont& font);
    /// `text` with control characters replaced (they are not allowed in SVG text and draw as boxes anyway).
    [[nodiscard]] static QString printable(const QString& text);
    /// `text` shortened with "…" to at most `maxWidth` points.
    [[nodiscard]] static QString elide(const QString& text, const QFont& font, qreal maxWidth);
};

} // namespace Stepscope
