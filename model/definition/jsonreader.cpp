#include "jsonreader.h"

#include <charconv>
#include <cstring>
#include <unordered_set>

namespace Stepscope {

namespace {

struct SyntaxError {
    std::string message;
    const char* at;
};

// Length of the valid UTF-8 sequence starting at p (lead byte >= 0x80), or 0 when it is invalid (overlong forms,
// surrogates, code points above U+10FFFF and truncated sequences included).
int utf8SequenceLength(const unsigned char* p, const unsigned char* end)
{
    const unsigned char c = p[0];
    int length = 0;
    unsigned char min = 0x80, max = 0xBF; // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0)
            min = 0xA0;
        else if (c == 0xED)
            max = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0)
            min = 0x90;
        else if (c == 0xF4)
            max = 0x8F;
    } else {
        return 0;
    }
    if (end - p < length || p[1] < min || p[1] > max)
        return 0;
    for (int i = 2; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

void appendUtf8(std::string& out, unsigned codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

std::string describeByte(const char* at, const char* end)
{
    if (at >= end)
        return "end of file";
    const auto c = static_cast<unsigned char>(*at);
    if (c >= 0x20 && c < 0x7F)
        return std::string("'") + static_cast<char>(c) + "'";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "byte 0x%02X", c);
    return buffer;
}

class JsonReader {
public:
    JsonReader(std::string_view text, const JsonReadOptions& options, SourceDocument& doc, JsonReadResult& result)
        : m_begin(text.data())
        , m_p(text.data())
        , m_end(text.data() + text.size())
        , m_lineStart(text.data())
        , m_options(options)
        , m_positions(doc.positions)
        , m_result(result)
    {
        // Roughly one value per 16 bytes in indented definitions: avoids rehashing while reading.
        m_positions.reserve(text.size() / 16 + 8);
        m_path.reserve(256);
    }

    void readDocument(Json& root)
    {
        if (m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0) {
            m_p += 3;
            m_lineStart = m_p;
        }
        skipWhitespace();
        if (m_p == m_end)
            throw SyntaxError { "the file is empty", m_p };
        m_positions.insert({}, position(m_p));
        readValue(root, 0);
        skipWhitespace();
        if (m_p != m_end)
            throw SyntaxError { "unexpected " + describeByte(m_p, m_end) + " after the end of the JSON value", m_p };
    }

    // Line and column (in code points) of `at`, which must lie on the current line.
    SourcePos position(const char* at)
    {
        if (at < m_lineStart) // only for errors that started on an earlier line (an unterminated comment)
            return slowPosition(at);
        if (m_columnCacheLine != m_line || at < m_columnCacheAt) {
            m_columnCacheLine = m_line;
            m_columnCacheAt = m_lineStart;
            m_columnCache = 1;
        }
        for (const char* q = m_columnCacheAt; q < at; ++q) {
            if ((static_cast<unsigned char>(*q) & 0xC0) != 0x80)
                ++m_columnCache;
        }
        m_columnCacheAt = at;
        return { m_line, m_columnCache };
    }

private:
    SourcePos slowPosition(const char* at) const
    {
        SourcePos pos { 1, 1 };
        for (const char* q = m_begin; q < at; ++q) {
            if (*q == '\n') {
                ++pos.line;
                pos.column = 1;
            } else if ((static_cast<unsigned char>(*q) & 0xC0) != 0x80) {
                ++pos.column;
            }
        }
        return pos;
    }

    void skipWhitespace()
    {
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == ' ' || c == '\t' || c == '\r') {
                ++m_p;
            } else if (c == '\n') {
                ++m_p;
                newLine();
            } else if (c == '/' && m_options.allowComments && m_p + 1 < m_end && (m_p[1] == '/' || m_p[1] == '*')) {
                m_result.usedExtensions = true;
                skipComment();
            } else {
                return;
            }
        }
    }

    void newLine()
    {
        ++m_line;
        m_lineStart = m_p;
    }

    void skipComment()
    {
        const bool block = m_p[1] == '*';
        const char* start = m_p;
        m_p += 2;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (!block && c == '\n')
                return;
            if (block && c == '*' && m_p + 1 < m_end && m_p[1] == '/') {
                m_p += 2;
                return;
            }
            if (c == '\n') {
                ++m_p;
                newLine();
            } else if (c == 0) {
                throw SyntaxError { "NUL byte in a comment", m_p };
            } else if (c >= 0x80) {
                const int length = utf8SequenceLength(reinterpret_cast<const unsigned char*>(m_p),
                    reinterpret_cast<const unsigned char*>(m_end));
                if (length == 0)
                    throw SyntaxError { "invalid UTF-8 in a comment", m_p };
                m_p += length;
            } else {
                ++m_p;
            }
        }
        if (block)
            throw SyntaxError { "unterminated /* comment", start };
    }

    void checkDepth(int depth)
    {
        if (depth >= m_options.maxDepth)
            throw SyntaxError { "nesting deeper than " + std::to_string(m_options.maxDepth) + " levels", m_p };
    }

    void readValue(Json& out, int depth)
    {
        if (m_p == m_end)
            throw SyntaxError { "unexpected end of file, expected a value", m_p };
        switch (*m_p) {
        case '{':
            readObject(out, depth);
            return;
        case '[':
            readArray(out, depth);
            return;
        case '"': {
            std::string text;
            readString(text);
            out = std::move(text);
            return;
        }
        case 't':
            readLiteral("true");
            out = true;
            return;
        case 'f':
            readLiteral("false");
            out = false;
            return;
        case 'n':
            readLiteral("null");
            out = nullptr;
            return;
        default:
            break;
        }
        if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9')) {
            readNumber(out);
            return;
        }
        throw unexpected("a value");
    }

    SyntaxError unexpected(const char* expected) const
    {
        if (m_p < m_end && *m_p == '\0')
            return { "NUL byte where " + std::string(expected) + " was expected", m_p };
        if (m_p < m_end && static_cast<unsigned char>(*m_p) >= 0x80
            && utf8SequenceLength(reinterpret_cast<const unsigned char*>(m_p),
                   reinterpret_cast<const unsigned char*>(m_end))
                == 0)
            return { "invalid UTF-8", m_p };
        return { "expected " + std::string(expected) + ", found " + describeByte(m_p, m_end), m_p };
    }

    void readLiteral(std::string_view word)
    {
        if (static_cast<std::size_t>(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
            throw unexpected("a value");
        m_p += word.size();
    }

    void readNumber(Json& out)
    {
        const char* start = m_p;
        bool integral = true;
        if (*m_p == '-')
            ++m_p;
        if (m_p < m_end && *m_p == '0') {
            ++m_p;
        } else if (m_p < m_end && *m_p >= '1' && *m_p <= '9') {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        } else {
            throw unexpected("a digit");
        }
        if (m_p < m_end && *m_p == '.') {
            integral = false;
            ++m_p;
            if (m_p == m_end || *m_p < '0' || *m_p > '9')
                throw unexpected("a digit after '.'");
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            integral = false;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || *m_p < '0' || *m_p > '9')
                throw unexpected("a digit in the exponent");
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (integral) {
            if (*start == '-') {
                std::int64_t value = 0;
                if (std::from_chars(start, m_p, value).ec == std::errc()) {
                    out = value;
                    return;
                }
            } else {
                std::uint64_t value = 0;
                if (std::from_chars(start, m_p, value).ec == std::errc()) {
                    if (value <= static_cast<std::uint64_t>(INT64_MAX))
                        out = static_cast<std::int64_t>(value);
                    else
                        out = value;
                    return;
                }
            }
        }
        double value = 0;
        const auto [end, ec] = std::from_chars(start, m_p, value);
        if (ec == std::errc::result_out_of_range)
            throw SyntaxError { "number out of range", start };
        if (ec != std::errc() || end != m_p)
            throw SyntaxError { "invalid number", start };
        out = value;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    unsigned readHex4()
    {
        if (m_end - m_p < 4)
            throw SyntaxError { "incomplete \\u escape", m_p };
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(m_p[i]);
            if (digit < 0)
                throw SyntaxError { "invalid \\u escape", m_p + i };
            value = value * 16 + static_cast<unsigned>(digit);
        }
        m_p += 4;
        return value;
    }

    // m_p is at the opening quote.
    void readString(std::string& out)
    {
        const char* open = m_p;
        ++m_p;
        while (true) {
            const char* run = m_p;
            while (m_p < m_end) {
                const auto c = static_cast<unsigned char>(*m_p);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++m_p;
            }
            out.append(run, m_p);
            if (m_p == m_end)
                throw SyntaxError { "unterminated string", open };
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                return;
            }
            if (c >= 0x80) {
                const int length = utf8SequenceLength(reinterpret_cast<const unsigned char*>(m_p),
                    reinterpret_cast<const unsigned char*>(m_end));
                if (length == 0)
                    throw SyntaxError { "invalid UTF-8 in a string", m_p };
                out.append(m_p, static_cast<std::size_t>(length));
                m_p += length;
                continue;
            }
            if (c == 0)
                throw SyntaxError { "NUL byte in a string", m_p };
            if (c == '\n' || c == '\r')
                throw SyntaxError { "unterminated string (line break before the closing quote)", open };
            if (c < 0x20)
                throw SyntaxError { "control character in a string (must be escaped)", m_p };
            // Backslash escape.
            const char* escape = m_p;
            ++m_p;
            if (m_p == m_end)
                throw SyntaxError { "unterminated string", open };
            const char e = *m_p++;
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned codePoint = readHex4();
                if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
                    if (m_end - m_p < 6 || m_p[0] != '\\' || m_p[1] != 'u')
                        throw SyntaxError { "unpaired UTF-16 surrogate in \\u escape", escape };
                    m_p += 2;
                    const unsigned low = readHex4();
                    if (low < 0xDC00 || low > 0xDFFF)
                        throw SyntaxError { "unpaired UTF-16 surrogate in \\u escape", escape };
                    codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
                } else if (codePoint >= 0xDC00 && codePoint <= 0xDFFF) {
                    throw SyntaxError { "unpaired UTF-16 surrogate in \\u escape", escape };
                }
                appendUtf8(out, codePoint);
                break;
            }
            default:
                throw SyntaxError { "invalid escape sequence \\" + describeByte(m_p - 1, m_end), escape };
            }
        }
    }

    static bool isIdentifierStart(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    void readIdentifier(std::string& out)
    {
        m_result.usedExtensions = true;
        const char* start = m_p;
        while (m_p < m_end && (isIdentifierStart(*m_p) || (*m_p >= '0' && *m_p <= '9')))
            ++m_p;
        out.assign(start, m_p);
    }

    void pushIndex(std::size_t index)
    {
        char buffer[24];
        buffer[0] = '/';
        const auto [end, ec] = std::to_chars(buffer + 1, buffer + sizeof buffer, index);
        m_path.append(buffer, end);
    }

    void pushKey(const std::string& key)
    {
        m_path += '/';
        if (key.find_first_of("~/") == std::string::npos)
            m_path += key;
        else
            m_path += escapePointerToken(key);
    }

    void readArray(Json& out, int depth)
    {
        checkDepth(depth);
        ++m_p;
        out = Json::array();
        auto& array = out.get_ref<Json::array_t&>();
        skipWhitespace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            return;
        }
        const std::size_t pathLength = m_path.size();
        while (true) {
            pushIndex(array.size());
            m_positions.insert(m_path, position(m_p));
            array.emplace_back();
            readValue(array.back(), depth + 1);
            m_path.resize(pathLength);
            skipWhitespace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                skipWhitespace();
                if (m_p < m_end && *m_p == ']' && m_options.allowTrailingCommas) {
                    m_result.usedExtensions = true;
                    ++m_p;
                    return;
                }
            } else if (m_p < m_end && *m_p == ']') {
                ++m_p;
                return;
            } else {
                throw unexpected("',' or ']'");
            }
        }
    }

    void readObject(Json& out, int depth)
    {
        checkDepth(depth);
        ++m_p;
        out = Json::object();
        auto& object = out.get_ref<Json::object_t&>();
        // Duplicate keys: a linear scan is fastest for the small objects definitions are made of; the rare large
        // one (a States object with hundreds of states) switches to a hash set.
        constexpr std::size_t linearLimit = 24;
        std::unordered_set<std::string> seen;
        skipWhitespace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            return;
        }
        const std::size_t pathLength = m_path.size();
        std::string key;
        while (true) {
            const SourcePos keyPos = position(m_p);
            key.clear();
            if (m_p < m_end && *m_p == '"')
                readString(key);
            else if (m_options.allowUnquotedKeys && m_p < m_end && isIdentifierStart(*m_p))
                readIdentifier(key);
            else
                throw unexpected("a string key");
            skipWhitespace();
            if (m_p == m_end || *m_p != ':')
                throw unexpected("':' after the key");
            ++m_p;
            skipWhitespace();

            bool duplicate = false;
            if (object.size() < linearLimit) {
                for (const auto& member : object) {
                    if (member.first == key) {
                        duplicate = true;
                        break;
                    }
                }
            } else {
                if (seen.empty()) {
                    for (const auto& member : object)
                        seen.insert(member.first);
                }
                duplicate = !seen.insert(key).second;
            }

            pushKey(key);
            if (duplicate) {
                m_result.diagnostics.append({ Severity::Error,
                    QStringLiteral("duplicate key \"%1\" (the first one is kept)").arg(toQString(key)),
                    toQString(m_path), keyPos, {} });
                Json ignored;
                readValue(ignored, depth + 1); // its positions do not replace the first member's (insert)
            } else {
                m_positions.insert(m_path, keyPos);
                object.emplace_back(key, Json());
                readValue(object.back().second, depth + 1);
            }
            m_path.resize(pathLength);

            skipWhitespace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                skipWhitespace();
                if (m_p < m_end && *m_p == '}' && m_options.allowTrailingCommas) {
                    m_result.usedExtensions = true;
                    ++m_p;
                    return;
                }
            } else if (m_p < m_end && *m_p == '}') {
                ++m_p;
                return;
            } else {
                throw unexpected("',' or '}'");
            }
        }
    }

    const char* m_begin;
    const char* m_p;
    const char* m_end;
    const char* m_lineStart;
    int m_line = 1;
    int m_columnCacheLine = 0;
    const char* m_columnCacheAt = nullptr;
    int m_columnCache = 1;
    const JsonReadOptions& m_options;
    SourcePositions& m_positions;
    JsonReadResult& m_result;
    std::string m_path;
};

} // namespace

std::size_t findInvalidUtf8(std::string_view text)
{
    const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = begin + text.size();
    for (const unsigned char* p = begin; p < end;) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int length = utf8SequenceLength(p, end);
        if (length == 0)
            return static_cast<std::size_t>(p - begin);
        p += length;
    }
    return std::string_view::npos;
}

JsonReadResult readJson(std::string_view text, const QString& file, const JsonReadOptions& options)
{
    JsonReadResult result;
    SourceDocument doc;
    doc.file = file;
    JsonReader reader(text, options, doc, result);
    try {
        reader.readDocument(doc.root);
    } catch (const SyntaxError& error) {
        // Keep the duplicate-key findings made so far; the syntax error comes first since it stopped reading.
        result.diagnostics.prepend(
            { Severity::Error, QString::fromStdString(error.message), {}, reader.position(error.at), file });
        return result;
    }
    for (Diagnostic& d : result.diagnostics)
        d.file = file;
    doc.positions.buildIndex();
    result.document = std::move(doc);
    return result;
}

} // namespace Stepscope
