#include "jsonatacheck.h"

#include <cctype>
#include <cstring>
#include <string>
#include <vector>

namespace Stepscope::Validation {

namespace {

// The grammar follows JSONata 2.0 (the version Step Functions runs): a Pratt parser with the same binding powers as
// the reference implementation, so that what it rejects the service rejects too.

enum class Kind { End, Value, Name, Variable, Op };

struct Token {
    Kind kind = Kind::End;
    std::string_view text;
    size_t pos = 0;
};

constexpr const char* OperatorChars = ".[]{}(),@#;:?+-*/%|=<>^&!~";

bool isOperatorChar(char c)
{
    return c != '\0' && std::strchr(OperatorChars, c) != nullptr;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

QString describe(const Token& token)
{
    if (token.kind == Kind::End)
        return QStringLiteral("the end of the expression");
    return QStringLiteral("\"%1\"").arg(QString::fromUtf8(token.text.data(), static_cast<qsizetype>(token.text.size())));
}

class Lexer {
public:
    explicit Lexer(std::string_view s)
        : m_s(s)
    {
    }

    /// All tokens, or an error message.
    QString run(std::vector<Token>& tokens)
    {
        while (true) {
            while (m_i < m_s.size() && isSpace(m_s[m_i]))
                ++m_i;
            if (m_s.substr(m_i, 2) == "/*") {
                const size_t end = m_s.find("*/", m_i + 2);
                if (end == std::string_view::npos)
                    return QStringLiteral("comment has no closing \"*/\"");
                m_i = end + 2;
                continue;
            }
            if (m_i >= m_s.size()) {
                tokens.push_back({ Kind::End, {}, m_i });
                return {};
            }
            const size_t start = m_i;
            const char c = m_s[m_i];
            const bool prefixPosition = tokens.empty()
                || (tokens.back().kind == Kind::Op && tokens.back().text != ")" && tokens.back().text != "]"
                    && tokens.back().text != "}");
            if (c == '/' && prefixPosition) {
                if (const QString problem = regex(); !problem.isEmpty())
                    return problem;
                tokens.push_back({ Kind::Value, m_s.substr(start, m_i - start), start });
                continue;
            }
            if (c == '"' || c == '\'') {
                for (++m_i; m_i < m_s.size() && m_s[m_i] != c; ++m_i) {
                    if (m_s[m_i] == '\\')
                        ++m_i;
                }
                if (m_i >= m_s.size())
                    return QStringLiteral("string starting at position %1 is not closed").arg(start + 1);
                ++m_i;
                tokens.push_back({ Kind::Value, m_s.substr(start, m_i - start), start });
                continue;
            }
            if (c == '`') {
                const size_t end = m_s.find('`', m_i + 1);
                if (end == std::string_view::npos)
                    return QStringLiteral("quoted name starting at position %1 is not closed").arg(start + 1);
                m_i = end + 1;
                tokens.push_back({ Kind::Name, m_s.substr(start, m_i - start), start });
                continue;
            }
            if (std::isdigit(static_cast<unsigned char>(c))) {
                number();
                tokens.push_back({ Kind::Value, m_s.substr(start, m_i - start), start });
                continue;
            }
            static constexpr std::string_view twoChar[] = { "..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??" };
            bool matched = false;
            for (const std::string_view op : twoChar) {
                if (m_s.substr(m_i, 2) == op) {
                    m_i += 2;
                    tokens.push_back({ Kind::Op, op, start });
                    matched = true;
                    break;
                }
            }
            if (matched)
                continue;
            if (isOperatorChar(c)) {
                ++m_i;
                tokens.push_back({ Kind::Op, m_s.substr(start, 1), start });
                continue;
            }
            const bool variable = c == '$';
            if (variable)
                ++m_i;
            while (m_i < m_s.size() && !isSpace(m_s[m_i]) && !isOperatorChar(m_s[m_i]) && m_s[m_i] != '"'
                && m_s[m_i] != '\'' && m_s[m_i] != '`')
                ++m_i;
            const std::string_view word = m_s.substr(start, m_i - start);
            if (variable)
                tokens.push_back({ Kind::Variable, word, start });
            else if (word == "and" || word == "or" || word == "in")
                tokens.push_back({ Kind::Op, word, start });
            else if (word == "true" || word == "false" || word == "null")
                tokens.push_back({ Kind::Value, word, start });
            else
                tokens.push_back({ Kind::Name, word, start });
        }
    }

private:
    QString regex()
    {
        const size_t start = m_i++;
        for (; m_i < m_s.size(); ++m_i) {
            if (m_s[m_i] == '\\') {
                ++m_i;
            } else if (m_s[m_i] == '/') {
                if (m_i == start + 1)
                    return QStringLiteral("empty regular expression");
                ++m_i;
                while (m_i < m_s.size() && std::isalpha(static_cast<unsigned char>(m_s[m_i])))
                    ++m_i;
                return {};
            }
        }
        return QStringLiteral("regular expression starting at position %1 is not closed").arg(start + 1);
    }

    void number()
    {
        auto digits = [&] {
            while (m_i < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_i])))
                ++m_i;
        };
        digits();
        if (m_i + 1 < m_s.size() && m_s[m_i] == '.' && std::isdigit(static_cast<unsigned char>(m_s[m_i + 1]))) {
            ++m_i;
            digits();
        }
        if (m_i < m_s.size() && (m_s[m_i] == 'e' || m_s[m_i] == 'E')) {
            size_t j = m_i + 1;
            if (j < m_s.size() && (m_s[j] == '+' || m_s[j] == '-'))
                ++j;
            if (j < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[j]))) {
                m_i = j;
                digits();
            }
        }
    }

    std::string_view m_s;
    size_t m_i = 0;
};

int bindingPower(const Token& token)
{
    if (token.kind != Kind::Op)
        return 0;
    static const std::pair<std::string_view, int> powers[] = {
        { ".", 75 }, { "[", 80 }, { "{", 70 }, { "(", 80 }, { "@", 80 }, { "#", 80 }, { "?", 20 }, { "+", 50 },
        { "-", 50 }, { "*", 60 }, { "/", 60 }, { "%", 60 }, { "=", 40 }, { "<", 40 }, { ">", 40 }, { "^", 40 },
        { "..", 20 }, { ":=", 10 }, { "!=", 40 }, { "<=", 40 }, { ">=", 40 }, { "~>", 40 }, { "?:", 40 },
        { "??", 40 }, { "and", 30 }, { "or", 25 }, { "in", 40 }, { "&", 50 },
    };
    for (const auto& [op, power] : powers) {
        if (token.text == op)
            return power;
    }
    return 0; // ] } ) , ; : | ! ~ ** end the expression on their left
}

class Parser {
public:
    explicit Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    {
    }

    QString run()
    {
        if (expression(0) && peek().kind != Kind::End)
            fail(QStringLiteral("unexpected %1 at position %2").arg(describe(peek())).arg(peek().pos + 1));
        return m_error;
    }

private:
    const Token& peek() const { return m_tokens[m_pos]; }
    const Token& advance()
    {
        const Token& token = m_tokens[m_pos];
        if (m_pos + 1 < m_tokens.size())
            ++m_pos;
        return token;
    }
    bool isOp(std::string_view op) const { return peek().kind == Kind::Op && peek().text == op; }

    bool fail(const QString& message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

    bool expect(std::string_view op)
    {
        if (!isOp(op))
            return fail(QStringLiteral("expected \"%1\" but found %2 at position %3")
                            .arg(QString::fromUtf8(op.data(), static_cast<qsizetype>(op.size())), describe(peek()))
                            .arg(peek().pos + 1));
        advance();
        return true;
    }

    bool expression(int rbp)
    {
        if (++m_depth > 400)
            return fail(QStringLiteral("expression nested too deeply"));
        const Token& first = advance();
        bool ok = nud(first);
        while (ok && rbp < bindingPower(peek())) {
            const Token& op = advance();
            ok = led(op);
        }
        --m_depth;
        return ok;
    }

    /// A list of expressions separated by `separator` up to `close`; `pairs`: "key: value" entries.
    bool list(std::string_view separator, std::string_view close, bool pairs, bool allowTrailing)
    {
        if (isOp(close)) {
            advance();
            return true;
        }
        while (true) {
            if (!expression(0))
                return false;
            if (pairs && !(expect(":") && expression(0)))
                return false;
            if (isOp(separator)) {
                advance();
                if (allowTrailing && isOp(close)) {
                    advance();
                    return true;
                }
                continue;
            }
            return expect(close);
        }
    }

    bool nud(const Token& token)
    {
        switch (token.kind) {
        case Kind::Value:
        case Kind::Variable:
            return true;
        case Kind::Name:
            if ((token.text == "function" || token.text == "\xce\xbb") && isOp("("))
                return lambda();
            return true;
        case Kind::End:
            return fail(QStringLiteral("the expression ends where a value was expected"));
        case Kind::Op:
            break;
        }
        const std::string_view op = token.text;
        if (op == "and" || op == "or" || op == "in")
            return true; // names when they stand where a value goes
        if (op == "*" || op == "**" || op == "%")
            return true; // wildcard, descendants, parent
        if (op == "-")
            return expression(70);
        if (op == "(")
            return list(";", ")", false, true);
        if (op == "[")
            return list(",", "]", false, false);
        if (op == "{")
            return list(",", "}", true, false);
        if (op == "|") {
            if (!expression(0) || !expect("|") || !expression(0))
                return false;
            if (isOp(",")) {
                advance();
                if (!expression(0))
                    return false;
            }
            return expect("|");
        }
        return fail(QStringLiteral("unexpected %1 at position %2").arg(describe(token)).arg(token.pos + 1));
    }

    bool led(const Token& token)
    {
        const std::string_view op = token.text;
        if (op == ".")
            return expression(75);
        if (op == "(") {
            if (isOp(")")) {
                advance();
                return true;
            }
            while (true) {
                if (isOp("?"))
                    advance(); // partial application placeholder
                else if (!expression(0))
                    return false;
                if (isOp(",")) {
                    advance();
                    continue;
                }
                return expect(")");
            }
        }
        if (op == "[") {
            if (isOp("]")) {
                advance();
                return true;
            }
            return expression(0) && expect("]");
        }
        if (op == "{")
            return list(",", "}", true, false);
        if (op == "?") {
            if (!expression(0))
                return false;
            if (isOp(":")) {
                advance();
                return expression(0);
            }
            return true;
        }
        if (op == "^") {
            if (!expect("("))
                return false;
            while (true) {
                if (isOp("<") || isOp(">"))
                    advance();
                if (!expression(0))
                    return false;
                if (isOp(",")) {
                    advance();
                    continue;
                }
                return expect(")");
            }
        }
        if (op == "@" || op == "#") {
            if (peek().kind != Kind::Variable)
                return fail(QStringLiteral("\"%1\" must be followed by a variable").arg(QString::fromUtf8(op.data(), 1)));
            advance();
            return true;
        }
        if (op == ":=")
            return expression(bindingPower(token) - 1);
        return expression(bindingPower(token));
    }

    bool lambda()
    {
        advance(); // (
        if (!isOp(")")) {
            while (true) {
                if (peek().kind != Kind::Variable)
                    return fail(QStringLiteral("function parameters must be variables ($name), found %1").arg(describe(peek())));
                advance();
                if (isOp(",")) {
                    advance();
                    continue;
                }
                break;
            }
        }
        if (!expect(")"))
            return false;
        if (isOp("<")) { // type signature: skip to the closing ">"
            int depth = 0;
            while (peek().kind != Kind::End) {
                const Token& t = advance();
                if (t.kind == Kind::Op && t.text == "<")
                    ++depth;
                else if (t.kind == Kind::Op && t.text == ">" && --depth == 0)
                    break;
            }
        }
        return expect("{") && expression(0) && expect("}");
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_depth = 0;
    QString m_error;
};

} // namespace

QString jsonataSyntaxError(std::string_view expression)
{
    std::vector<Token> tokens;
    if (QString problem = Lexer(expression).run(tokens); !problem.isEmpty())
        return problem;
    return Parser(std::move(tokens)).run();
}

std::optional<Finding> checkJsonataString(std::string_view value)
{
    const bool opens = value.starts_with("{%");
    const bool closes = value.ends_with("%}");
    if (!opens && !closes)
        return std::nullopt;
    if (!opens)
        return Finding { Severity::Error, QStringLiteral("ends with \"%}\" but does not start with \"{%\": write \"{% expression %}\"") };
    if (!closes || value.size() < 4)
        return Finding { Severity::Error, QStringLiteral("starts with \"{%\" but does not end with \"%}\": write \"{% expression %}\"") };
    const std::string_view inner = value.substr(2, value.size() - 4);
    if (inner.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Finding { Severity::Error, QStringLiteral("empty JSONata expression \"{% %}\"") };
    if (inner.find('\n') != std::string_view::npos || inner.find('\r') != std::string_view::npos)
        return Finding { Severity::Error,
            QStringLiteral("JSONata expression contains a line break: write it on one line as \"{% expression %}\"") };
    if (!isSpace(inner.front()) && !isSpace(inner.back()))
        return Finding { Severity::Error,
            QStringLiteral("JSONata expression needs spaces inside its delimiters: write \"{% expression %}\"") };
    if (const QString problem = jsonataSyntaxError(inner); !problem.isEmpty())
        return Finding { Severity::Error, QStringLiteral("invalid JSONata expression: %1").arg(problem) };
    return std::nullopt;
}

} // namespace Stepscope::Validation
