#include "definition.h"

#include "validator.h"
#include "workflowbuilder.h"

#include <QFileInfo>

#include <algorithm>

namespace Stepscope {

namespace {

QString workflowName(const LoadedDefinition& loaded)
{
    if (!loaded.stateMachineId.isEmpty())
        return loaded.stateMachineId;
    QString name = QFileInfo(loaded.file).fileName();
    for (const auto* suffix : { ".asl.json", ".asl.yaml", ".asl.yml", ".json5", ".json", ".yaml", ".yml" }) {
        if (name.endsWith(QLatin1String(suffix), Qt::CaseInsensitive)) {
            name.chop(static_cast<qsizetype>(qstrlen(suffix)));
            break;
        }
    }
    return name;
}

OpenedDefinition finish(LoadedDefinition loaded)
{
    OpenedDefinition opened;
    opened.diagnostics = loaded.diagnostics;
    if (loaded.definition) {
        const Diagnostics validation = validateDefinition(*loaded.definition);
        opened.diagnostics += validation;
        Diagnostics building;
        opened.workflow = buildWorkflow(*loaded.definition, workflowName(loaded), building);
        // The validator already reports what the builder may find; keep only what it does not say.
        for (const Diagnostic& d : building) {
            const bool known = std::any_of(opened.diagnostics.cbegin(), opened.diagnostics.cend(),
                [&](const Diagnostic& v) { return v.pointer == d.pointer && v.severity == d.severity; });
            if (!known)
                opened.diagnostics.append(d);
        }
        for (Diagnostic& d : opened.diagnostics) {
            if (d.file.isEmpty())
                d.file = loaded.definition->file;
        }
    }
    std::stable_sort(opened.diagnostics.begin(), opened.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file)
            return false;
        return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
    });
    opened.loaded = std::move(loaded);
    return opened;
}

} // namespace

OpenedDefinition openDefinition(const QString& path, const LoadOptions& options)
{
    return finish(loadDefinitionFile(path, options));
}

OpenedDefinition openDefinitionData(const QByteArray& data, const QString& file, const LoadOptions& options)
{
    return finish(loadDefinitionData(data, file, options));
}

} // namespace Stepscope
