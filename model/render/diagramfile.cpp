#include "diagramfile.h"

#include "layout/layoutjson.h"

#include <QFileInfo>
#include <QSaveFile>

namespace Stepscope {

DiagramFileFormat diagramFileFormat(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return DiagramFileFormat::Svg;
    if (suffix == QLatin1String("png"))
        return DiagramFileFormat::Png;
    if (suffix == QLatin1String("pdf"))
        return DiagramFileFormat::Pdf;
    if (suffix == QLatin1String("json"))
        return DiagramFileFormat::LayoutJson;
    return DiagramFileFormat::Unknown;
}

namespace {

QString writeBytes(const QString& path, const QByteArray& data)
{
    // Written aside and renamed over the target, so that a failed export never leaves half a file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace

QString writeDiagramFile(const Diagram& diagram, const QString& path, const RenderOptions& options)
{
    switch (diagramFileFormat(path)) {
    case DiagramFileFormat::Svg:
        return writeBytes(path, renderSvg(diagram, options));
    case DiagramFileFormat::LayoutJson:
        return writeBytes(path, layoutJson(diagram));
    case DiagramFileFormat::Png: {
        const QImage image = renderImage(diagram, options);
        if (image.isNull() || !image.save(path, "PNG"))
            return QStringLiteral("cannot write %1").arg(path);
        return {};
    }
    case DiagramFileFormat::Pdf: {
        QString error;
        if (!writePdf(diagram, path, options, &error))
            return QStringLiteral("cannot write %1: %2").arg(path, error);
        return {};
    }
    case DiagramFileFormat::Unknown:
        break;
    }
    return QStringLiteral("cannot tell the format from \"%1\": use .svg, .png, .pdf or .json").arg(path);
}

} // namespace Stepscope
