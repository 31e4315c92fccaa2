#include "diagramexport.h"

#include "diagramrenderer.h"
#include "layout/diagramfonts.h"

#include <QBuffer>
#include <QHash>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <cmath>

namespace Stepscope {

namespace {

// QSvgGenerator has no per-element titles: add them by rewriting its output (which also re-escapes every text).
QByteArray addTitles(const QByteArray& svg, const Diagram& diagram, const QString& documentTitle)
{
    // Names are painted in node order; several names may elide to the same label, so keep a queue per label.
    QHash<QString, QStringList> titlesOf;
    for (const DiagramNode& node : diagram.nodes)
        titlesOf[node.ghostOf >= 0 ? QStringLiteral("↪ ") + node.label : node.label].append(node.name);
    QXmlStreamReader reader(svg);
    reader.setNamespaceProcessing(false); // copy names and xmlns as written (no generated prefixes)
    QByteArray result;
    QXmlStreamWriter writer(&result);
    bool titled = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.hasError())
            return svg;
        if (reader.isStartElement() && reader.name() == QLatin1String("title") && !titled) {
            // Replace the generator's document title with ours.
            reader.readElementText();
            writer.writeTextElement(QStringLiteral("title"), documentTitle);
            titled = true;
            continue;
        }
        writer.writeCurrentToken(reader);
        if (reader.isStartElement() && reader.name() == QLatin1String("svg") && documentTitle.isEmpty())
            titled = true;
        if (reader.isStartElement() && reader.name() == QLatin1String("text")) {
            const QXmlStreamAttributes attributes = reader.attributes();
            reader.readNext();
            if (reader.isCharacters()) {
                const QString text = reader.text().toString();
                // State names use the name font; ghosts are marked with an arrow. Other texts are not names.
                const bool nameText = attributes.value(QLatin1String("font-size"))
                        == QString::number(DiagramFonts::nameFont().pixelSize())
                    || text.startsWith(QStringLiteral("↪ "));
                auto it = titlesOf.find(text);
                if (nameText && it != titlesOf.end() && !it->isEmpty())
                    writer.writeTextElement(QStringLiteral("title"), it->takeFirst());
            }
            writer.writeCurrentToken(reader);
        }
    }
    return result;
}

} // namespace

QByteArray renderSvg(const Diagram& diagram, const RenderOptions& options)
{
    const DiagramRenderer renderer(diagram, options.theme, options.overlay);
    const QSizeF size = renderer.canvasSize();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(QSize(int(std::ceil(size.width())), int(std::ceil(size.height()))));
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setResolution(72);
    generator.setTitle(QStringLiteral("workflow"));
    {
        QPainter painter(&generator);
        if (!options.transparent)
            painter.fillRect(QRectF(QPointF(0, 0), size), options.theme.background);
        renderer.paint(&painter);
    }
    return addTitles(buffer.data(), diagram, options.title);
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
