#include "jsonpath.h"

#include <QRegularExpression>

#include <cctype>
#include <cmath>

namespace Stepscope::Dataflow {

// A filter expression `?(...)`: comparisons of operands (@-relative paths, $-paths, literals) joined by && || !.
struct FilterNode {
    enum class Kind { Or, And, Not, Compare, Exists, Literal };
    Kind kind = Kind::Literal;
    std::string op; ///< Compare: == != < <= > >= =~
    std::vector<std::shared_ptr<const FilterNode>> children;
    // Operand (Exists, Compare sides are held as children of kind Literal / Exists):
    bool relative = false; ///< @-path (else $-path, when path is set)
    std::optional<JsonPath> path;
    Json literal;
};

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool isNameStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

[[noreturn]] void syntax(std::string_view text, const QString& problem)
{
    throw runtimeError(QStringLiteral("Invalid path '%1' : %2").arg(qs(text), problem));
}

class PathParser {
public:
    PathParser(std::string_view text, size_t pos)
        : m_s(text)
        , m_i(pos)
    {
    }

    // Reads segments until the end, or (inFilter) until a character that cannot continue a path.
    std::vector<PathSegment> segments(bool inFilter)
    {
        std::vector<PathSegment> result;
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (c == '.') {
                PathSegment segment;
                if (m_i + 1 < m_s.size() && m_s[m_i + 1] == '.') {
                    segment.descendant = true;
                    m_i += 2;
                    if (m_i < m_s.size() && m_s[m_i] == '[') {
                        bracket(segment);
                        result.push_back(std::move(segment));
                        continue;
                    }
                } else {
                    ++m_i;
                    if (m_i < m_s.size() && m_s[m_i] == '[') {
                        bracket(segment);
                        result.push_back(std::move(segment));
                        continue;
                    }
                }
                const size_t start = m_i;
                while (m_i < m_s.size() && m_s[m_i] != '.' && m_s[m_i] != '[') {
                    if (inFilter && !isNameChar(m_s[m_i]) && m_s[m_i] != '*' && m_s[m_i] != '-')
                        break;
                    ++m_i;
                }
                const std::string_view name = m_s.substr(start, m_i - start);
                if (name.empty())
                    syntax(m_s, QStringLiteral("a \".\" must be followed by a field name"));
                if (name == "*") {
                    segment.kind = PathSegment::Kind::Wildcard;
                } else {
                    segment.kind = PathSegment::Kind::Child;
                    segment.name = std::string(name);
                }
                result.push_back(std::move(segment));
            } else if (c == '[') {
                PathSegment segment;
                bracket(segment);
                result.push_back(std::move(segment));
            } else if (inFilter) {
                break;
            } else {
                syntax(m_s, QStringLiteral("unexpected \"%1\" at position %2").arg(QChar::fromLatin1(c)).arg(m_i + 1));
            }
        }
        return result;
    }

    size_t position() const { return m_i; }

private:
    void skipSpace()
    {
        while (m_i < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[m_i])))
            ++m_i;
    }

    std::string quoted()
    {
        const char quote = m_s[m_i++];
        std::string out;
        while (m_i < m_s.size() && m_s[m_i] != quote) {
            if (m_s[m_i] == '\\' && m_i + 1 < m_s.size())
                ++m_i;
            out.push_back(m_s[m_i++]);
        }
        if (m_i >= m_s.size())
            syntax(m_s, QStringLiteral("unterminated quoted name"));
        ++m_i;
        return out;
    }

    std::optional<long long> integer()
    {
        skipSpace();
        const size_t start = m_i;
        if (m_i < m_s.size() && (m_s[m_i] == '-' || m_s[m_i] == '+'))
            ++m_i;
        while (m_i < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_i])))
            ++m_i;
        if (m_i == start)
            return std::nullopt;
        const std::string digits(m_s.substr(start, m_i - start));
        if (digits == "-" || digits == "+")
            syntax(m_s, QStringLiteral("\"%1\" is not a number").arg(qs(digits)));
        skipSpace();
        return std::stoll(digits);
    }

    void bracket(PathSegment& segment)
    {
        ++m_i; // '['
        skipSpace();
        if (m_i >= m_s.size())
            syntax(m_s, QStringLiteral("unbalanced \"[\" in the path"));
        const char c = m_s[m_i];
        if (c == '*') {
            ++m_i;
            segment.kind = PathSegment::Kind::Wildcard;
        } else if (c == '\'' || c == '"') {
            std::vector<std::string> names { quoted() };
            skipSpace();
            while (m_i < m_s.size() && m_s[m_i] == ',') {
                ++m_i;
                skipSpace();
                if (m_i >= m_s.size() || (m_s[m_i] != '\'' && m_s[m_i] != '"'))
                    syntax(m_s, QStringLiteral("expected a quoted name after \",\""));
                names.push_back(quoted());
                skipSpace();
            }
            if (names.size() == 1) {
                segment.kind = PathSegment::Kind::Child;
                segment.name = names.front();
            } else {
                segment.kind = PathSegment::Kind::Names;
                segment.names = std::move(names);
            }
        } else if (c == '?') {
            ++m_i;
            skipSpace();
            if (m_i >= m_s.size() || m_s[m_i] != '(')
                syntax(m_s, QStringLiteral("a filter is written [?(expression)]"));
            segment.kind = PathSegment::Kind::Filter;
            segment.filter = filterExpression();
        } else if (c == '(') {
            syntax(m_s, QStringLiteral("script expressions [(...)] are not supported"));
        } else {
            const std::optional<long long> first = integer();
            if (m_i < m_s.size() && m_s[m_i] == ':') {
                segment.kind = PathSegment::Kind::Slice;
                segment.start = first;
                ++m_i;
                segment.end = integer();
                if (m_i < m_s.size() && m_s[m_i] == ':') {
                    ++m_i;
                    segment.step = integer();
                    if (segment.step && *segment.step == 0)
                        syntax(m_s, QStringLiteral("a slice step cannot be 0"));
                }
            } else if (!first) {
                syntax(m_s, QStringLiteral("unexpected \"%1\" inside [ ]").arg(QChar::fromLatin1(c)));
            } else if (m_i < m_s.size() && m_s[m_i] == ',') {
                segment.kind = PathSegment::Kind::Indexes;
                segment.indexes.push_back(*first);
                while (m_i < m_s.size() && m_s[m_i] == ',') {
                    ++m_i;
                    const std::optional<long long> next = integer();
                    if (!next)
                        syntax(m_s, QStringLiteral("expected an index after \",\""));
                    segment.indexes.push_back(*next);
                }
            } else {
                segment.kind = PathSegment::Kind::Index;
                segment.index = *first;
            }
        }
        skipSpace();
        if (m_i >= m_s.size() || m_s[m_i] != ']')
            syntax(m_s, QStringLiteral("unbalanced \"[\" in the path"));
        ++m_i;
    }

    // --- filters ---------------------------------------------------------------------------------------------
    std::shared_ptr<const FilterNode> filterExpression()
    {
        ++m_i; // '('
        auto node = orExpression();
        skipSpace();
        if (m_i >= m_s.size() || m_s[m_i] != ')')
            syntax(m_s, QStringLiteral("unbalanced \"(\" in a filter"));
        ++m_i;
        return node;
    }

    bool take(std::string_view token)
    {
        skipSpace();
        if (m_s.substr(m_i, token.size()) == token) {
            m_i += token.size();
            return true;
        }
        return false;
    }

    std::shared_ptr<const FilterNode> orExpression()
    {
        auto left = andExpression();
        while (take("||")) {
            auto node = std::make_shared<FilterNode>();
            node->kind = FilterNode::Kind::Or;
            node->children = { left, andExpression() };
            left = node;
        }
        return left;
    }

    std::shared_ptr<const FilterNode> andExpression()
    {
        auto left = unary();
        while (take("&&")) {
            auto node = std::make_shared<FilterNode>();
            node->kind = FilterNode::Kind::And;
            node->children = { left, unary() };
            left = node;
        }
        return left;
    }

    std::shared_ptr<const FilterNode> unary()
    {
        skipSpace();
        if (m_i < m_s.size() && m_s[m_i] == '!' && m_s.substr(m_i, 2) != "!=") {
            ++m_i;
            auto node = std::make_shared<FilterNode>();
            node->kind = FilterNode::Kind::Not;
            node->children = { unary() };
            return node;
        }
        if (m_i < m_s.size() && m_s[m_i] == '(') {
            ++m_i;
            auto inner = orExpression();
            if (!take(")"))
                syntax(m_s, QStringLiteral("unbalanced \"(\" in a filter"));
            return inner;
        }
        auto left = operand();
        for (const std::string_view op : { "==", "!=", "<=", ">=", "=~", "<", ">" }) {
            if (take(op)) {
                auto node = std::make_shared<FilterNode>();
                node->kind = FilterNode::Kind::Compare;
                node->op = std::string(op);
                node->children = { left, op == "=~" ? regexOperand() : operand() };
                return node;
            }
        }
        if (!left->path)
            return left;
        auto exists = std::make_shared<FilterNode>(*left);
        exists->kind = FilterNode::Kind::Exists;
        return exists;
    }

    std::shared_ptr<const FilterNode> regexOperand()
    {
        skipSpace();
        auto node = std::make_shared<FilterNode>();
        node->kind = FilterNode::Kind::Literal;
        if (m_i < m_s.size() && m_s[m_i] == '/') {
            const size_t start = ++m_i;
            while (m_i < m_s.size() && m_s[m_i] != '/') {
                if (m_s[m_i] == '\\')
                    ++m_i;
                ++m_i;
            }
            if (m_i >= m_s.size())
                syntax(m_s, QStringLiteral("unterminated regular expression"));
            std::string pattern(m_s.substr(start, m_i - start));
            ++m_i;
            bool ignoreCase = false;
            while (m_i < m_s.size() && std::isalpha(static_cast<unsigned char>(m_s[m_i])))
                ignoreCase = ignoreCase || m_s[m_i++] == 'i';
            node->literal = Json { { "regex", pattern }, { "i", ignoreCase } };
            return node;
        }
        syntax(m_s, QStringLiteral("=~ must be followed by /regular expression/"));
    }

    std::shared_ptr<const FilterNode> operand()
    {
        skipSpace();
        auto node = std::make_shared<FilterNode>();
        node->kind = FilterNode::Kind::Literal;
        if (m_i >= m_s.size())
            syntax(m_s, QStringLiteral("unexpected end of a filter"));
        const char c = m_s[m_i];
        if (c == '@' || c == '$') {
            const size_t start = m_i;
            ++m_i;
            if (c == '$' && m_i < m_s.size() && m_s[m_i] == '$')
                ++m_i;
            PathParser inner(m_s, m_i);
            std::vector<PathSegment> segments = inner.segments(true);
            m_i = inner.position();
            // Reuse JsonPath for evaluation: build it from the text between start and here.
            std::string text(m_s.substr(start, m_i - start));
            if (c == '@')
                text[0] = '$';
            node->path = JsonPath::parse(text);
            node->relative = c == '@';
            return node;
        }
        if (c == '\'' || c == '"') {
            node->literal = quoted();
            return node;
        }
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
            const size_t start = m_i;
            ++m_i;
            while (m_i < m_s.size()
                && (std::isdigit(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '.' || m_s[m_i] == 'e'
                    || m_s[m_i] == 'E'))
                ++m_i;
            try {
                node->literal = Json::parse(m_s.substr(start, m_i - start));
            } catch (const std::exception&) {
                syntax(m_s, QStringLiteral("\"%1\" is not a number").arg(qs(m_s.substr(start, m_i - start))));
            }
            return node;
        }
        for (const auto& [word, value] :
            { std::pair<std::string_view, Json> { "true", true }, { "false", false }, { "null", nullptr } }) {
            if (m_s.substr(m_i, word.size()) == word) {
                m_i += word.size();
                node->literal = value;
                return node;
            }
        }
        syntax(m_s, QStringLiteral("unexpected \"%1\" in a filter").arg(QChar::fromLatin1(c)));
    }

    std::string_view m_s;
    size_t m_i;
};

std::string quoteName(const std::string& name)
{
    std::string out = "['";
    for (char c : name) {
        if (c == '\'' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    out += "']";
    return out;
}

long long normalizeIndex(long long index, size_t size)
{
    return index < 0 ? index + static_cast<long long>(size) : index;
}

bool filterMatches(const FilterNode& node, const Json& item, const PathScope& scope);

// The value of a filter operand; nullopt when a path finds nothing.
std::optional<Json> operandValue(const FilterNode& node, const Json& item, const PathScope& scope)
{
    if (!node.path)
        return node.literal;
    PathScope inner = scope;
    if (node.relative)
        inner.input = &item;
    return node.path->find(inner);
}

int compareValues(const Json& a, const Json& b, bool& comparable)
{
    comparable = true;
    if (a.is_number() && b.is_number()) {
        const double x = a.get<double>(), y = b.get<double>();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a.is_string() && b.is_string()) {
        const int c = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    comparable = false;
    return 0;
}

bool filterMatches(const FilterNode& node, const Json& item, const PathScope& scope)
{
    switch (node.kind) {
    case FilterNode::Kind::Or:
        return filterMatches(*node.children[0], item, scope) || filterMatches(*node.children[1], item, scope);
    case FilterNode::Kind::And:
        return filterMatches(*node.children[0], item, scope) && filterMatches(*node.children[1], item, scope);
    case FilterNode::Kind::Not:
        return !filterMatches(*node.children[0], item, scope);
    case FilterNode::Kind::Exists:
        return operandValue(node, item, scope).has_value();
    case FilterNode::Kind::Literal:
        return node.literal.is_boolean() && node.literal.get<bool>();
    case FilterNode::Kind::Compare: {
        const std::optional<Json> left = operandValue(*node.children[0], item, scope);
        if (node.op == "=~") {
            if (!left || !left->is_string())
                return false;
            const Json& re = node.children[1]->literal;
            QRegularExpression regex(QString::fromStdString(re["regex"].get<std::string>()),
                re["i"].get<bool>() ? QRegularExpression::CaseInsensitiveOption : QRegularExpression::NoPatternOption);
            return regex.match(QString::fromStdString(left->get<std::string>())).hasMatch();
        }
        const std::optional<Json> right = operandValue(*node.children[1], item, scope);
        if (!left || !right)
            return node.op == "!=" && (left.has_value() != right.has_value());
        if (node.op == "==")
            return jsonEquals(*left, *right);
        if (node.op == "!=")
            return !jsonEquals(*left, *right);
        bool comparable = false;
        const int c = compareValues(*left, *right, comparable);
        if (!comparable)
            return false;
        if (node.op == "<")
            return c < 0;
        if (node.op == "<=")
            return c <= 0;
        if (node.op == ">")
            return c > 0;
        return c >= 0;
    }
    }
    return false;
}

void applySegment(
    const PathSegment& segment, const PathMatch& from, const PathScope& scope, std::vector<PathMatch>& out);

// The segment applied to `from` itself (not its descendants).
void applyHere(const PathSegment& segment, const PathMatch& from, const PathScope& scope, std::vector<PathMatch>& out)
{
    const Json& v = *from.value;
    switch (segment.kind) {
    case PathSegment::Kind::Child:
        if (v.is_object()) {
            const auto it = v.find(segment.name);
            if (it != v.end())
                out.push_back({ from.location + quoteName(segment.name), &*it });
        }
        break;
    case PathSegment::Kind::Names:
        if (v.is_object()) {
            for (const std::string& name : segment.names) {
                const auto it = v.find(name);
                if (it != v.end())
                    out.push_back({ from.location + quoteName(name), &*it });
            }
        }
        break;
    case PathSegment::Kind::Index:
    case PathSegment::Kind::Indexes:
        if (v.is_array()) {
            const std::vector<long long> indexes
                = segment.kind == PathSegment::Kind::Index ? std::vector<long long> { segment.index } : segment.indexes;
            for (const long long raw : indexes) {
                const long long i = normalizeIndex(raw, v.size());
                if (i >= 0 && i < static_cast<long long>(v.size()))
                    out.push_back({ from.location + "[" + std::to_string(i) + "]", &v[size_t(i)] });
            }
        }
        break;
    case PathSegment::Kind::Wildcard:
        if (v.is_object()) {
            for (auto it = v.begin(); it != v.end(); ++it)
                out.push_back({ from.location + quoteName(it.key()), &*it });
        } else if (v.is_array()) {
            for (size_t i = 0; i < v.size(); ++i)
                out.push_back({ from.location + "[" + std::to_string(i) + "]", &v[i] });
        }
        break;
    case PathSegment::Kind::Slice:
        if (v.is_array()) {
            const long long n = static_cast<long long>(v.size());
            const long long step = segment.step.value_or(1);
            long long start = segment.start ? normalizeIndex(*segment.start, v.size()) : (step > 0 ? 0 : n - 1);
            long long end = segment.end ? normalizeIndex(*segment.end, v.size()) : (step > 0 ? n : -n - 1);
            if (step > 0) {
                start = std::clamp(start, 0LL, n);
                end = std::clamp(end, 0LL, n);
                for (long long i = start; i < end; i += step)
                    out.push_back({ from.location + "[" + std::to_string(i) + "]", &v[size_t(i)] });
            } else {
                start = std::clamp(start, -1LL, n - 1);
                end = std::clamp(end, -1LL, n - 1);
                for (long long i = start; i > end; i += step)
                    out.push_back({ from.location + "[" + std::to_string(i) + "]", &v[size_t(i)] });
            }
        }
        break;
    case PathSegment::Kind::Filter:
        if (v.is_array()) {
            for (size_t i = 0; i < v.size(); ++i) {
                if (filterMatches(*segment.filter, v[i], scope))
                    out.push_back({ from.location + "[" + std::to_string(i) + "]", &v[i] });
            }
        } else if (v.is_object() && !segment.descendant) {
            if (filterMatches(*segment.filter, v, scope))
                out.push_back(from);
        }
        break;
    }
}

void descend(const PathSegment& segment, const PathMatch& from, const PathScope& scope, std::vector<PathMatch>& out)
{
    applyHere(segment, from, scope, out);
    const Json& v = *from.value;
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            descend(segment, { from.location + quoteName(it.key()), &*it }, scope, out);
    } else if (v.is_array()) {
        for (size_t i = 0; i < v.size(); ++i)
            descend(segment, { from.location + "[" + std::to_string(i) + "]", &v[i] }, scope, out);
    }
}

void applySegment(
    const PathSegment& segment, const PathMatch& from, const PathScope& scope, std::vector<PathMatch>& out)
{
    if (segment.descendant)
        descend(segment, from, scope, out);
    else
        applyHere(segment, from, scope, out);
}

} // namespace

JsonPath JsonPath::parse(std::string_view text)
{
    JsonPath path;
    path.m_text = std::string(text);
    if (text.empty() || text[0] != '$')
        syntax(text, QStringLiteral("a path must start with \"$\""));
    size_t i = 1;
    if (i < text.size() && text[i] == '$') {
        path.m_root = Root::Context;
        ++i;
    } else if (i < text.size() && isNameStart(text[i])) {
        path.m_root = Root::Variable;
        const size_t start = i;
        while (i < text.size() && isNameChar(text[i]))
            ++i;
        path.m_variable = std::string(text.substr(start, i - start));
    }
    PathParser parser(text, i);
    path.m_segments = parser.segments(false);
    return path;
}

std::optional<JsonPath> JsonPath::tryParse(std::string_view text, QString* problem)
{
    try {
        return parse(text);
    } catch (const DataflowError& e) {
        if (problem)
            *problem = e.cause;
        return std::nullopt;
    }
}

bool JsonPath::isDefinite() const
{
    for (const PathSegment& s : m_segments) {
        if (s.descendant || (s.kind != PathSegment::Kind::Child && s.kind != PathSegment::Kind::Index))
            return false;
    }
    return true;
}

bool JsonPath::isReferencePath() const
{
    return m_root == Root::Input && isDefinite();
}

std::string JsonPath::normalized() const
{
    std::string out = "$";
    for (const PathSegment& s : m_segments) {
        if (s.descendant)
            out += "..";
        switch (s.kind) {
        case PathSegment::Kind::Child:
            out += quoteName(s.name);
            break;
        case PathSegment::Kind::Index:
            out += "[" + std::to_string(s.index) + "]";
            break;
        case PathSegment::Kind::Wildcard:
            out += "[*]";
            break;
        case PathSegment::Kind::Names: {
            out += "[";
            for (size_t i = 0; i < s.names.size(); ++i)
                out += (i ? "," : "") + quoteName(s.names[i]).substr(1, s.names[i].size() + 2);
            out += "]";
            break;
        }
        case PathSegment::Kind::Indexes: {
            out += "[";
            for (size_t i = 0; i < s.indexes.size(); ++i)
                out += (i ? "," : "") + std::to_string(s.indexes[i]);
            out += "]";
            break;
        }
        case PathSegment::Kind::Slice:
            out += "[" + (s.start ? std::to_string(*s.start) : std::string()) + ":"
                + (s.end ? std::to_string(*s.end) : std::string()) + (s.step ? ":" + std::to_string(*s.step) : "")
                + "]";
            break;
        case PathSegment::Kind::Filter:
            out += "[?]";
            break;
        }
    }
    return out;
}

std::vector<PathMatch> JsonPath::select(const PathScope& scope) const
{
    const Json* root = nullptr;
    if (m_root == Root::Input) {
        root = scope.input;
    } else if (m_root == Root::Context) {
        root = scope.context;
        if (scope.volatileUses)
            scope.volatileUses->push_back(m_text);
    } else if (scope.variables && scope.variables->is_object()) {
        const auto it = scope.variables->find(m_variable);
        if (it != scope.variables->end())
            root = &*it;
    }
    if (!root)
        return {};
    std::vector<PathMatch> current { { "$", root } };
    for (const PathSegment& segment : m_segments) {
        std::vector<PathMatch> next;
        for (const PathMatch& m : current)
            applySegment(segment, m, scope, next);
        current = std::move(next);
        if (current.empty())
            break;
    }
    return current;
}

std::optional<Json> JsonPath::find(const PathScope& scope) const
{
    std::vector<PathMatch> matches = select(scope);
    if (isDefinite()) {
        if (matches.empty())
            return std::nullopt;
        return *matches.front().value;
    }
    Json list = Json::array();
    for (const PathMatch& m : matches)
        list.push_back(*m.value);
    return list;
}

Json JsonPath::evaluate(const PathScope& scope) const
{
    std::optional<Json> value = find(scope);
    if (value)
        return std::move(*value);
    if (m_root == Root::Variable
        && (!scope.variables || !scope.variables->is_object() || !scope.variables->contains(m_variable)))
        throw runtimeError(
            QStringLiteral("Invalid path '%1' : The variable '%2' is not defined").arg(qs(m_text), qs(m_variable)));
    // As Jayway JsonPath words it: a missing step inside the path is a "Missing property in path" up to that step;
    // a missing last step is "No results for path".
    if (isDefinite() && m_segments.size() > 1) {
        const Json* at = m_root == Root::Input ? scope.input : m_root == Root::Context ? scope.context : nullptr;
        if (m_root == Root::Variable && scope.variables && scope.variables->contains(m_variable))
            at = &(*scope.variables)[m_variable];
        std::string prefix = "$";
        for (size_t i = 0; at && i + 1 < m_segments.size(); ++i) {
            const PathSegment& s = m_segments[i];
            prefix += s.kind == PathSegment::Kind::Child ? quoteName(s.name) : "[" + std::to_string(s.index) + "]";
            const Json* next = nullptr;
            if (s.kind == PathSegment::Kind::Child && at->is_object() && at->contains(s.name))
                next = &(*at)[s.name];
            else if (s.kind == PathSegment::Kind::Index && at->is_array()) {
                const long long k = normalizeIndex(s.index, at->size());
                if (k >= 0 && k < static_cast<long long>(at->size()))
                    next = &(*at)[size_t(k)];
            }
            if (!next && s.kind == PathSegment::Kind::Child && at->is_object())
                throw runtimeError(
                    QStringLiteral("Invalid path '%1' : Missing property in path %2").arg(qs(m_text), qs(prefix)));
            at = next;
        }
    }
    throw runtimeError(QStringLiteral("Invalid path '%1' : No results for path: %2").arg(qs(m_text), qs(normalized())));
}

void JsonPath::assign(Json& target, Json value) const
{
    if (!isReferencePath())
        throw runtimeError(QStringLiteral("Invalid path '%1' : a ResultPath must be a reference path").arg(qs(m_text)));
    Json* at = &target;
    for (const PathSegment& s : m_segments) {
        if (s.kind == PathSegment::Kind::Child) {
            if (at->is_null())
                *at = Json::object();
            if (!at->is_object())
                throw runtimeError(QStringLiteral("Unable to apply ResultPath '%1' to input %2: the step '%3' is not "
                                                  "inside an object")
                                       .arg(qs(m_text), compactText(target), qs(s.name)));
            at = &(*at)[s.name];
        } else {
            if (!at->is_array())
                throw runtimeError(QStringLiteral("Unable to apply ResultPath '%1' to input %2: [%3] is not inside an "
                                                  "array")
                                       .arg(qs(m_text), compactText(target))
                                       .arg(s.index));
            const long long i = normalizeIndex(s.index, at->size());
            if (i < 0 || i >= static_cast<long long>(at->size()))
                throw runtimeError(QStringLiteral("Unable to apply ResultPath '%1' to input %2: index %3 is out of "
                                                  "range")
                                       .arg(qs(m_text), compactText(target))
                                       .arg(s.index));
            at = &(*at)[size_t(i)];
        }
    }
    *at = std::move(value);
}

Json evaluatePath(std::string_view path, const PathScope& scope)
{
    return JsonPath::parse(path).evaluate(scope);
}

// ---- helpers from dataflowerror.h ------------------------------------------------------------------------------

QString compactText(const Json& value)
{
    return QString::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

bool jsonEquals(const Json& a, const Json& b)
{
    if (a.is_number() && b.is_number()) {
        if (a.is_number_float() || b.is_number_float())
            return a.get<double>() == b.get<double>();
        if (a.is_number_unsigned() || b.is_number_unsigned())
            return a.get<long double>() == b.get<long double>();
        return a.get<long long>() == b.get<long long>();
    }
    if (a.type() != b.type())
        return false;
    if (a.is_object()) {
        if (a.size() != b.size())
            return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            const auto other = b.find(it.key());
            if (other == b.end() || !jsonEquals(*it, *other))
                return false;
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size())
            return false;
        for (size_t i = 0; i < a.size(); ++i) {
            if (!jsonEquals(a[i], b[i]))
                return false;
        }
        return true;
    }
    return a == b;
}

std::optional<Json> parseJson(const QByteArray& text, QString* problem)
{
    try {
        return Json::parse(text.constBegin(), text.constEnd());
    } catch (const std::exception& e) {
        if (problem)
            *problem = QString::fromUtf8(e.what());
        return std::nullopt;
    }
}

} // namespace Stepscope::Dataflow
