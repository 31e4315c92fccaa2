#include "diagramexport.h"

#include "diagramrenderer.h"
#include "layout/diagramfonts.h"

#include <QBuffer>
#include <QHash>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>

namespace Stepscope {

namespace {

constexpr char DocumentTitlePlaceholder[] = "stepscope-document-title";

// Text for XML character data: escaped, and without the control characters XML 1.0 forbids.
QByteArray xmlText(const QString& text)
{
    QString clean = text;
    for (QChar& c : clean) {
        if (c.unicode() < 0x20 && c != u'\t' && c != u'\n')
            c = QChar(0xfffd);
    }
    return clean.toHtmlEscaped().toUtf8();
}

QString unescapeXml(QByteArrayView text)
{
    QString out = QString::fromUtf8(text);
    if (!out.contains(u'&'))
        return out;
    out.replace(QLatin1String("&lt;"), QLatin1String("<"));
    out.replace(QLatin1String("&gt;"), QLatin1String(">"));
    out.replace(QLatin1String("&quot;"), QLatin1String("\""));
    out.replace(QLatin1String("&apos;"), QLatin1String("'"));
    out.replace(QLatin1String("&#39;"), QLatin1String("'"));
    out.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return out;
}

// QSvgGenerator has no per-element titles: each state's name text goes into a group whose <title> is the full name
// (a tooltip in browsers; a sibling rather than a child of <text>, which some renderers, Qt's own among them, draw
// as part of the text). One pass over the generator's output: a full XML parse and rewrite cost as much as the
// painting itself.
QByteArray addTitles(const QByteArray& svg, const Diagram& diagram, const QString& documentTitle)
{
    // Names are painted in node order; several names may elide to the same label, so keep a queue per label.
    QHash<QString, QList<QByteArray>> titlesOf;
    for (const DiagramNode& node : diagram.nodes)
        titlesOf[node.ghostOf >= 0 ? QStringLiteral("↪ ") + node.label : node.label].append(xmlText(node.name));
    const QByteArray nameFontSize = "font-size=\"" + QByteArray::number(DiagramFonts::nameFont().pixelSize()) + '"';
    QByteArray out;
    out.reserve(svg.size() + diagram.nodes.size() * 56 + 64);
    qsizetype pos = 0;
    // The generator's document title is our placeholder: put the real one in its place.
    const QByteArray placeholder = "<title>" + QByteArray(DocumentTitlePlaceholder) + "</title>";
    if (const qsizetype at = svg.indexOf(placeholder); at >= 0) {
        out.append(svg.constData(), at);
        out.append("<title>" + xmlText(documentTitle) + "</title>");
        pos = at + placeholder.size();
    }
    const QByteArray closeText = "</text>";
    for (;;) {
        const qsizetype start = svg.indexOf("<text ", pos);
        const qsizetype tagEnd = start < 0 ? -1 : svg.indexOf('>', start);
        const qsizetype close = tagEnd < 0 ? -1 : svg.indexOf(closeText, tagEnd);
        if (close < 0) {
            out.append(svg.constData() + pos, svg.size() - pos);
            break;
        }
        const qsizetype end = close + closeText.size();
        const QString text = unescapeXml(QByteArrayView(svg.constData() + tagEnd + 1, close - tagEnd - 1));
        // State names use the name font; ghosts are marked with an arrow. Other texts are not names.
        const bool nameText = QByteArrayView(svg.constData() + start, tagEnd - start).contains(nameFontSize)
            || text.startsWith(QStringLiteral("↪ "));
        const auto it = nameText ? titlesOf.find(text) : titlesOf.end();
        if (it != titlesOf.end() && !it->isEmpty()) {
            out.append(svg.constData() + pos, start - pos);
            out.append("<g><title>" + it->takeFirst() + "</title>");
            out.append(svg.constData() + start, end - start);
            out.append("</g>");
        } else {
            out.append(svg.constData() + pos, end - pos);
        }
        pos = end;
    }
    return out;
}

// A rectangle's geometry to a tenth of a point: QSvgGenerator writes six significant digits, so the rectangle read
// back from its <rect> element and the one painted agree at that precision (diagrams stay far below 100,000 points;
// a rectangle that did not match would only keep square corners).
struct RectKey {
    qint64 x = 0, y = 0, width = 0, height = 0;
    RectKey(double x, double y, double width, double height)
        : x(std::llround(x * 10))
        , y(std::llround(y * 10))
        , width(std::llround(width * 10))
        , height(std::llround(height * 10))
    {
    }
    explicit RectKey(const QRectF& rect)
        : RectKey(rect.x(), rect.y(), rect.width(), rect.height())
    {
    }
    friend bool operator==(const RectKey&, const RectKey&) = default;
    friend size_t qHash(const RectKey& key, size_t seed = 0) { return qHashMulti(seed, key.x, key.y, key.width, key.height); }
};

// The number in `name="..."` inside [from, to) of `svg`; nullopt when absent or not a number.
std::optional<double> attributeNumber(const QByteArray& svg, qsizetype from, qsizetype to, const char* name)
{
    const qsizetype at = svg.indexOf(name, from);
    if (at < 0 || at >= to)
        return std::nullopt;
    const char* first = svg.constData() + at + std::strlen(name);
    double value = 0;
    const auto [end, error] = std::from_chars(first, svg.constData() + to, value);
    if (error != std::errc() || end == first || *end != '"')
        return std::nullopt;
    return value;
}

// Gives the rectangles DiagramRenderer painted plain in place of rounded ones their corner radius back.
QByteArray roundRects(const QByteArray& svg, const QList<DiagramRenderer::PlainRoundedRect>& rounded)
{
    if (rounded.isEmpty())
        return svg;
    QHash<RectKey, QList<qreal>> radiiOf; // a rectangle may be painted twice (a status tint over the box)
    for (const auto& [rect, radius] : rounded)
        radiiOf[RectKey(rect)].append(radius);
    QByteArray out;
    out.reserve(svg.size() + rounded.size() * 24);
    qsizetype pos = 0;
    for (;;) {
        const qsizetype start = svg.indexOf("<rect ", pos);
        const qsizetype end = start < 0 ? -1 : svg.indexOf("/>", start);
        if (end < 0)
            break;
        out.append(svg.constData() + pos, end - pos);
        pos = end;
        const auto x = attributeNumber(svg, start, end, " x=\"");
        const auto y = attributeNumber(svg, start, end, " y=\"");
        const auto width = attributeNumber(svg, start, end, " width=\"");
        const auto height = attributeNumber(svg, start, end, " height=\"");
        if (!x || !y || !width || !height)
            continue;
        if (const auto it = radiiOf.find(RectKey(*x, *y, *width, *height)); it != radiiOf.end() && !it->isEmpty()) {
            const QByteArray radius = QByteArray::number(it->takeFirst(), 'g', 6);
            out.append(" rx=\"" + radius + "\" ry=\"" + radius + '"');
        }
    }
    out.append(svg.constData() + pos, svg.size() - pos);
    return out;
}

} // namespace

QByteArray renderSvg(const Diagram& diagram, const RenderOptions& options)
{
    DiagramRenderer renderer(diagram, options.theme, options.overlay);
    QList<DiagramRenderer::PlainRoundedRect> rounded;
    renderer.paintRoundedAsPlain(&rounded);
    const QSizeF size = renderer.canvasSize();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(QSize(int(std::ceil(size.width())), int(std::ceil(size.height()))));
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setResolution(72);
    generator.setTitle(QString::fromLatin1(DocumentTitlePlaceholder));
    {
        QPainter painter(&generator);
        if (!options.transparent)
            painter.fillRect(QRectF(QPointF(0, 0), size), options.theme.background);
        renderer.paint(&painter);
    }
    return addTitles(roundRects(buffer.data(), rounded), diagram, options.title);
}

QImage renderImage(const Diagram& diagram, const RenderOptions& options)
{
    const DiagramRenderer renderer(diagram, options.theme, options.overlay);
    const QSizeF size = renderer.canvasSize() * options.scale;
    QImage image(QSize(std::max(1, int(std::ceil(size.width()))), std::max(1, int(std::ceil(size.height())))),
        QImage::Format_ARGB32_Premultiplied);
    image.fill(options.transparent ? QColor(Qt::transparent) : options.theme.background);
    QPainter painter(&image);
    painter.scale(options.scale, options.scale);
    renderer.paint(&painter);
    return image;
}

bool writePdf(const Diagram& diagram, const QString& path, const RenderOptions& options, QString* error)
{
    const DiagramRenderer renderer(diagram, options.theme, options.overlay);
    const QSizeF size = renderer.canvasSize();
    QPdfWriter writer(path);
    writer.setTitle(options.title);
    writer.setCreator(QStringLiteral("Stepscope"));
    constexpr qreal Margin = 24;
    if (options.page == PdfPage::Fit) {
        writer.setPageSize(QPageSize(size + QSizeF(2 * Margin, 2 * Margin), QPageSize::Point, QString(), QPageSize::ExactMatch));
    } else {
        writer.setPageSize(QPageSize(options.page == PdfPage::A4 ? QPageSize::A4 : QPageSize::Letter));
        writer.setPageOrientation(size.width() > size.height() ? QPageLayout::Landscape : QPageLayout::Portrait);
    }
    writer.setPageMargins(QMarginsF(Margin, Margin, Margin, Margin), QPageLayout::Point);
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    // Device units are 1/resolution inch; fit the canvas into the printable area, never enlarging past 1:1.
    const QRect area = writer.pageLayout().paintRectPixels(writer.resolution());
    const qreal perPoint = writer.resolution() / 72.0;
    const qreal scale = std::min({ area.width() / size.width(), area.height() / size.height(), perPoint });
    painter.scale(scale, scale);
    if (!options.transparent)
        painter.fillRect(QRectF(QPointF(0, 0), size), options.theme.background);
    renderer.paint(&painter);
    painter.end();
    return true;
}

} // namespace Stepscope
