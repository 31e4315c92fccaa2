#include "diagnostic.h"

#include <algorithm>

namespace Stepscope {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("note");
    }
    return QStringLiteral("error");
}

bool hasErrors(const Diagnostics& diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.isError(); });
}

QString formatDiagnostic(const Diagnostic& diagnostic, const QString& fallbackFile)
{
    QString text = diagnostic.file.isEmpty() ? fallbackFile : diagnostic.file;
    if (diagnostic.pos.isValid())
        text += QStringLiteral(":%1:%2").arg(diagnostic.pos.line).arg(diagnostic.pos.column);
    text += QStringLiteral(": %1: %2").arg(severityName(diagnostic.severity), diagnostic.message);
    if (!diagnostic.pointer.isEmpty())
        text += QStringLiteral(" [%1]").arg(diagnostic.pointer);
    return text;
}

} // namespace Stepscope
