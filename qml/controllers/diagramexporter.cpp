#include "diagramexporter.h"

#include "models/nodemodel.h"
#include "render/diagramfile.h"

#include <QFileInfo>

namespace Stepscope {

namespace {

// The window's PNG exports and copies are at twice the diagram's size, for high-density screens and documents.
constexpr qreal ImageScale = 2;

} // namespace

DiagramExporter::DiagramExporter(const NodeModel* nodes, QObject* parent)
    : QObject(parent)
    , m_nodes(nodes)
{
}

StatusOverlay DiagramExporter::statusOverlay() const
{
    StatusOverlay overlay;
    if (!m_doc || !m_doc->execution)
        return overlay;
    const Workflow& workflow = m_doc->workflow;
    for (int row = 0; row < m_nodes->rowCount(); ++row) {
        const DiagramNode& node = m_nodes->diagram().nodes[row];
        if (node.state < 0 || node.state >= workflow.states.size())
            continue;
        overlay.byStateId.insert(workflow.states[node.state].id,
            { m_nodes->statusOf(node.state), m_nodes->data(m_nodes->index(row), NodeModel::NoteRole).toString() });
    }
    return overlay;
}

QImage DiagramExporter::diagramImage() const
{
    if (!m_doc || m_nodes->diagram().isEmpty())
        return {};
    const StatusOverlay overlay = statusOverlay();
    RenderOptions options;
    options.theme = Theme::light();
    options.overlay = overlay.isEmpty() ? nullptr : &overlay;
    options.title = title();
    options.scale = ImageScale;
    return renderImage(m_nodes->diagram(), options);
}

QString DiagramExporter::exportDiagram(const QString& path, bool withStatuses) const
{
    const StatusOverlay overlay = statusOverlay();
    return exportWith(path, withStatuses && !overlay.isEmpty() ? &overlay : nullptr);
}

QString DiagramExporter::exportWith(const QString& path, const StatusOverlay* overlay) const
{
    if (!m_doc || m_nodes->diagram().isEmpty())
        return QStringLiteral("Nothing to export: open a definition or a history first.");
    if (path.isEmpty())
        return QStringLiteral("Choose a file to export to.");
    const DiagramFileFormat format = diagramFileFormat(path);
    if (format != DiagramFileFormat::Svg && format != DiagramFileFormat::Png && format != DiagramFileFormat::Pdf)
        return QStringLiteral("Unknown format \"%1\": use .svg, .png or .pdf.").arg(QFileInfo(path).suffix());
    RenderOptions options;
    options.theme = Theme::light();
    options.overlay = overlay && !overlay->isEmpty() ? overlay : nullptr;
    options.title = title();
    if (format == DiagramFileFormat::Png)
        options.scale = ImageScale;
    const QString error = writeDiagramFile(m_nodes->diagram(), path, options);
    if (error.isEmpty())
        return {};
    QString sentence = error;
    sentence[0] = sentence[0].toUpper();
    return sentence;
}

} // namespace Stepscope
