#include "diagramfonts.h"

#include <QFontMetricsF>
#include <QGuiApplication>

namespace Stepscope {

namespace {
bool haveFontDatabase()
{
    return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr;
}
} // namespace

QFont DiagramFonts::nameFont()
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(12); // diagram units are points: pixel-sized fonts scale with the painter
    font.setStyleHint(QFont::SansSerif);
    return font;
}

QFont DiagramFonts::smallFont()
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(10);
    font.setStyleHint(QFont::SansSerif);
    return font;
}

qreal DiagramFonts::textWidth(const QString& text, const QFont& font)
{
    if (haveFontDatabase())
        return QFontMetricsF(font).horizontalAdvance(text);
    return text.size() * font.pixelSize() * 0.62; // DejaVu Sans average advance
}

qreal DiagramFonts::lineHeight(const QFont& font)
{
    if (haveFontDatabase())
        return QFontMetricsF(font).height();
    return font.pixelSize() * 1.17;
}

QString DiagramFonts::elide(const QString& text, const QFont& font, qreal maxWidth)
{
    if (textWidth(text, font) <= maxWidth)
        return text;
    if (haveFontDatabase())
        return QFontMetricsF(font).elidedText(text, Qt::ElideRight, maxWidth);
    const qsizetype keep = qMax<qsizetype>(1, qsizetype(maxWidth / (font.pixelSize() * 0.62)) - 1);
    return text.left(keep) + QChar(0x2026);
}

} // namespace Stepscope
