#include "diagramexport.h"

#include "diagramrenderer.h"
#include "layout/diagramfonts.h"

#include <QBuffer>
#include <QHash>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTextStream>

#include <cmath>

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

// QSvgGenerator has no per-element titles: give each state's name text a <title> child, in one pass over its
// output (a full XML parse and rewrite cost as much as the painting itself).
QByteArray addTitles(const QByteArray& svg, const Diagram& diagram, const QString& documentTitle)
{
    // Names are painted in node order; several names may elide to the same label, so keep a queue per label.
    QHash<QString, QList<QByteArray>> titlesOf;
    for (const DiagramNode& node : diagram.nodes)
        titlesOf[node.ghostOf >= 0 ? QStringLiteral("↪ ") + node.label : node.label].append(xmlText(node.name));
    const QByteArray nameFontSize = "font-size=\"" + QByteArray::number(DiagramFonts::nameFont().pixelSize()) + '"';
    QByteArray out;
    out.reserve(svg.size() + diagram.nodes.size() * 48 + 64);
    qsizetype pos = 0;
    // The generator's document title is our placeholder: put the real one in its place.
    const QByteArray placeholder = "<title>" + QByteArray(DocumentTitlePlaceholder) + "</title>";
    if (const qsizetype at = svg.indexOf(placeholder); at >= 0) {
        out.append(svg.constData(), at);
        out.append("<title>" + xmlText(documentTitle) + "</title>");
        pos = at + placeholder.size();
    }
    for (;;) {
        const qsizetype start = svg.indexOf("<text ", pos);
        const qsizetype tagEnd = start < 0 ? -1 : svg.indexOf('>', start);
        const qsizetype end = tagEnd < 0 ? -1 : svg.indexOf("</text>", tagEnd);
        if (end < 0) {
            out.append(svg.constData() + pos, svg.size() - pos);
            break;
        }
        out.append(svg.constData() + pos, tagEnd + 1 - pos);
        const QString text = unescapeXml(QByteArrayView(svg.constData() + tagEnd + 1, end - tagEnd - 1));
        // State names use the name font; ghosts are marked with an arrow. Other texts are not names.
        const bool nameText = QByteArrayView(svg.constData() + start, tagEnd - start).contains(nameFontSize)
            || text.startsWith(QStringLiteral("↪ "));
        if (nameText) {
            const auto it = titlesOf.find(text);
            if (it != titlesOf.end() && !it->isEmpty())
                out.append("<title>" + it->takeFirst() + "</title>");
        }
        pos = tagEnd + 1;
    }
    return out;
}

// The geometry attributes QSvgGenerator writes for a plain rectangle, formatted by a QTextStream with the same
// (default) settings, so that rounded rectangles painted as plain ones are found by their text.
class RectAttributes {
public:
    RectAttributes()
        : m_stream(&m_text)
    {
    }
    QByteArray operator()(const QRectF& rect)
    {
        m_text.clear();
        m_stream << "x=\"" << rect.x() << "\" y=\"" << rect.y() << "\" width=\"" << rect.width() << "\" height=\""
                 << rect.height() << '"';
        m_stream.flush();
        return m_text.toUtf8();
    }

private:
    QString m_text;
    QTextStream m_stream;
};

// Gives the rectangles DiagramRenderer painted plain in place of rounded ones their corner radius back.
QByteArray roundRects(const QByteArray& svg, const QList<DiagramRenderer::PlainRoundedRect>& rounded)
{
    if (rounded.isEmpty())
        return svg;
    QHash<QByteArray, QList<qreal>> radiiOf; // a rectangle may be painted twice (a status tint over the box)
    RectAttributes attributesOf;
    for (const auto& [rect, radius] : rounded)
        radiiOf[attributesOf(rect)].append(radius);
    QByteArray out;
    out.reserve(svg.size() + rounded.size() * 24);
    qsizetype pos = 0;
    for (;;) {
        const qsizetype start = svg.indexOf("<rect", pos);
        const qsizetype end = start < 0 ? -1 : svg.indexOf("/>", start);
        if (end < 0)
            break;
        const qsizetype geometry = svg.indexOf(" x=\"", start);
        if (geometry < 0 || geometry > end) {
            out.append(svg.constData() + pos, end - pos);
            pos = end;
            continue;
        }
        out.append(svg.constData() + pos, end - pos);
        const QByteArray attributes = QByteArray::fromRawData(svg.constData() + geometry + 1, end - geometry - 1);
        if (const auto it = radiiOf.find(attributes); it != radiiOf.end() && !it->isEmpty()) {
            const QByteArray radius = QByteArray::number(it->takeFirst(), 'g', 6);
            out.append(" rx=\"" + radius + "\" ry=\"" + radius + '"');
        }
        pos = end;
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
