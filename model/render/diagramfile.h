#pragma once

#include "diagramexport.h"

namespace Stepscope {

/// The diagram file formats, told by the file name's suffix.
enum class DiagramFileFormat { Unknown, Svg, Png, Pdf, LayoutJson };
[[nodiscard]] DiagramFileFormat diagramFileFormat(const QString& path);

/// Writes `diagram` to `path` in the format its suffix names (.svg .png .pdf, or .json for the layout in points):
/// the one writer behind the window's export, the heat-map export and `stepscope export`. Returns an error message
/// ("cannot write PATH: why"), empty on success.
[[nodiscard]] QString writeDiagramFile(const Diagram& diagram, const QString& path, const RenderOptions& options);

} // namespace Stepscope
