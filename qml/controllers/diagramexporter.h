#pragma once

#include "document/documentloader.h"
#include "layout/diagram.h"

#include <QImage>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

class NodeModel;

/// File › Export and Copy diagram: the canvas's diagram, with the statuses it shows, written to a file or an image.
class DiagramExporter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
public:
    /// Exports what `nodes` shows.
    explicit DiagramExporter(const NodeModel* nodes, QObject* parent = nullptr);

    /// The document the diagram shows (its workflow names the states and titles the files); shared.
    void setDocument(std::shared_ptr<const LoadedDocument> document) { m_doc = std::move(document); }
    /// Writes the diagram to `path` (SVG, PNG or PDF by extension); returns an error message, empty on success.
    [[nodiscard]] Q_INVOKABLE QString exportDiagram(const QString& path, bool withStatuses) const;
    /// The whole diagram with its statuses as an image (for the clipboard), null without a diagram.
    [[nodiscard]] Q_INVOKABLE QImage diagramImage() const;
    /// Writes the diagram with any overlay (statuses, heat); returns an error message, empty on success.
    [[nodiscard]] QString exportWith(const QString& path, const StatusOverlay* overlay) const;
    /// The statuses the canvas paints, as the renderer wants them (by state id); empty without an execution.
    [[nodiscard]] StatusOverlay statusOverlay() const;

private:
    [[nodiscard]] QString title() const { return m_doc ? m_doc->workflow.name : QString(); }

    const NodeModel* m_nodes;
    std::shared_ptr<const LoadedDocument> m_doc;
};

} // namespace Stepscope
