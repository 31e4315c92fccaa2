#include "validatorchecks.h"

namespace Stepscope::Validation {

namespace {

/// Parameters (JSONPath) or Arguments (JSONata) of an ItemReader or ResultWriter.
void checkArguments(Reporter& r, const Json& object, const std::string& pointer, Language language)
{
    if (const auto it = object.find("Parameters"); it != object.end()) {
        if (language == Language::JSONata)
            r.error(child(pointer, "Parameters"), QStringLiteral("\"Parameters\" is a JSONPath field and this state uses JSONata: use \"Arguments\""));
        else
            checkPayloadTemplate(r, *it, child(pointer, "Parameters"));
    }
    if (object.contains("Arguments") && language == Language::JSONPath)
        r.error(child(pointer, "Arguments"), QStringLiteral("\"Arguments\" needs \"QueryLanguage\": \"JSONata\" (this state uses JSONPath)"));
}

void checkResourceMember(Reporter& r, const Json& object, const std::string& pointer, std::string_view what)
{
    const auto it = object.find("Resource");
    if (it == object.end())
        r.error(pointer, QStringLiteral("%1 needs \"Resource\"").arg(QString::fromUtf8(what.data(), static_cast<qsizetype>(what.size()))));
    else
        checkResource(r, *it, child(pointer, "Resource"));
}

void checkItemReader(Reporter& r, const Json& reader, const std::string& pointer, Language language)
{
    if (!reader.is_object()) {
        r.error(pointer, QStringLiteral("\"ItemReader\" must be an object, not %1").arg(jsonTypeName(reader)));
        return;
    }
    expectKnownMembers(r, reader, pointer, "ItemReader", { "Resource", "ReaderConfig", "Parameters", "Arguments", "Comment" });
    checkResourceMember(r, reader, pointer, "\"ItemReader\"");
    checkArguments(r, reader, pointer, language);
    const auto config = reader.find("ReaderConfig");
    if (config == reader.end())
        return;
    const std::string configPointer = child(pointer, "ReaderConfig");
    if (!config->is_object()) {
        r.error(configPointer, QStringLiteral("\"ReaderConfig\" must be an object, not %1").arg(jsonTypeName(*config)));
        return;
    }
    // New reader options appear often: unknown ones are worth a look, not a rejection.
    expectKnownMembers(r, *config, configPointer, "ReaderConfig",
        { "InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "ManifestType", "MaxItems", "MaxItemsPath" },
        Severity::Warning);
    expectExclusive(r, *config, configPointer, "\"ReaderConfig\"", { "MaxItems", "MaxItemsPath" });
    for (auto it = config->begin(); it != config->end(); ++it) {
        const std::string& key = it.key();
        const std::string memberPointer = child(configPointer, key);
        if (key == "InputType")
            expectEnum(r, *it, memberPointer, key, { "CSV", "JSON", "JSONL", "MANIFEST", "PARQUET" }, language);
        else if (key == "CSVHeaderLocation")
            expectEnum(r, *it, memberPointer, key, { "FIRST_ROW", "GIVEN" }, language);
        else if (key == "CSVHeaders")
            expectStringArray(r, *it, memberPointer, key, language);
        else if (key == "CSVDelimiter")
            expectEnum(r, *it, memberPointer, key, { "COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB" }, language);
        else if (key == "ManifestType")
            expectEnum(r, *it, memberPointer, key, { "S3_INVENTORY", "ATHENA_DATA" }, language);
        else if (key == "MaxItems")
            expectInteger(r, *it, memberPointer, key, 0, language, 100000000);
        else if (key == "MaxItemsPath") {
            if (language == Language::JSONata)
                r.error(memberPointer, QStringLiteral("\"MaxItemsPath\" is a JSONPath field and this state uses JSONata: use \"MaxItems\" with a {% %} expression"));
            else
                expectPath(r, *it, memberPointer, key, false);
        }
    }
}

void checkItemBatcher(Reporter& r, const Json& batcher, const std::string& pointer, Language language)
{
    if (!batcher.is_object()) {
        r.error(pointer, QStringLiteral("\"ItemBatcher\" must be an object, not %1").arg(jsonTypeName(batcher)));
        return;
    }
    expectKnownMembers(r, batcher, pointer, "ItemBatcher",
        { "MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput", "Comment" });
    expectExclusive(r, batcher, pointer, "\"ItemBatcher\"", { "MaxItemsPerBatch", "MaxItemsPerBatchPath" });
    expectExclusive(r, batcher, pointer, "\"ItemBatcher\"", { "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath" });
    for (auto it = batcher.begin(); it != batcher.end(); ++it) {
        const std::string& key = it.key();
        const std::string memberPointer = child(pointer, key);
        if (key == "MaxItemsPerBatch")
            expectInteger(r, *it, memberPointer, key, 1, language);
        else if (key == "MaxInputBytesPerBatch")
            expectInteger(r, *it, memberPointer, key, 1, language, 262144);
        else if (key.ends_with("Path")) {
            if (language == Language::JSONata)
                r.error(memberPointer, QStringLiteral("%1 is a JSONPath field and this state uses JSONata").arg(inQuotes(key)));
            else
                expectPath(r, *it, memberPointer, key, false);
        } else if (key == "BatchInput") {
            expectObject(r, *it, memberPointer, key, language);
            if (language == Language::JSONPath)
                checkPayloadTemplate(r, *it, memberPointer);
        }
    }
}

void checkResultWriter(Reporter& r, const Json& writer, const std::string& pointer, Language language)
{
    if (!writer.is_object()) {
        r.error(pointer, QStringLiteral("\"ResultWriter\" must be an object, not %1").arg(jsonTypeName(writer)));
        return;
    }
    expectKnownMembers(r, writer, pointer, "ResultWriter", { "Resource", "Parameters", "Arguments", "WriterConfig", "Comment" });
    if (writer.contains("Resource"))
        checkResource(r, writer["Resource"], child(pointer, "Resource"));
    else if (!writer.contains("WriterConfig"))
        r.error(pointer, QStringLiteral("\"ResultWriter\" needs \"Resource\" or \"WriterConfig\""));
    checkArguments(r, writer, pointer, language);
    if (const auto config = writer.find("WriterConfig"); config != writer.end()) {
        const std::string configPointer = child(pointer, "WriterConfig");
        expectObject(r, *config, configPointer, "WriterConfig", language);
        expectKnownMembers(r, *config, configPointer, "WriterConfig", { "OutputType", "Transformation" }, Severity::Warning);
        if (const auto type = config->is_object() ? config->find("OutputType") : config->end(); config->is_object() && type != config->end())
            expectEnum(r, *type, child(configPointer, "OutputType"), "OutputType", { "JSON", "JSONL" }, language);
        if (const auto t = config->is_object() ? config->find("Transformation") : config->end(); config->is_object() && t != config->end())
            expectEnum(r, *t, child(configPointer, "Transformation"), "Transformation",
                { "NONE", "COMPACT", "FLATTEN" }, language);
    }
}

} // namespace

void checkProcessorConfig(Reporter& r, const Json& config, const std::string& pointer)
{
    if (!config.is_object()) {
        r.error(pointer, QStringLiteral("\"ProcessorConfig\" must be an object, not %1").arg(jsonTypeName(config)));
        return;
    }
    expectKnownMembers(r, config, pointer, "ProcessorConfig", { "Mode", "ExecutionType" }, Severity::Warning);
    if (const auto mode = config.find("Mode"); mode != config.end())
        expectEnum(r, *mode, child(pointer, "Mode"), "Mode", { "INLINE", "DISTRIBUTED" }, Language::JSONPath);
    if (const auto type = config.find("ExecutionType"); type != config.end())
        expectEnum(r, *type, child(pointer, "ExecutionType"), "ExecutionType", { "STANDARD", "EXPRESS" }, Language::JSONPath);
    const auto mode = config.find("Mode");
    const bool distributed = mode != config.end() && *mode == "DISTRIBUTED";
    if (distributed && !config.contains("ExecutionType"))
        r.error(pointer, QStringLiteral("a DISTRIBUTED Map needs \"ExecutionType\" (STANDARD or EXPRESS)"));
    if (!distributed && config.contains("ExecutionType"))
        r.warning(child(pointer, "ExecutionType"), QStringLiteral("\"ExecutionType\" only applies when \"Mode\" is DISTRIBUTED"));
}

void checkMapFields(Reporter& r, const Json& state, const std::string& pointer, Language language)
{
    if (const auto it = state.find("ItemReader"); it != state.end())
        checkItemReader(r, *it, child(pointer, "ItemReader"), language);
    if (const auto it = state.find("ItemBatcher"); it != state.end())
        checkItemBatcher(r, *it, child(pointer, "ItemBatcher"), language);
    if (const auto it = state.find("ResultWriter"); it != state.end())
        checkResultWriter(r, *it, child(pointer, "ResultWriter"), language);

    // Reading, batching and writing items need child workflow executions: a distributed Map.
    const auto processor = state.find("ItemProcessor");
    if (processor == state.end() || !processor->is_object())
        return;
    const auto config = processor->find("ProcessorConfig");
    if (config == processor->end() || !config->is_object())
        return;
    const auto mode = config->find("Mode");
    if (mode == config->end() || *mode != "INLINE")
        return;
    for (const char* key : { "ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage",
             "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath", "Label" }) {
        if (state.contains(key))
            r.error(child(pointer, key), QStringLiteral("%1 needs a distributed Map (\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"})")
                                             .arg(inQuotes(key)));
    }
}

} // namespace Stepscope::Validation
