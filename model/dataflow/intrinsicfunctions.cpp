#include "intrinsicfunctions.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

#include <cctype>
#include <cmath>

namespace Stepscope::Dataflow {

namespace {

constexpr int MaxNesting = 10; // "You can nest up to 10 intrinsic functions within a field"
constexpr size_t MaxStringLength = 10000; // Base64Encode / Base64Decode / Hash input limit
constexpr size_t MaxRangeItems = 1000; // ArrayRange

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString typeName(const Json& v)
{
    switch (v.type()) {
    case Json::value_t::object:
        return QStringLiteral("object");
    case Json::value_t::array:
        return QStringLiteral("array");
    case Json::value_t::string:
        return QStringLiteral("string");
    case Json::value_t::boolean:
        return QStringLiteral("boolean");
    case Json::value_t::null:
        return QStringLiteral("null");
    default:
        return QStringLiteral("number");
    }
}

struct Argument {
    Json value;
    std::optional<std::string> literal; ///< a string literal as written, escapes kept (States.Format needs them)
};

class Evaluator {
public:
    Evaluator(std::string_view text, const PathScope& scope)
        : m_s(text)
        , m_scope(scope)
    {
    }

    Json run()
    {
        skipSpace();
        Json value = call(1);
        skipSpace();
        if (m_i < m_s.size())
            fail(QStringLiteral("unexpected text after the function call: '%1'").arg(qs(m_s.substr(m_i))));
        return value;
    }

private:
    [[noreturn]] void fail(const QString& message) const
    {
        throw intrinsicFailure(QStringLiteral("Invalid intrinsic function '%1': %2").arg(qs(m_s), message));
    }
    [[noreturn]] void failIn(const std::string& name, const QString& message) const
    {
        throw intrinsicFailure(QStringLiteral("States.%1: %2").arg(qs(name), message));
    }

    void skipSpace()
    {
        while (m_i < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[m_i])))
            ++m_i;
    }

    Json call(int depth)
    {
        if (depth > MaxNesting)
            fail(QStringLiteral("more than %1 nested intrinsic functions").arg(MaxNesting));
        if (m_s.substr(m_i, 7) != "States.")
            fail(QStringLiteral("an intrinsic function starts with \"States.\""));
        m_i += 7;
        const size_t start = m_i;
        while (m_i < m_s.size() && (std::isalnum(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '_'))
            ++m_i;
        const std::string name(m_s.substr(start, m_i - start));
        skipSpace();
        if (m_i >= m_s.size() || m_s[m_i] != '(')
            fail(QStringLiteral("States.%1 must be followed by \"(\"").arg(qs(name)));
        ++m_i;
        std::vector<Argument> args;
        skipSpace();
        if (m_i < m_s.size() && m_s[m_i] == ')') {
            ++m_i;
        } else {
            while (true) {
                skipSpace();
                args.push_back(argument(depth));
                skipSpace();
                if (m_i < m_s.size() && m_s[m_i] == ',') {
                    ++m_i;
                    continue;
                }
                if (m_i < m_s.size() && m_s[m_i] == ')') {
                    ++m_i;
                    break;
                }
                fail(QStringLiteral("States.%1: expected \",\" or \")\"").arg(qs(name)));
            }
        }
        return apply(name, args);
    }

    Argument argument(int depth)
    {
        if (m_i >= m_s.size())
            fail(QStringLiteral("unexpected end of the function call"));
        const char c = m_s[m_i];
        Argument arg;
        if (c == '\'') {
            std::string raw, value;
            for (++m_i; m_i < m_s.size(); ++m_i) {
                const char d = m_s[m_i];
                if (d == '\\' && m_i + 1 < m_s.size()) {
                    raw.push_back(d);
                    raw.push_back(m_s[m_i + 1]);
                    value.push_back(m_s[++m_i]);
                } else if (d == '\'') {
                    ++m_i;
                    arg.value = value;
                    arg.literal = raw;
                    return arg;
                } else {
                    raw.push_back(d);
                    value.push_back(d);
                }
            }
            fail(QStringLiteral("unterminated string argument"));
        }
        if (c == '$') {
            const size_t start = m_i;
            int brackets = 0;
            char quote = 0;
            while (m_i < m_s.size()) {
                const char d = m_s[m_i];
                if (quote) {
                    if (d == '\\')
                        ++m_i;
                    else if (d == quote)
                        quote = 0;
                } else if (d == '\'' || d == '"') {
                    quote = d;
                } else if (d == '[' || d == '(') {
                    ++brackets;
                } else if (d == ']' || d == ')') {
                    if (brackets == 0)
                        break;
                    --brackets;
                } else if (d == ',' && brackets == 0) {
                    break;
                }
                ++m_i;
            }
            std::string_view path = m_s.substr(start, m_i - start);
            while (!path.empty() && std::isspace(static_cast<unsigned char>(path.back())))
                path.remove_suffix(1);
            arg.value = JsonPath::parse(path).evaluate(m_scope);
            return arg;
        }
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
            const size_t start = m_i;
            ++m_i;
            while (m_i < m_s.size()
                && (std::isdigit(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '.' || m_s[m_i] == 'e'
                    || m_s[m_i] == 'E' || m_s[m_i] == '+' || m_s[m_i] == '-'))
                ++m_i;
            const std::string_view number = m_s.substr(start, m_i - start);
            try {
                arg.value = Json::parse(number);
            } catch (const std::exception&) {
                fail(QStringLiteral("\"%1\" is not a number").arg(qs(number)));
            }
            return arg;
        }
        for (const auto& [word, value] :
            { std::pair<std::string_view, Json> { "null", nullptr }, { "true", true }, { "false", false } }) {
            if (m_s.substr(m_i, word.size()) == word) {
                m_i += word.size();
                arg.value = value;
                return arg;
            }
        }
        if (m_s.substr(m_i, 7) == "States.") {
            arg.value = call(depth + 1);
            return arg;
        }
        fail(QStringLiteral("unexpected argument starting at \"%1\"").arg(qs(m_s.substr(m_i, 20))));
    }

    void count(const std::string& name, const std::vector<Argument>& args, size_t min, size_t max) const
    {
        if (args.size() < min || args.size() > max) {
            const QString expected = min == max ? QString::number(min) : QStringLiteral("%1 to %2").arg(min).arg(max);
            failIn(name, QStringLiteral("takes %1 argument(s), but %2 were given").arg(expected).arg(args.size()));
        }
    }

    const std::string& stringArg(const std::string& name, const std::vector<Argument>& args, size_t i) const
    {
        if (!args[i].value.is_string())
            failIn(name,
                QStringLiteral("argument %1 must be a string, but was %2: %3")
                    .arg(i + 1)
                    .arg(typeName(args[i].value), compactText(args[i].value)));
        return args[i].value.get_ref<const std::string&>();
    }

    const Json& arrayArg(const std::string& name, const std::vector<Argument>& args, size_t i) const
    {
        if (!args[i].value.is_array())
            failIn(name,
                QStringLiteral("argument %1 must be an array, but was %2: %3")
                    .arg(i + 1)
                    .arg(typeName(args[i].value), compactText(args[i].value)));
        return args[i].value;
    }

    long long integerArg(const std::string& name, const std::vector<Argument>& args, size_t i) const
    {
        const Json& v = args[i].value;
        if (v.is_number_integer() || v.is_number_unsigned())
            return v.get<long long>();
        if (v.is_number_float()) {
            const double d = v.get<double>();
            if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15)
                return static_cast<long long>(d);
        }
        failIn(name,
            QStringLiteral("argument %1 must be an integer, but was %2: %3")
                .arg(i + 1)
                .arg(typeName(v), compactText(v)));
    }

    /// MathAdd and MathRandom round their arguments as Java's Math.round does (1.5 -> 2, -0.5 -> 0, -3.5 -> -3),
    /// which is what the service was recorded doing.
    long long roundedArg(const std::string& name, const std::vector<Argument>& args, size_t i) const
    {
        const Json& v = args[i].value;
        if (v.is_number_float()) {
            const double d = v.get<double>();
            if (std::isfinite(d) && std::fabs(d) < 9e15)
                return static_cast<long long>(std::floor(d + 0.5));
        }
        return integerArg(name, args, i);
    }

    static QString formatValue(const Json& v)
    {
        if (v.is_string())
            return QString::fromStdString(v.get<std::string>());
        return compactText(v);
    }

    Json apply(const std::string& name, const std::vector<Argument>& args)
    {
        if (name == "Format") {
            if (args.empty())
                failIn(name, QStringLiteral("takes at least 1 argument"));
            if (!args[0].value.is_string())
                failIn(name, QStringLiteral("argument 1 must be a string"));
            // A literal template keeps its escapes (\{ \} \' \\ are literal characters); a template read from a
            // path is used as it is.
            const std::string tmpl = args[0].literal ? *args[0].literal : args[0].value.get<std::string>();
            const bool escapes = args[0].literal.has_value();
            QString out;
            std::string pending;
            size_t next = 1;
            for (size_t i = 0; i < tmpl.size(); ++i) {
                const char c = tmpl[i];
                if (escapes && c == '\\' && i + 1 < tmpl.size()) {
                    pending.push_back(tmpl[++i]);
                } else if (c == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '}') {
                    if (next >= args.size())
                        failIn(name, QStringLiteral("the template has more {} placeholders than arguments"));
                    const Json& v = args[next++].value;
                    if (v.is_object() || v.is_array())
                        failIn(name,
                            QStringLiteral("an argument for {} must be a string, number, boolean or null, "
                                           "not %1")
                                .arg(typeName(v)));
                    pending += formatValue(v).toStdString();
                    ++i;
                } else {
                    pending.push_back(c);
                }
            }
            if (next != args.size())
                failIn(
                    name, QStringLiteral("%1 argument(s) for %2 {} placeholder(s)").arg(args.size() - 1).arg(next - 1));
            out = QString::fromStdString(pending);
            return out.toStdString();
        }
        if (name == "StringToJson") {
            count(name, args, 1, 1);
            const std::string& text = stringArg(name, args, 0);
            try {
                return Json::parse(text);
            } catch (const std::exception&) {
                failIn(name, QStringLiteral("the string is not JSON: %1").arg(qs(text)));
            }
        }
        if (name == "JsonToString") {
            count(name, args, 1, 1);
            return compactText(args[0].value).toStdString();
        }
        if (name == "Array") {
            Json out = Json::array();
            for (const Argument& a : args)
                out.push_back(a.value);
            return out;
        }
        if (name == "ArrayPartition") {
            count(name, args, 2, 2);
            const Json& array = arrayArg(name, args, 0);
            const long long size = integerArg(name, args, 1);
            if (size <= 0)
                failIn(name, QStringLiteral("the chunk size must be a positive integer, not %1").arg(size));
            Json out = Json::array();
            for (size_t i = 0; i < array.size(); i += size_t(size)) {
                Json chunk = Json::array();
                for (size_t j = i; j < std::min(array.size(), i + size_t(size)); ++j)
                    chunk.push_back(array[j]);
                out.push_back(std::move(chunk));
            }
            return out;
        }
        if (name == "ArrayContains") {
            count(name, args, 2, 2);
            for (const Json& item : arrayArg(name, args, 0)) {
                if (jsonEquals(item, args[1].value))
                    return true;
            }
            return false;
        }
        if (name == "ArrayRange") {
            count(name, args, 3, 3);
            const long long first = integerArg(name, args, 0), last = integerArg(name, args, 1),
                            step = integerArg(name, args, 2);
            if (step == 0)
                failIn(name, QStringLiteral("the step cannot be 0"));
            Json out = Json::array();
            for (long long v = first; step > 0 ? v <= last : v >= last; v += step) {
                if (out.size() >= MaxRangeItems)
                    failIn(name, QStringLiteral("the range has more than %1 items").arg(MaxRangeItems));
                out.push_back(v);
            }
            return out;
        }
        if (name == "ArrayGetItem") {
            count(name, args, 2, 2);
            const Json& array = arrayArg(name, args, 0);
            const long long index = integerArg(name, args, 1);
            if (index < 0 || index >= static_cast<long long>(array.size()))
                failIn(name,
                    QStringLiteral("index %1 is out of bounds for an array of %2 item(s)")
                        .arg(index)
                        .arg(array.size()));
            return array[size_t(index)];
        }
        if (name == "ArrayLength") {
            count(name, args, 1, 1);
            return arrayArg(name, args, 0).size();
        }
        if (name == "ArrayUnique") {
            count(name, args, 1, 1);
            Json out = Json::array();
            for (const Json& item : arrayArg(name, args, 0)) {
                bool seen = false;
                for (const Json& kept : out)
                    seen = seen || jsonEquals(kept, item);
                if (!seen)
                    out.push_back(item);
            }
            return out;
        }
        if (name == "Base64Encode" || name == "Base64Decode" || name == "Hash") {
            count(name, args, name == "Hash" ? 2 : 1, name == "Hash" ? 2 : 1);
            const std::string& data = stringArg(name, args, 0);
            if (data.size() > MaxStringLength)
                failIn(name, QStringLiteral("the input is longer than %1 characters").arg(MaxStringLength));
            const QByteArray bytes = QByteArray::fromStdString(data);
            if (name == "Base64Encode")
                return bytes.toBase64().toStdString();
            if (name == "Base64Decode") {
                const auto decoded = QByteArray::fromBase64Encoding(bytes, QByteArray::AbortOnBase64DecodingErrors);
                if (!decoded)
                    failIn(name, QStringLiteral("the input is not Base64: %1").arg(qs(data)));
                return decoded.decoded.toStdString();
            }
            const std::string& algorithm = stringArg(name, args, 1);
            QCryptographicHash::Algorithm a;
            if (algorithm == "MD5")
                a = QCryptographicHash::Md5;
            else if (algorithm == "SHA-1")
                a = QCryptographicHash::Sha1;
            else if (algorithm == "SHA-256")
                a = QCryptographicHash::Sha256;
            else if (algorithm == "SHA-384")
                a = QCryptographicHash::Sha384;
            else if (algorithm == "SHA-512")
                a = QCryptographicHash::Sha512;
            else
                failIn(name,
                    QStringLiteral("unknown algorithm '%1' (MD5, SHA-1, SHA-256, SHA-384, SHA-512)")
                        .arg(qs(algorithm)));
            return QCryptographicHash::hash(bytes, a).toHex().toStdString();
        }
        if (name == "JsonMerge") {
            count(name, args, 3, 3);
            for (size_t i = 0; i < 2; ++i) {
                if (!args[i].value.is_object())
                    failIn(name,
                        QStringLiteral("argument %1 must be a JSON object, but was %2")
                            .arg(i + 1)
                            .arg(typeName(args[i].value)));
            }
            if (!args[2].value.is_boolean())
                failIn(name, QStringLiteral("argument 3 must be the boolean false"));
            if (args[2].value.get<bool>())
                failIn(name, QStringLiteral("deep merging (true) is not supported: only shallow merging (false)"));
            Json out = args[0].value;
            for (auto it = args[1].value.begin(); it != args[1].value.end(); ++it)
                out[it.key()] = *it;
            return out;
        }
        if (name == "MathRandom") {
            count(name, args, 2, 3);
            const long long first = roundedArg(name, args, 0), last = roundedArg(name, args, 1);
            if (args.size() == 3)
                (void)roundedArg(name, args, 2);
            if (last <= first)
                failIn(name, QStringLiteral("the end (%1) must be greater than the start (%2)").arg(last).arg(first));
            if (m_scope.volatileUses)
                m_scope.volatileUses->push_back("States.MathRandom");
            QRandomGenerator generator = args.size() == 3 ? QRandomGenerator(quint32(roundedArg(name, args, 2)))
                                                          : QRandomGenerator::securelySeeded();
            return first + static_cast<long long>(generator.bounded(quint64(last - first)));
        }
        if (name == "MathAdd") {
            count(name, args, 2, 2);
            return roundedArg(name, args, 0) + roundedArg(name, args, 1);
        }
        if (name == "StringSplit") {
            count(name, args, 2, 2);
            const std::string& text = stringArg(name, args, 0);
            const std::string& delimiters = stringArg(name, args, 1);
            Json out = Json::array();
            std::string token;
            for (const char c : text) {
                if (delimiters.find(c) != std::string::npos) {
                    if (!token.empty())
                        out.push_back(token);
                    token.clear();
                } else {
                    token.push_back(c);
                }
            }
            if (!token.empty())
                out.push_back(token);
            return out;
        }
        if (name == "UUID") {
            count(name, args, 0, 0);
            if (m_scope.volatileUses)
                m_scope.volatileUses->push_back("States.UUID");
            return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        }
        fail(QStringLiteral("unknown intrinsic function States.%1").arg(qs(name)));
    }

    std::string_view m_s;
    size_t m_i = 0;
    const PathScope& m_scope;
};

} // namespace

bool isIntrinsicCall(std::string_view text)
{
    return text.substr(0, 7) == "States.";
}

Json evaluateIntrinsic(std::string_view text, const PathScope& scope)
{
    return Evaluator(text, scope).run();
}

} // namespace Stepscope::Dataflow
