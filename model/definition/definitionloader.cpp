#include "definitionloader.h"

#include "documentreader.h"
#include "templatereader.h"

#include <QFile>
#include <QFileInfo>

namespace Stepscope {

namespace {

DefinitionFormat aslFormat(DocumentSyntax syntax)
{
    switch (syntax) {
    case DocumentSyntax::Json:
        return DefinitionFormat::AslJson;
    case DocumentSyntax::Json5:
        return DefinitionFormat::AslJson5;
    case DocumentSyntax::Yaml:
        return DefinitionFormat::AslYaml;
    }
    return DefinitionFormat::Unknown;
}

// A state machine is an object with StartAt or States; anything else gets a message saying what it is instead.
void checkShape(LoadedDefinition& loaded)
{
    if (!loaded.definition)
        return;
    const Json& root = loaded.definition->root;
    const QString& file = loaded.definition->file;
    auto reject = [&](const QString& message) {
        loaded.diagnostics.append({ Severity::Error, message, {}, loaded.definition->positionOf(""), file });
        loaded.definition.reset();
    };
    if (!root.is_object()) {
        reject(QStringLiteral("not a Step Functions definition: the document is %1, not an object with StartAt "
                              "and States")
                   .arg(QString::fromLatin1(root.type_name())));
        return;
    }
    if (root.contains("StartAt") || root.contains("States"))
        return;
    if (root.contains("Type") && root["Type"].is_string()) {
        reject(QStringLiteral("this is a single state (as tested with TestState), not a state machine: it has no "
                              "StartAt or States"));
        return;
    }
    reject(QStringLiteral("not a Step Functions definition: no StartAt or States, and not a CloudFormation or SAM "
                          "template"));
}

} // namespace

QString definitionFormatName(DefinitionFormat format)
{
    switch (format) {
    case DefinitionFormat::AslJson:
        return QStringLiteral("ASL (JSON)");
    case DefinitionFormat::AslJson5:
        return QStringLiteral("ASL (JSON with comments)");
    case DefinitionFormat::AslYaml:
        return QStringLiteral("ASL (YAML)");
    case DefinitionFormat::TemplateJson:
        return QStringLiteral("CloudFormation template (JSON)");
    case DefinitionFormat::TemplateYaml:
        return QStringLiteral("CloudFormation template (YAML)");
    case DefinitionFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

LoadedDefinition loadDefinitionFile(const QString& path, const LoadOptions& options)
{
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly)) {
        LoadedDefinition loaded;
        loaded.file = path;
        const QString reason = QFileInfo(path).isDir() ? QStringLiteral("is a directory") : file.errorString();
        loaded.diagnostics.append({ Severity::Error, QStringLiteral("cannot open: %1").arg(reason), {}, {}, path });
        return loaded;
    }
    return loadDefinitionData(file.readAll(), path, options);
}

LoadedDefinition loadDefinitionData(const QByteArray& data, const QString& file, const LoadOptions& options)
{
    LoadedDefinition loaded;
    loaded.file = file;
    const std::string_view text(data.constData(), static_cast<std::size_t>(data.size()));
    ParsedDocument parsed = readDocument(text, file);
    loaded.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.document)
        return loaded;
    if (looksLikeTemplate(parsed.document->root)) {
        loaded.format
            = parsed.syntax == DocumentSyntax::Yaml ? DefinitionFormat::TemplateYaml : DefinitionFormat::TemplateJson;
        // Duplicate keys elsewhere in a template are CloudFormation's business; keep only what concerns the chosen
        // state machine (its definition's findings are added by the template loader).
        loadTemplateDefinition(*parsed.document, text, options, loaded);
    } else {
        loaded.format = aslFormat(parsed.syntax);
        loaded.definition = std::move(parsed.document);
    }
    checkShape(loaded);
    return loaded;
}

} // namespace Stepscope
