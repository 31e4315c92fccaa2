#include "diagramfonts.h"

#include <QFontMetricsF>
#include <QGuiApplication>

namespace Stepscope {

namespace {
bool haveFontDatabase()
{
    return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr;
}

// Layout and painting measure the same texts several times (sizing, eliding, centring), and each measurement shapes
// the text again: widths are remembered per thread (layouts run on worker threads) and per font.
struct WidthKey {
    QString text;
    QString family;
    int pixelSize;
    int weight;
    friend bool operator==(const WidthKey&, const WidthKey&) = default;
    friend size_t qHash(const WidthKey& key, size_t seed = 0)
    {
        return qHashMulti(seed, key.text, key.family, key.pixelSize, key.weight);
    }
};

qreal measuredWidth(const QString& text, const QFont& font)
{
    thread_local QHash<WidthKey, qreal> widths;
    constexpr qsizetype MaxRemembered = 50000;
    WidthKey key { text, font.family(), font.pixelSize(), font.weight() };
    if (const auto it = widths.constFind(key); it != widths.constEnd())
        return it.value();
    if (widths.size() >= MaxRemembered)
        widths.clear();
    const qreal width = QFontMetricsF(font).horizontalAdvance(text);
    widths.insert(std::move(key), width);
    return width;
}

QFont diagramFont(int pixelSize)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(pixelSize); // diagram units are points: pixel-sized fonts scale with the painter
    font.setStyleHint(QFont::SansSerif);
    // Said explicitly so that painting does not take the application font's hinting (the desktop application asks
    // for full hinting for its panels): exports look the same from the command line and from the window.
    font.setHintingPreference(QFont::PreferDefaultHinting);
    return font;
}
} // namespace

QFont DiagramFonts::nameFont()
{
    return diagramFont(12);
}

QFont DiagramFonts::smallFont()
{
    return diagramFont(10);
}

void DiagramFonts::load()
{
    if (!haveFontDatabase())
        return;
    for (const QFont& font : { nameFont(), smallFont() })
        (void)QFontMetricsF(font).horizontalAdvance(QStringLiteral("Stepscope"));
}

qreal DiagramFonts::textWidth(const QString& text, const QFont& font)
{
    if (haveFontDatabase())
        return measuredWidth(text, font);
    return text.size() * font.pixelSize() * 0.62; // DejaVu Sans average advance
}

qreal DiagramFonts::lineHeight(const QFont& font)
{
    if (haveFontDatabase())
        return QFontMetricsF(font).height();
    return font.pixelSize() * 1.17;
}

QString DiagramFonts::printable(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QChar(0xfffd);
    }
    return out;
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
