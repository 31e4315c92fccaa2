#include "definition.h"

#include "validator.h"
#include "workflowbuilder.h"

#include <QFile>
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

constexpr qsizetype AwsDefinitionLimit = 1048576; // characters, the Step Functions service quota

qsizetype utf8CharacterCount(const QByteArray& data)
{
    // Every byte that is not a continuation byte (10xxxxxx) starts a character.
    return std::count_if(data.cbegin(), data.cend(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

bool isPlainAsl(DefinitionFormat format)
{
    return format == DefinitionFormat::AslJson || format == DefinitionFormat::AslJson5 || format == DefinitionFormat::AslYaml;
}

/// AWS rejects larger definitions; templates are skipped because their size is not the definition's.
void checkSize(const QByteArray& data, LoadedDefinition& loaded)
{
    if (data.size() <= AwsDefinitionLimit || !isPlainAsl(loaded.format))
        return;
    const qsizetype characters = utf8CharacterCount(data);
    if (characters > AwsDefinitionLimit)
        loaded.diagnostics.append({ Severity::Warning,
            QStringLiteral("the definition has %1 characters, more than AWS accepts (%2)").arg(characters).arg(AwsDefinitionLimit),
            {}, {}, loaded.file });
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || QFileInfo(path).isDir()) {
        LoadedDefinition loaded;
        loaded.file = path;
        const QString reason = QFileInfo(path).isDir() ? QStringLiteral("is a folder, not a file") : file.errorString();
        loaded.diagnostics.append({ Severity::Error, QStringLiteral("cannot read: %1").arg(reason), {}, {}, path });
        return finish(std::move(loaded));
    }
    return openDefinitionData(file.readAll(), path, options);
}

OpenedDefinition openDefinitionData(const QByteArray& data, const QString& file, const LoadOptions& options)
{
    LoadedDefinition loaded = loadDefinitionData(data, file, options);
    checkSize(data, loaded);
    return finish(std::move(loaded));
}

} // namespace Stepscope
