#include "yamlreader.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <regex>
#include <set>

namespace Stepscope {

namespace {

SourcePos toPos(const YAML::Mark& mark)
{
    if (mark.line < 0 || mark.column < 0)
        return {};
    return { mark.line + 1, mark.column + 1 };
}

struct Stop {
    std::string message;
    SourcePos pos;
};

// CloudFormation short forms and the long-form key each stands for.
const char* intrinsicName(const std::string& tag)
{
    static const std::pair<const char*, const char*> table[] = {
        { "!Ref", "Ref" },
        { "!Condition", "Condition" },
        { "!Sub", "Fn::Sub" },
        { "!GetAtt", "Fn::GetAtt" },
        { "!Join", "Fn::Join" },
        { "!If", "Fn::If" },
        { "!Select", "Fn::Select" },
        { "!Split", "Fn::Split" },
        { "!FindInMap", "Fn::FindInMap" },
        { "!Base64", "Fn::Base64" },
        { "!Cidr", "Fn::Cidr" },
        { "!ImportValue", "Fn::ImportValue" },
        { "!GetAZs", "Fn::GetAZs" },
        { "!Equals", "Fn::Equals" },
        { "!And", "Fn::And" },
        { "!Or", "Fn::Or" },
        { "!Not", "Fn::Not" },
        { "!Transform", "Fn::Transform" },
        { "!Length", "Fn::Length" },
        { "!ToJsonString", "Fn::ToJsonString" },
    };
    for (const auto& [shortForm, longForm] : table) {
        if (tag == shortForm)
            return longForm;
    }
    return nullptr;
}

bool isInteger(const std::string& s, Json& out)
{
    const char* begin = s.data();
    const char* end = s.data() + s.size();
    int base = 10;
    bool negative = false;
    if (begin < end && (*begin == '-' || *begin == '+')) {
        negative = *begin == '-';
        ++begin;
    }
    if (end - begin > 2 && begin[0] == '0' && (begin[1] == 'x' || begin[1] == 'o')) {
        if (negative || s[0] == '+')
            return false;
        base = begin[1] == 'x' ? 16 : 8;
        begin += 2;
    }
    if (begin == end)
        return false;
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value, base);
    if (ptr != end)
        return false;
    if (ec != std::errc())
        return false; // out of range: leave it to the float rule
    if (negative) {
        if (value > static_cast<std::uint64_t>(INT64_MAX))
            return false;
        out = -static_cast<std::int64_t>(value);
    } else if (value <= static_cast<std::uint64_t>(INT64_MAX)) {
        out = static_cast<std::int64_t>(value);
    } else {
        out = value;
    }
    return true;
}

bool isFloat(const std::string& s, Json& out)
{
    static const std::regex pattern(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
    if (s.empty() || s.size() > 64)
        return false;
    if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "-.inf" || s == ".nan" || s == ".NaN"
        || s == ".NAN")
        return false; // JSON has no infinities or NaN: keep the text
    const char c = s[0];
    if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')))
        return false;
    if (!std::regex_match(s, pattern))
        return false;
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    double value = 0;
    const auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), value);
    if (ec != std::errc() || !std::isfinite(value))
        return false;
    out = value;
    return true;
}

// YAML 1.2 core schema for untagged plain scalars.
Json resolvePlainScalar(const std::string& s)
{
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return nullptr;
    if (s == "true" || s == "True" || s == "TRUE")
        return true;
    if (s == "false" || s == "False" || s == "FALSE")
        return false;
    Json number;
    if (isInteger(s, number) || isFloat(s, number))
        return number;
    return s;
}

class YamlConverter {
public:
    YamlConverter(const YamlReadOptions& options, SourceDocument& doc, Diagnostics& diagnostics)
        : m_options(options)
        , m_positions(doc.positions)
        , m_diagnostics(diagnostics)
    {
    }

    void convertRoot(const YAML::Node& node, Json& out)
    {
        m_positions.emplace(std::string(), toPos(node.Mark()));
        convert(node, out, 0);
    }

private:
    void count(const YAML::Node& node)
    {
        if (++m_values > m_options.maxValues)
            throw Stop { "more than " + std::to_string(m_options.maxValues)
                    + " values after expanding aliases (a \"billion laughs\" document?)",
                toPos(node.Mark()) };
    }

    void convert(const YAML::Node& node, Json& out, int depth)
    {
        count(node);
        if (depth >= m_options.maxDepth)
            throw Stop { "nesting deeper than " + std::to_string(m_options.maxDepth) + " levels", toPos(node.Mark()) };
        const std::string& tag = node.Tag();
        if (const char* longForm = tag.size() > 1 && tag[0] == '!' ? intrinsicName(tag) : nullptr) {
            // !Ref X -> {"Ref": "X"}; the long-form member shares the tagged node's position.
            out = Json::object();
            const std::size_t pathLength = m_path.size();
            m_path += '/';
            m_path += escapePointerToken(longForm);
            m_positions.emplace(m_path, toPos(node.Mark()));
            Json& inner = out[longForm];
            if (tag == "!GetAtt" && node.IsScalar()) {
                // !GetAtt Resource.Attribute -> ["Resource", "Attribute"] (split at the first dot)
                const std::string& text = node.Scalar();
                const auto dot = text.find('.');
                inner = Json::array({ text.substr(0, dot), dot == std::string::npos ? "" : text.substr(dot + 1) });
            } else {
                convertUntagged(node, inner, depth + 1, true);
            }
            m_path.resize(pathLength);
            return;
        }
        if (tag.size() > 1 && tag[0] == '!' && !m_warnedTags.count(tag)) {
            m_warnedTags.insert(tag);
            m_diagnostics.append({ Severity::Warning,
                QStringLiteral("unknown YAML tag %1 ignored").arg(QString::fromStdString(tag)), {},
                toPos(node.Mark()), {} });
        }
        convertUntagged(node, out, depth, tag == "?");
    }

    void convertUntagged(const YAML::Node& node, Json& out, int depth, bool plain)
    {
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            out = nullptr;
            return;
        case YAML::NodeType::Scalar:
            if (plain || node.Tag() == "tag:yaml.org,2002:int" || node.Tag() == "tag:yaml.org,2002:float")
                out = resolvePlainScalar(node.Scalar());
            else
                out = node.Scalar();
            return;
        case YAML::NodeType::Sequence: {
            out = Json::array();
            auto& array = out.get_ref<Json::array_t&>();
            const std::size_t pathLength = m_path.size();
            for (const YAML::Node& item : node) {
                m_path += '/';
                m_path += std::to_string(array.size());
                m_positions.emplace(m_path, toPos(item.Mark()));
                array.emplace_back();
                convert(item, array.back(), depth + 1);
                m_path.resize(pathLength);
            }
            return;
        }
        case YAML::NodeType::Map: {
            out = Json::object();
            auto& object = out.get_ref<Json::object_t&>();
            const std::size_t pathLength = m_path.size();
            for (const auto& member : node) {
                const YAML::Node& key = member.first;
                if (!key.IsScalar()) {
                    m_diagnostics.append({ Severity::Error,
                        QStringLiteral("only plain text keys are supported; this member is ignored"), toQString(m_path),
                        toPos(key.Mark()), {} });
                    continue;
                }
                const std::string& name = key.Scalar();
                m_path += '/';
                m_path += escapePointerToken(name);
                bool duplicate = false;
                for (const auto& existing : object) {
                    if (existing.first == name) {
                        duplicate = true;
                        break;
                    }
                }
                if (duplicate) {
                    m_diagnostics.append({ Severity::Error,
                        QStringLiteral("duplicate key \"%1\" (the first one is kept)").arg(toQString(name)),
                        toQString(m_path), toPos(key.Mark()), {} });
                } else {
                    m_positions.emplace(m_path, toPos(key.Mark()));
                    object.emplace_back(name, Json());
                    convert(member.second, object.back().second, depth + 1);
                }
                m_path.resize(pathLength);
            }
            return;
        }
        }
    }

    const YamlReadOptions& m_options;
    std::unordered_map<std::string, SourcePos>& m_positions;
    Diagnostics& m_diagnostics;
    std::string m_path;
    std::size_t m_values = 0;
    std::set<std::string> m_warnedTags;
};

// yaml-cpp's parser recurses once per nesting level and only gives up at 2,000 levels, which is already deep
// enough to exhaust a small (thread or sanitizer) stack. Flow collections and block indentation are the only ways
// to nest, so a cheap scan bounds the depth before yaml-cpp sees the text.
std::optional<Stop> checkNesting(std::string_view text, int maxDepth)
{
    int flow = 0;
    int line = 0;
    std::size_t lineStart = 0;
    bool inLineIndent = true;
    int indent = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
            inLineIndent = true;
            indent = 0;
            if (quote == 0)
                continue;
        }
        if (quote != 0) {
            if (c == quote)
                quote = 0;
            else if (c == '\\' && quote == '"')
                ++i;
            continue;
        }
        if (inLineIndent) {
            // "- - - x" nests as deeply as indentation does.
            const bool indicator = (c == '-' || c == '?')
                && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n');
            if (c == ' ' || c == '\t' || indicator) {
                ++indent;
                if (indent / 2 > maxDepth)
                    return Stop { "nesting deeper than " + std::to_string(maxDepth) + " levels",
                        SourcePos { line + 1, static_cast<int>(i - lineStart) + 1 } };
                continue;
            }
            inLineIndent = false;
        }
        if (c == '#' && (i == lineStart || text[i - 1] == ' ' || text[i - 1] == '\t')) {
            while (i + 1 < text.size() && text[i + 1] != '\n')
                ++i;
        } else if (c == '"' || c == '\'') {
            // Only a quote that starts a scalar opens a quoted string; "it's" inside plain text does not.
            if (i == lineStart || std::string_view(" \t[{,:-").find(text[i - 1]) != std::string_view::npos)
                quote = c;
        } else if (c == '[' || c == '{') {
            if (++flow > maxDepth)
                return Stop { "nesting deeper than " + std::to_string(maxDepth) + " levels",
                    SourcePos { line + 1, static_cast<int>(i - lineStart) + 1 } };
        } else if ((c == ']' || c == '}') && flow > 0) {
            --flow;
        }
    }
    return std::nullopt;
}

} // namespace

YamlReadResult readYaml(std::string_view text, const QString& file, const YamlReadOptions& options)
{
    YamlReadResult result;
    auto fail = [&](const std::string& message, SourcePos pos) {
        result.diagnostics.prepend({ Severity::Error, QString::fromStdString(message), {}, pos, file });
    };
    if (const auto tooDeep = checkNesting(text, options.maxDepth)) {
        fail(tooDeep->message, tooDeep->pos);
        return result;
    }
    SourceDocument doc;
    doc.file = file;
    try {
        const YAML::Node root = YAML::Load(std::string(text));
        if (!root.IsDefined() || root.IsNull()) {
            fail("the file is empty", {});
            return result;
        }
        YamlConverter converter(options, doc, result.diagnostics);
        converter.convertRoot(root, doc.root);
    } catch (const Stop& stop) {
        fail(stop.message, stop.pos);
        return result;
    } catch (const YAML::Exception& e) {
        fail("YAML syntax error: " + e.msg, toPos(e.mark));
        return result;
    } catch (const std::exception& e) {
        fail(std::string("YAML could not be read: ") + e.what(), {});
        return result;
    }
    for (Diagnostic& d : result.diagnostics)
        d.file = file;
    result.document = std::move(doc);
    return result;
}

} // namespace Stepscope
