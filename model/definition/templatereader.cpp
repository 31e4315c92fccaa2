#include "templatereader.h"

#include "documentreader.h"
#include "intrinsics.h"
#include "jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace Stepscope {

namespace {

constexpr std::string_view stepFunctionsType = "AWS::StepFunctions::StateMachine";
constexpr std::string_view serverlessType = "AWS::Serverless::StateMachine";

bool isStateMachineResource(const Json& resource)
{
    if (!resource.is_object())
        return false;
    const auto type = resource.find("Type");
    return type != resource.end() && type->is_string()
        && (type->get_ref<const std::string&>() == stepFunctionsType
            || type->get_ref<const std::string&>() == serverlessType);
}

// Where a DefinitionString written as a YAML literal block scalar (`|`, `|-`) sits in the template: its content
// line N is template line `indicatorLine + N`, shifted right by `indent` columns.
struct BlockScalarOrigin {
    int indicatorLine = 0;
    int indent = 0;
};

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

bool endsWithBlockIndicator(std::string_view line)
{
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    // `|`, `|-`, `|+`, `|2-`, preceded by the start of the line, a space or a tag.
    std::size_t i = line.size();
    while (i > 0 && (line[i - 1] == '-' || line[i - 1] == '+' || (line[i - 1] >= '1' && line[i - 1] <= '9')))
        --i;
    if (i == 0 || line[i - 1] != '|')
        return false;
    return i == 1 || line[i - 2] == ' ' || line[i - 2] == '\t';
}

std::optional<BlockScalarOrigin> findBlockScalar(std::string_view templateText, int fromLine, std::string_view literal)
{
    if (fromLine <= 0)
        return std::nullopt;
    const std::vector<std::string_view> lines = splitLines(templateText);
    for (int line = fromLine; line <= fromLine + 2 && line <= static_cast<int>(lines.size()); ++line) {
        if (!endsWithBlockIndicator(lines[static_cast<std::size_t>(line - 1)]))
            continue;
        // The first non-blank content line sets the indentation.
        const auto firstContent = literal.find_first_not_of('\n');
        if (firstContent == std::string_view::npos)
            return std::nullopt;
        const auto contentLineIndex = static_cast<std::size_t>(line) + firstContent; // 0-based index in `lines`
        if (contentLineIndex >= lines.size())
            return std::nullopt;
        const std::string_view templateLine = lines[contentLineIndex];
        const auto indent = templateLine.find_first_not_of(' ');
        if (indent == std::string_view::npos)
            return std::nullopt;
        // Sanity check: the literal's first content line must be that template line, unindented.
        std::string_view literalLine = literal.substr(firstContent);
        literalLine = literalLine.substr(0, literalLine.find('\n'));
        if (templateLine.substr(indent) != literalLine)
            return std::nullopt;
        return BlockScalarOrigin { line, static_cast<int>(indent) };
    }
    return std::nullopt;
}

class TemplateLoader {
public:
    TemplateLoader(const SourceDocument& templ, std::string_view text, LoadedDefinition& loaded)
        : m_templ(templ)
        , m_text(text)
        , m_loaded(loaded)
    {
    }

    // Findings from reading the template itself (duplicate keys) come with template pointers: inside the chosen
    // definition they are the definition's (re-rooted); elsewhere they are CloudFormation's business, so a warning.
    void placeTemplateFindings(Diagnostics& findings)
    {
        for (Diagnostic& d : findings) {
            if (d.pointer.isEmpty())
                continue;
            const std::string pointer = d.pointer.toStdString();
            const std::string& root = m_definitionPointer;
            if (!root.empty() && pointer.compare(0, root.size(), root) == 0
                && (pointer.size() == root.size() || pointer[root.size()] == '/')) {
                d.pointer = toQString(pointer.substr(root.size()));
            } else {
                d.severity = Severity::Warning;
                d.message += QStringLiteral(" in the template, outside the state machine definition");
                d.pointer.clear();
            }
        }
    }

    void load(const LoadOptions& options)
    {
        const Json& root = m_templ.root;
        const auto resources = root.find("Resources");
        if (resources == root.end() || !resources->is_object()) {
            error(QStringLiteral("this CloudFormation template has no Resources, so no state machine"), "");
            return;
        }
        for (const auto& [id, resource] : resources->items()) {
            if (isStateMachineResource(resource))
                m_loaded.stateMachineIds.append(toQString(id));
        }
        if (m_loaded.stateMachineIds.isEmpty()) {
            error(QStringLiteral("this template defines no state machine (no %1 or %2 resource)")
                      .arg(toQString(std::string(stepFunctionsType)), toQString(std::string(serverlessType))),
                "/Resources");
            return;
        }
        QString chosen = options.stateMachineId.isEmpty() ? m_loaded.stateMachineIds.first() : options.stateMachineId;
        if (!m_loaded.stateMachineIds.contains(chosen)) {
            error(QStringLiteral("no state machine \"%1\" in this template; it has: %2")
                      .arg(chosen, m_loaded.stateMachineIds.join(QStringLiteral(", "))),
                "/Resources");
            return;
        }
        m_loaded.stateMachineId = chosen;
        const std::string id = chosen.toStdString();
        const Json& resource = resources->at(id);
        m_base = "/Resources/" + escapePointerToken(id);
        const auto properties = resource.find("Properties");
        if (properties == resource.end() || !properties->is_object()) {
            error(QStringLiteral("state machine %1 has no Properties").arg(chosen), m_base);
            return;
        }
        m_base += "/Properties";
        readSubstitutions(*properties);
        loadDefinition(*properties, chosen);
    }

private:
    void diagnostic(Severity severity, const QString& message, const std::string& templatePointer)
    {
        m_loaded.diagnostics.append({ severity, message, {}, m_templ.positionOf(templatePointer), m_templ.file });
    }
    void error(const QString& message, const std::string& templatePointer)
    {
        diagnostic(Severity::Error, message, templatePointer);
    }

    void readSubstitutions(const Json& properties)
    {
        const auto subs = properties.find("DefinitionSubstitutions");
        if (subs == properties.end())
            return;
        if (!subs->is_object()) {
            error(QStringLiteral("DefinitionSubstitutions must be a mapping of names to values"),
                m_base + "/DefinitionSubstitutions");
            return;
        }
        // Values that only exist once deployed (Ref, GetAtt, ...) leave their `${Name}` visible in the definition.
        for (const auto& [name, value] : subs->items()) {
            if (const auto text = literalText(value))
                m_substitutions.emplace(name, *text);
        }
    }

    void loadDefinition(const Json& properties, const QString& id)
    {
        if (const auto it = properties.find("Definition"); it != properties.end()) {
            const std::string pointer = m_base + "/Definition";
            if (!it->is_object()) {
                error(QStringLiteral("state machine %1: Definition must be an object").arg(id), pointer);
                return;
            }
            m_definitionPointer = pointer;
            SourceDocument doc = m_templ.subDocument(pointer);
            resolveIntrinsics(doc.root, m_substitutions);
            m_loaded.definition = std::move(doc);
            return;
        }
        if (const auto it = properties.find("DefinitionString"); it != properties.end()) {
            loadDefinitionString(*it, id);
            return;
        }
        if (const auto it = properties.find("DefinitionUri"); it != properties.end()) {
            loadDefinitionUri(*it, id);
            return;
        }
        if (properties.contains("DefinitionS3Location")) {
            error(QStringLiteral("state machine %1 keeps its definition in S3 (DefinitionS3Location), which is not "
                                 "available locally: open the definition file itself")
                      .arg(id),
                m_base + "/DefinitionS3Location");
            return;
        }
        error(QStringLiteral("state machine %1 has no Definition, DefinitionString or DefinitionUri").arg(id), m_base);
    }

    void loadDefinitionString(const Json& value, const QString& id)
    {
        std::string pointer = m_base + "/DefinitionString";
        std::string text;
        std::optional<BlockScalarOrigin> origin;
        if (value.is_string()) {
            text = value.get<std::string>();
        } else if (isIntrinsic(value) && value.begin().key() == "Fn::Sub") {
            // Both forms: "text" and ["text", {variables}].
            const Json& argument = value.begin().value();
            pointer += "/Fn::Sub";
            const Json* literal = &argument;
            if (argument.is_array() && !argument.empty()) {
                literal = &argument[0];
                pointer += "/0";
            }
            if (literal->is_string())
                origin = findBlockScalar(m_text, m_templ.positionOf(pointer).line, literal->get_ref<const std::string&>());
            text = intrinsicText(value);
        } else if (isIntrinsic(value)) {
            text = intrinsicText(value); // Fn::Join of strings and functions: functions become ${...} placeholders
        } else {
            error(QStringLiteral("state machine %1: DefinitionString must be a string").arg(id), pointer);
            return;
        }
        if (value.is_string())
            origin = findBlockScalar(m_text, m_templ.positionOf(pointer).line, text);
        // Substituting before parsing keeps placeholders outside JSON strings working; a substitution that changes a
        // line's length shifts the columns after it on that line (the line stays right).
        text = applySubstitutions(text, m_substitutions);

        const SourcePos anchor = m_templ.positionOf(pointer);
        JsonReadResult parsed = readJson(text, m_templ.file, JsonReadOptions { false, false, false, 512 });
        // Positions inside the string: mapped into the template for a YAML block scalar; otherwise (a JSON string
        // with escapes, a Fn::Join) every position is the DefinitionString's own.
        auto mapPos = [&](SourcePos pos) -> SourcePos {
            if (origin && pos.isValid())
                return { origin->indicatorLine + pos.line, pos.column + origin->indent };
            return anchor;
        };
        for (Diagnostic d : parsed.diagnostics) {
            if (!origin && d.pos.isValid())
                d.message += QStringLiteral(" (line %1, column %2 of the DefinitionString)").arg(d.pos.line).arg(d.pos.column);
            if (d.pointer.isEmpty())
                d.message = QStringLiteral("in DefinitionString: ") + d.message;
            d.pos = mapPos(d.pos);
            d.file = m_templ.file;
            m_loaded.diagnostics.append(d);
        }
        if (!parsed.document)
            return;
        parsed.document->positions.transform(mapPos);
        m_loaded.definition = std::move(parsed.document);
    }

    // A path relative to the template's folder; when only the case differs (a template written on macOS or
    // Windows), the match is used with a warning.
    std::optional<QString> resolveLocalPath(const QString& uri, const std::string& pointer)
    {
        const QDir base = QFileInfo(m_templ.file).absoluteDir();
        const QString exact = QDir::cleanPath(base.filePath(uri));
        if (QFileInfo(exact).isFile())
            return exact;
        QDir dir = base;
        const QStringList parts = QDir::cleanPath(uri).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        QString path;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString& part = parts[i];
            QString found;
            if (part == QLatin1String(".") || part == QLatin1String("..")) {
                found = part;
            } else {
                const QStringList entries = dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
                for (const QString& entry : entries) {
                    if (entry.compare(part, Qt::CaseInsensitive) == 0) {
                        found = entry;
                        break;
                    }
                }
            }
            if (found.isEmpty())
                return std::nullopt;
            path = dir.filePath(found);
            if (i + 1 < parts.size() && !dir.cd(found))
                return std::nullopt;
        }
        if (!QFileInfo(path).isFile())
            return std::nullopt;
        path = QDir::cleanPath(path);
        diagnostic(Severity::Warning,
            QStringLiteral("DefinitionUri \"%1\" does not exist with that exact case; using %2")
                .arg(uri, base.relativeFilePath(path)),
            pointer);
        return path;
    }

    void loadDefinitionUri(const Json& value, const QString& id)
    {
        const std::string pointer = m_base + "/DefinitionUri";
        if (value.is_object() || (value.is_string() && value.get_ref<const std::string&>().rfind("s3://", 0) == 0)) {
            error(QStringLiteral("state machine %1 keeps its definition in S3 (DefinitionUri), which is not available "
                                 "locally: open the definition file itself")
                      .arg(id),
                pointer);
            return;
        }
        if (!value.is_string()) {
            error(QStringLiteral("state machine %1: DefinitionUri must be a file path").arg(id), pointer);
            return;
        }
        const QString uri = toQString(value.get<std::string>());
        const std::optional<QString> path = resolveLocalPath(uri, pointer);
        if (!path) {
            error(QStringLiteral("state machine %1: DefinitionUri \"%2\" not found next to the template").arg(id, uri),
                pointer);
            return;
        }
        QFile file(*path);
        if (!file.open(QIODevice::ReadOnly)) {
            error(QStringLiteral("state machine %1: cannot read %2: %3").arg(id, *path, file.errorString()), pointer);
            return;
        }
        const QByteArray data = file.readAll();
        ParsedDocument parsed = readDocument(std::string_view(data.constData(), static_cast<std::size_t>(data.size())), *path);
        m_loaded.diagnostics += parsed.diagnostics;
        if (!parsed.document)
            return;
        resolveIntrinsics(parsed.document->root, m_substitutions);
        m_loaded.definition = std::move(parsed.document);
    }

    const SourceDocument& m_templ;
    std::string_view m_text;
    LoadedDefinition& m_loaded;
    std::string m_base;
    std::string m_definitionPointer; ///< the inline Definition's pointer in the template, if that is the source
    Substitutions m_substitutions;
};

} // namespace

bool looksLikeTemplate(const Json& root)
{
    if (!root.is_object() || root.contains("StartAt") || root.contains("States"))
        return false;
    return root.contains("Resources") || root.contains("AWSTemplateFormatVersion") || root.contains("Transform");
}

void loadTemplateDefinition(const SourceDocument& templ, std::string_view templateText, const LoadOptions& options,
    LoadedDefinition& loaded)
{
    Diagnostics findings = std::move(loaded.diagnostics);
    loaded.diagnostics.clear();
    TemplateLoader loader(templ, templateText, loaded);
    loader.load(options);
    loader.placeTemplateFindings(findings);
    loaded.diagnostics = findings + loaded.diagnostics;
}

} // namespace Stepscope
