#include "yamlreader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <deque>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>

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

// YAML 1.2 core schema float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool matchesCoreFloat(std::string_view s)
{
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        return i - start;
    };
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (digits() == 0)
            return false;
    } else {
        if (digits() == 0)
            return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            digits();
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == s.size();
}

bool isFloat(const std::string& s, Json& out)
{
    if (s.empty() || s.size() > 64)
        return false;
    if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "-.inf" || s == ".nan" || s == ".NaN"
        || s == ".NAN")
        return false; // JSON has no infinities or NaN: keep the text
    const char c = s[0];
    if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')))
        return false;
    if (!matchesCoreFloat(s))
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

// Builds the JSON document straight from yaml-cpp's parser events: much faster than walking YAML::Node trees, and
// an alias costs its anchor's known size up front, so a "billion laughs" document is rejected before it is expanded.
class YamlBuilder : public YAML::EventHandler {
public:
    YamlBuilder(const YamlReadOptions& options, SourceDocument& doc, Diagnostics& diagnostics)
        : m_options(options)
        , m_doc(doc)
        , m_diagnostics(diagnostics)
    {
    }

    [[nodiscard]] bool hasRoot() const { return m_hasRoot; }

    void OnDocumentStart(const YAML::Mark&) override { }
    void OnDocumentEnd() override { }

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        if (isKey(mark, nullptr))
            return;
        Json& slot = beginValue(mark, "?");
        slot = nullptr;
        endScalar(anchor, slot, 1);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            throw Stop { "alias to an unknown anchor", toPos(mark) };
        if (isKey(mark, it->second.value.is_string() ? &it->second.value.get_ref<const std::string&>() : nullptr))
            return;
        count(it->second.size, mark);
        Json& slot = beginValue(mark, "?");
        slot = it->second.value;
        endScalar(0, slot, 0);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
        const std::string& value) override
    {
        if (isKey(mark, &value))
            return;
        Json& slot = beginValue(mark, tag);
        if (tag == "!GetAtt") {
            // !GetAtt Resource.Attribute -> ["Resource", "Attribute"] (split at the first dot)
            const auto dot = value.find('.');
            slot = Json::array({ value.substr(0, dot), dot == std::string::npos ? "" : value.substr(dot + 1) });
        } else if (tag == "?" || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float"
            || tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
            slot = resolvePlainScalar(value);
        } else {
            slot = value; // quoted ("!"), !!str, and the arguments of short-form functions (`!GetAZs ''`)
        }
        endScalar(anchor, slot, 1);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
        YAML::EmitterStyle::value) override
    {
        if (isKey(mark, nullptr))
            return;
        Json& slot = beginValue(mark, tag);
        slot = Json::array();
        pushFrame(slot, false, anchor, mark);
    }

    void OnSequenceEnd() override { popFrame(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
        YAML::EmitterStyle::value) override
    {
        if (isKey(mark, nullptr))
            return;
        Json& slot = beginValue(mark, tag);
        slot = Json::object();
        pushFrame(slot, true, anchor, mark);
    }

    void OnMapEnd() override { popFrame(); }

private:
    struct Frame {
        Json* container;
        bool isMap;
        bool expectKey;
        std::string key;
        SourcePos keyPos;
        std::size_t pathLength; // m_path before this container's own member segment
        YAML::anchor_t anchor;
        std::size_t valuesAtStart;
    };
    struct Anchored {
        Json value;
        std::size_t size;
    };

    void count(std::size_t values, const YAML::Mark& mark)
    {
        m_values += values;
        if (m_values > m_options.maxValues)
            throw Stop { "more than " + std::to_string(m_options.maxValues)
                    + " values after expanding aliases (a \"billion laughs\" document?)",
                toPos(mark) };
    }

    // In a mapping, every other event is a key: only plain text keys are supported.
    bool isKey(const YAML::Mark& mark, const std::string* text)
    {
        if (m_frames.empty() || !m_frames.back().isMap || !m_frames.back().expectKey)
            return false;
        if (!text)
            throw Stop { "only text keys are supported in a definition", toPos(mark) };
        Frame& frame = m_frames.back();
        frame.key = *text;
        frame.keyPos = toPos(mark);
        frame.expectKey = false;
        return true;
    }

    // The slot the next value goes into, with its pointer pushed on m_path and its position recorded.
    Json& beginValue(const YAML::Mark& mark, const std::string& tag)
    {
        count(1, mark);
        if (m_frames.size() >= static_cast<std::size_t>(m_options.maxDepth))
            throw Stop { "nesting deeper than " + std::to_string(m_options.maxDepth) + " levels", toPos(mark) };
        m_valuePathLength = m_path.size();
        Json* slot = nullptr;
        if (m_frames.empty()) {
            m_hasRoot = true;
            m_doc.positions.insert({}, toPos(mark));
            slot = &m_doc.root;
        } else if (!m_frames.back().isMap) {
            auto& array = m_frames.back().container->get_ref<Json::array_t&>();
            m_path += '/';
            m_path += std::to_string(array.size());
            m_doc.positions.insert(m_path, toPos(mark));
            slot = &array.emplace_back();
        } else {
            Frame& frame = m_frames.back();
            auto& object = frame.container->get_ref<Json::object_t&>();
            m_path += '/';
            m_path += escapePointerToken(frame.key);
            frame.expectKey = true;
            bool duplicate = false;
            for (const auto& member : object) {
                if (member.first == frame.key) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) {
                m_diagnostics.append({ Severity::Error,
                    QStringLiteral("duplicate key \"%1\" (the first one is kept)").arg(toQString(frame.key)),
                    toQString(m_path), frame.keyPos, {} });
                slot = &m_discarded.emplace_back(); // read, then dropped; a deque keeps the pointer valid
            } else {
                m_doc.positions.insert(m_path, frame.keyPos);
                slot = &object.emplace_back(frame.key, Json()).second;
            }
        }
        if (tag.size() > 1 && tag[0] == '!') {
            if (const char* longForm = intrinsicName(tag)) {
                // !Ref X -> {"Ref": "X"}: the long-form member shares the tagged value's position.
                *slot = Json::object();
                m_path += '/';
                m_path += escapePointerToken(longForm);
                m_doc.positions.insert(m_path, toPos(mark));
                slot = &slot->get_ref<Json::object_t&>().emplace_back(longForm, Json()).second;
            } else if (m_warnedTags.insert(tag).second) {
                m_diagnostics.append({ Severity::Warning,
                    QStringLiteral("unknown YAML tag %1 ignored").arg(toQString(tag)), {}, toPos(mark), {} });
            }
        }
        return *slot;
    }

    void endScalar(YAML::anchor_t anchor, const Json& value, std::size_t size)
    {
        if (anchor != 0)
            m_anchors[anchor] = Anchored { value, size };
        m_path.resize(m_valuePathLength);
    }

    void pushFrame(Json& container, bool isMap, YAML::anchor_t anchor, const YAML::Mark&)
    {
        m_frames.push_back({ &container, isMap, true, {}, {}, m_valuePathLength, anchor, m_values });
    }

    void popFrame()
    {
        Frame frame = std::move(m_frames.back());
        m_frames.pop_back();
        if (frame.anchor != 0)
            m_anchors[frame.anchor] = Anchored { *frame.container, m_values - frame.valuesAtStart + 1 };
        m_path.resize(frame.pathLength);
    }

    const YamlReadOptions& m_options;
    SourceDocument& m_doc;
    Diagnostics& m_diagnostics;
    std::vector<Frame> m_frames;
    std::unordered_map<YAML::anchor_t, Anchored> m_anchors;
    std::string m_path;
    std::size_t m_valuePathLength = 0;
    std::size_t m_values = 0;
    bool m_hasRoot = false;
    std::deque<Json> m_discarded;
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
        std::istringstream stream { std::string(text) };
        YAML::Parser parser(stream);
        YamlBuilder builder(options, doc, result.diagnostics);
        parser.HandleNextDocument(builder);
        if (!builder.hasRoot() || doc.root.is_null()) {
            fail("the file is empty", {});
            return result;
        }
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
    doc.positions.buildIndex();
    result.document = std::move(doc);
    return result;
}

} // namespace Stepscope
