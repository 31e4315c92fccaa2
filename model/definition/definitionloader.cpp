#include "definitionloader.h"

#include <QFile>

namespace Stepscope {

// Placeholder until the content-sniffing loaders land: plain JSON only, no positions.
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
    if (!file.open(QIODevice::ReadOnly)) {
        LoadedDefinition loaded;
        loaded.file = path;
        loaded.diagnostics.append({ Severity::Error, file.errorString(), {}, {}, path });
        return loaded;
    }
    return loadDefinitionData(file.readAll(), path, options);
}

LoadedDefinition loadDefinitionData(const QByteArray& data, const QString& file, const LoadOptions&)
{
    LoadedDefinition loaded;
    loaded.file = file;
    try {
        SourceDocument doc;
        doc.file = file;
        doc.root = Json::parse(data.begin(), data.end());
        loaded.format = DefinitionFormat::AslJson;
        loaded.definition = std::move(doc);
    } catch (const Json::exception& e) {
        loaded.diagnostics.append({ Severity::Error, QString::fromUtf8(e.what()), {}, {}, file });
    }
    return loaded;
}

} // namespace Stepscope
