#include "jsonpathcheck.h"

#include <array>
#include <cctype>

namespace Stepscope::Validation {

namespace {

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

bool isNameStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// Index just past the ']' that closes the '[' at `open`, or npos. Quotes and nested brackets / parentheses inside
/// filters and scripts are skipped.
size_t closingBracket(std::string_view s, size_t open)
{
    int depth = 0;
    char quote = 0;
    for (size_t i = open; i < s.size(); ++i) {
        const char c = s[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\'' || c == '"')
            quote = c;
        else if (c == '[' || c == '(')
            ++depth;
        else if (c == ']' || c == ')') {
            if (--depth == 0)
                return c == ']' ? i + 1 : std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

QString checkSegments(std::string_view path, size_t i, bool reference)
{
    while (i < path.size()) {
        const char c = path[i];
        if (c == '.') {
            if (i + 1 < path.size() && path[i + 1] == '.') {
                if (reference)
                    return QStringLiteral("a reference path cannot use \"..\" (descendants)");
                i += 2;
                if (i >= path.size())
                    return QStringLiteral("\"..\" must be followed by a field name");
                if (path[i] == '.')
                    return QStringLiteral("\"...\" is not valid in a path");
                if (path[i] == '[')
                    continue;
            } else {
                ++i;
                if (!reference && i < path.size() && path[i] == '[')
                    continue; // "$.[0]" and "$.[?(...)]": accepted by the service's JSONPath reader
            }
            const size_t start = i;
            while (i < path.size() && path[i] != '.' && path[i] != '[')
                ++i;
            if (i == start)
                return QStringLiteral("a \".\" must be followed by a field name");
            if (reference && path.substr(start, i - start) == "*")
                return QStringLiteral("a reference path cannot use \"*\"");
        } else if (c == '[') {
            const size_t end = closingBracket(path, i);
            if (end == std::string_view::npos)
                return QStringLiteral("unbalanced \"[\" in the path");
            const std::string_view inner = path.substr(i + 1, end - i - 2);
            if (inner.empty())
                return QStringLiteral("empty \"[]\" in the path");
            if (reference) {
                const bool quotedName = inner.size() >= 2 && inner.front() == '\'' && inner.back() == '\'';
                bool index = true;
                for (const char d : inner)
                    index = index && std::isdigit(static_cast<unsigned char>(d));
                if (!quotedName && !index)
                    return QStringLiteral("a reference path allows only [index] and ['name'] in brackets, not [%1]")
                        .arg(text(inner));
            }
            i = end;
        } else {
            return QStringLiteral("unexpected \"%1\" at position %2").arg(QChar::fromLatin1(c)).arg(i + 1);
        }
    }
    return {};
}

enum class Arg { Any, Number, String };

struct Signature {
    std::string_view name;
    int minArgs;
    int maxArgs; ///< -1: any number
    std::array<Arg, 3> kinds; ///< first arguments' kinds; the rest are Any
};

constexpr std::array signatures {
    Signature { "Format", 1, -1, { Arg::String, Arg::Any, Arg::Any } },
    Signature { "StringToJson", 1, 1, { Arg::String } },
    Signature { "JsonToString", 1, 1, {} },
    Signature { "Array", 0, -1, {} },
    Signature { "ArrayPartition", 2, 2, { Arg::Any, Arg::Number } },
    Signature { "ArrayContains", 2, 2, {} },
    Signature { "ArrayRange", 3, 3, { Arg::Number, Arg::Number, Arg::Number } },
    Signature { "ArrayGetItem", 2, 2, { Arg::Any, Arg::Number } },
    Signature { "ArrayLength", 1, 1, {} },
    Signature { "ArrayUnique", 1, 1, {} },
    Signature { "Base64Encode", 1, 1, { Arg::String } },
    Signature { "Base64Decode", 1, 1, { Arg::String } },
    Signature { "Hash", 2, 2, { Arg::Any, Arg::String } },
    Signature { "JsonMerge", 3, 3, {} },
    Signature { "MathRandom", 2, 3, { Arg::Number, Arg::Number, Arg::Number } },
    Signature { "MathAdd", 2, 2, { Arg::Number, Arg::Number } },
    Signature { "StringSplit", 2, 2, { Arg::String, Arg::String } },
    Signature { "UUID", 0, 0, {} },
};

/// Recursive-descent reader of one intrinsic call; `m_error` holds the first problem.
class IntrinsicParser {
public:
    explicit IntrinsicParser(std::string_view s)
        : m_s(s)
    {
    }

    QString run()
    {
        skipSpace();
        call(0);
        skipSpace();
        if (m_error.isEmpty() && m_i < m_s.size())
            m_error = QStringLiteral("unexpected text after the function call: \"%1\"").arg(text(m_s.substr(m_i)));
        return m_error;
    }

private:
    enum class Value { Number, String, Other, Bad };

    void skipSpace()
    {
        while (m_i < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[m_i])))
            ++m_i;
    }

    bool fail(const QString& message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

    bool call(int depth)
    {
        if (depth > 50)
            return fail(QStringLiteral("intrinsic functions nested too deeply"));
        if (m_s.substr(m_i, 7) != "States.")
            return fail(QStringLiteral("an intrinsic function starts with \"States.\""));
        m_i += 7;
        const size_t start = m_i;
        while (m_i < m_s.size() && isNameChar(m_s[m_i]))
            ++m_i;
        const std::string_view name = m_s.substr(start, m_i - start);
        const Signature* signature = nullptr;
        for (const Signature& candidate : signatures) {
            if (candidate.name == name)
                signature = &candidate;
        }
        if (!signature)
            return fail(QStringLiteral("unknown intrinsic function States.%1").arg(text(name)));
        skipSpace();
        if (m_i >= m_s.size() || m_s[m_i] != '(')
            return fail(QStringLiteral("States.%1 must be followed by \"(\"").arg(text(name)));
        ++m_i;
        int count = 0;
        skipSpace();
        if (m_i < m_s.size() && m_s[m_i] == ')') {
            ++m_i;
        } else {
            while (true) {
                skipSpace();
                const Value value = argument(depth);
                if (value == Value::Bad)
                    return false;
                const Arg kind = count < 3 ? signature->kinds[static_cast<size_t>(count)] : Arg::Any;
                if (kind == Arg::Number && value == Value::String)
                    return fail(QStringLiteral("argument %1 of States.%2 must be a number or a path, not a string")
                                    .arg(count + 1)
                                    .arg(text(name)));
                if (kind == Arg::String && value == Value::Number)
                    return fail(QStringLiteral("argument %1 of States.%2 must be a string or a path, not a number")
                                    .arg(count + 1)
                                    .arg(text(name)));
                ++count;
                skipSpace();
                if (m_i < m_s.size() && m_s[m_i] == ',') {
                    ++m_i;
                    continue;
                }
                if (m_i < m_s.size() && m_s[m_i] == ')') {
                    ++m_i;
                    break;
                }
                return fail(QStringLiteral("States.%1: expected \",\" or \")\"").arg(text(name)));
            }
        }
        if (count < signature->minArgs || (signature->maxArgs >= 0 && count > signature->maxArgs)) {
            const QString expected = signature->maxArgs < 0 ? QStringLiteral("at least %1").arg(signature->minArgs)
                : signature->minArgs == signature->maxArgs  ? QString::number(signature->minArgs)
                                                            : QStringLiteral("%1 to %2")
                                                                 .arg(signature->minArgs)
                                                                 .arg(signature->maxArgs);
            return fail(QStringLiteral("States.%1 takes %2 argument(s), not %3").arg(text(name), expected).arg(count));
        }
        return true;
    }

    Value argument(int depth)
    {
        if (m_i >= m_s.size()) {
            fail(QStringLiteral("unexpected end of the function call"));
            return Value::Bad;
        }
        const char c = m_s[m_i];
        if (c == '\'') {
            for (++m_i; m_i < m_s.size(); ++m_i) {
                if (m_s[m_i] == '\\')
                    ++m_i;
                else if (m_s[m_i] == '\'') {
                    ++m_i;
                    return Value::String;
                }
            }
            fail(QStringLiteral("unterminated string argument"));
            return Value::Bad;
        }
        if (c == '$') {
            const size_t start = m_i;
            while (m_i < m_s.size() && m_s[m_i] != ',' && m_s[m_i] != ')') {
                if (m_s[m_i] == '[') {
                    const size_t end = closingBracket(m_s, m_i);
                    if (end == std::string_view::npos) {
                        fail(QStringLiteral("unbalanced \"[\" in a path argument"));
                        return Value::Bad;
                    }
                    m_i = end;
                } else {
                    ++m_i;
                }
            }
            std::string_view path = m_s.substr(start, m_i - start);
            while (!path.empty() && std::isspace(static_cast<unsigned char>(path.back())))
                path.remove_suffix(1);
            const QString problem = checkPath(path);
            if (!problem.isEmpty()) {
                fail(QStringLiteral("path argument %1: %2").arg(text(path), problem));
                return Value::Bad;
            }
            return Value::Other;
        }
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
            const size_t start = m_i;
            ++m_i;
            while (m_i < m_s.size()
                && (std::isdigit(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '.' || m_s[m_i] == 'e'
                    || m_s[m_i] == 'E' || ((m_s[m_i] == '-' || m_s[m_i] == '+') && (m_s[m_i - 1] == 'e' || m_s[m_i - 1] == 'E'))))
                ++m_i;
            const std::string_view number = m_s.substr(start, m_i - start);
            if (number == "-" || number.back() == '.') {
                fail(QStringLiteral("\"%1\" is not a number").arg(text(number)));
                return Value::Bad;
            }
            return Value::Number;
        }
        for (const std::string_view word : { std::string_view("null"), std::string_view("true"), std::string_view("false") }) {
            if (m_s.substr(m_i, word.size()) == word && (m_i + word.size() >= m_s.size() || !isNameChar(m_s[m_i + word.size()]))) {
                m_i += word.size();
                return Value::Other;
            }
        }
        if (m_s.substr(m_i, 7) == "States.")
            return call(depth + 1) ? Value::Other : Value::Bad;
        fail(QStringLiteral("unexpected argument starting at \"%1\"").arg(text(m_s.substr(m_i, 20))));
        return Value::Bad;
    }

    std::string_view m_s;
    size_t m_i = 0;
    QString m_error;
};

} // namespace

QString checkPath(std::string_view path)
{
    if (path.empty() || path[0] != '$')
        return QStringLiteral("a path must start with \"$\" (input), \"$$\" (context) or \"$name\" (variable)");
    size_t i = 1;
    if (i < path.size() && path[i] == '$') {
        ++i;
    } else if (i < path.size() && isNameStart(path[i])) {
        while (i < path.size() && isNameChar(path[i]))
            ++i;
    }
    return checkSegments(path, i, false);
}

QString checkReferencePath(std::string_view path)
{
    if (path.empty() || path[0] != '$')
        return QStringLiteral("a reference path must start with \"$\"");
    if (path.size() > 1 && path[1] == '$')
        return QStringLiteral("a reference path cannot point into the context object (\"$$\")");
    if (path.size() > 1 && isNameStart(path[1]))
        return QStringLiteral("a reference path cannot use a variable; write \"$.%1\" for a field of the input")
            .arg(text(path.substr(1)));
    return checkSegments(path, 1, true);
}

QString checkIntrinsicFunction(std::string_view text)
{
    return IntrinsicParser(text).run();
}

QString checkPathOrIntrinsic(std::string_view text)
{
    if (text.substr(0, 7) == "States.")
        return checkIntrinsicFunction(text);
    return checkPath(text);
}

} // namespace Stepscope::Validation
