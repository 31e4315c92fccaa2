#include "documentreader.h"

#include "jsonreader.h"
#include "yamlreader.h"

namespace Stepscope {

namespace {

// First character that is not white space, a byte order mark or a comment; sets `jsonComments` when a
// `//` or `/*` comment was skipped.
char firstSignificant(std::string_view text, bool& jsonComments)
{
    std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            jsonComments = true;
            i = text.find('\n', i);
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            jsonComments = true;
            i = text.find("*/", i + 2);
            if (i != std::string_view::npos)
                i += 2;
        } else if (c == '#') {
            i = text.find('\n', i);
        } else {
            return c;
        }
    }
    return 0;
}

bool isIdentifierChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Terraform (HCL) blocks: `resource "aws_sfn_state_machine" "x" {`, `variable "name" {`, `locals {`.
std::optional<std::size_t> terraformBlockLine(std::string_view text)
{
    static constexpr std::string_view keywords[]
        = { "resource", "data", "variable", "provider", "terraform", "module", "output", "locals" };
    std::size_t lineNumber = 1;
    for (std::size_t start = 0; start < text.size() && lineNumber <= 200; ++lineNumber) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        for (const std::string_view keyword : keywords) {
            if (line.substr(0, keyword.size()) != keyword || line.size() == keyword.size()
                || isIdentifierChar(line[keyword.size()]))
                continue;
            std::string_view rest = line.substr(keyword.size());
            // Labels are quoted strings; then the block opens.
            while (true) {
                while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
                    rest.remove_prefix(1);
                if (rest.empty() || rest.front() != '"')
                    break;
                const auto close = rest.find('"', 1);
                if (close == std::string_view::npos)
                    break;
                rest.remove_prefix(close + 1);
            }
            if (!rest.empty() && rest.front() == '{')
                return lineNumber;
        }
    }
    return std::nullopt;
}

} // namespace

SourcePos positionOfOffset(std::string_view text, std::size_t offset)
{
    SourcePos pos { 1, 1 };
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}

ParsedDocument readDocument(std::string_view text, const QString& file)
{
    ParsedDocument parsed;
    auto fail = [&](const QString& message, SourcePos pos) {
        parsed.diagnostics.append({ Severity::Error, message, {}, pos, file });
        return parsed;
    };
    bool jsonComments = false;
    const char first = firstSignificant(text, jsonComments);
    if (first == 0 && text.find('\0') == std::string_view::npos)
        return fail(QStringLiteral("the file is empty"), {});

    if (first == '{' || first == '[') {
        JsonReadResult json = readJson(text, file);
        parsed.syntax = json.usedExtensions ? DocumentSyntax::Json5 : DocumentSyntax::Json;
        parsed.document = std::move(json.document);
        parsed.diagnostics = std::move(json.diagnostics);
        return parsed;
    }

    // Not JSON: rule out what yaml-cpp would misread before handing it the text.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        return fail(QStringLiteral("NUL byte: this is a binary file, not a definition"), positionOfOffset(text, nul));
    if (const auto bad = findInvalidUtf8(text); bad != std::string_view::npos)
        return fail(QStringLiteral("invalid UTF-8"), positionOfOffset(text, bad));
    if (const auto line = terraformBlockLine(text))
        return fail(QStringLiteral("this is a Terraform file, not a state machine definition: open the definition file "
                                   "it references (often with templatefile()) or its *.asl.json"),
            { static_cast<int>(*line), 1 });

    parsed.syntax = DocumentSyntax::Yaml;
    YamlReadResult yaml = readYaml(text, file);
    parsed.document = std::move(yaml.document);
    parsed.diagnostics = std::move(yaml.diagnostics);
    return parsed;
}

} // namespace Stepscope
