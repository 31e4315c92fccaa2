#pragma once

#include <QList>
#include <QString>

namespace Stepscope {

/// A position in a source file, 1-based. line == 0 means "unknown".
struct SourcePos {
    int line = 0;
    int column = 0;
    [[nodiscard]] bool isValid() const { return line > 0; }
    friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

enum class Severity { Error, Warning, Info };

/// One finding about an input file: syntax errors, validation errors, loader warnings.
struct Diagnostic {
    Severity severity = Severity::Error;
    QString message;
    QString pointer; ///< JSON pointer into the state machine definition ("/States/Foo/Next"), may be empty
    SourcePos pos;
    QString file; ///< the file the position refers to (a template's DefinitionUri may point elsewhere)

    [[nodiscard]] bool isError() const { return severity == Severity::Error; }
};

using Diagnostics = QList<Diagnostic>;

[[nodiscard]] QString severityName(Severity severity);
[[nodiscard]] bool hasErrors(const Diagnostics& diagnostics);
/// "file:line:col: error: message" (line and column omitted when unknown).
[[nodiscard]] QString formatDiagnostic(const Diagnostic& diagnostic, const QString& fallbackFile);

} // namespace Stepscope
