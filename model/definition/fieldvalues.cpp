#include "jsonatacheck.h"
#include "jsonpathcheck.h"
#include "validatorchecks.h"

#include <QStringList>

#include <cmath>

namespace Stepscope::Validation {

namespace {

constexpr int MaxTemplateDepth = 200; // deeper payloads are not walked (their values are still kept)

QString typeNoun(const Json& value)
{
    return jsonTypeName(value);
}

QString field(std::string_view name)
{
    return inQuotes(name);
}

} // namespace

QString jsonTypeName(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return QStringLiteral("null");
    case Json::value_t::boolean:
        return QStringLiteral("a boolean");
    case Json::value_t::string:
        return QStringLiteral("a string");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return QStringLiteral("an integer");
    case Json::value_t::number_float:
        return QStringLiteral("a number");
    case Json::value_t::object:
        return QStringLiteral("an object");
    case Json::value_t::array:
        return QStringLiteral("an array");
    default:
        return QStringLiteral("an unsupported value");
    }
}

bool containsPlaceholder(std::string_view text)
{
    const size_t open = text.find("${");
    return open != std::string_view::npos && text.find('}', open + 2) != std::string_view::npos;
}

bool isPlaceholder(const Json& value)
{
    return value.is_string() && containsPlaceholder(value.get_ref<const std::string&>());
}

bool isIntrinsicObject(const Json& value)
{
    if (!value.is_object() || value.size() != 1)
        return false;
    const std::string& key = value.begin().key();
    return key == "Ref" || key.starts_with("Fn::");
}

bool isJsonataExpression(const Json& value)
{
    if (!value.is_string())
        return false;
    const std::string& s = value.get_ref<const std::string&>();
    return s.size() >= 4 && s.starts_with("{%") && s.ends_with("%}");
}

bool isDynamic(const Json& value, Language language)
{
    return isPlaceholder(value) || isIntrinsicObject(value) || (language == Language::JSONata && isJsonataExpression(value));
}

void expectString(Reporter& r, const Json& value, const std::string& pointer, std::string_view name, Language)
{
    if (!value.is_string() && !isIntrinsicObject(value))
        r.error(pointer, QStringLiteral("%1 must be a string, not %2").arg(field(name), typeNoun(value)));
}

void expectInteger(Reporter& r, const Json& value, const std::string& pointer, std::string_view name, long long min,
    Language language, std::optional<long long> max)
{
    if (isDynamic(value, language))
        return;
    auto range = [&] {
        return max ? QStringLiteral("an integer from %1 to %2").arg(min).arg(*max)
            : min == 0 ? QStringLiteral("an integer of 0 or more")
            : min == 1 ? QStringLiteral("a positive integer")
                       : QStringLiteral("an integer of at least %1").arg(min);
    };
    const bool integral = value.is_number_integer() || value.is_number_unsigned()
        || (value.is_number_float() && std::isfinite(value.get<double>())
            && std::floor(value.get<double>()) == value.get<double>());
    if (!integral) {
        r.error(pointer, QStringLiteral("%1 must be %2, not %3").arg(field(name), range(), typeNoun(value)));
        return;
    }
    const double number = value.get<double>();
    if (number < static_cast<double>(min) || (max && number > static_cast<double>(*max)))
        r.error(pointer, QStringLiteral("%1 must be %2, not %3").arg(field(name), range(), toQString(value.dump())));
}

void expectNumber(Reporter& r, const Json& value, const std::string& pointer, std::string_view name, double min,
    Language language, std::optional<double> max)
{
    if (isDynamic(value, language))
        return;
    auto range = [&] {
        return max ? QStringLiteral("a number from %1 to %2").arg(min).arg(*max)
                   : QStringLiteral("a number of at least %1").arg(min);
    };
    if (!value.is_number()) {
        r.error(pointer, QStringLiteral("%1 must be %2, not %3").arg(field(name), range(), typeNoun(value)));
        return;
    }
    const double number = value.get<double>();
    if (number < min || (max && number > *max))
        r.error(pointer, QStringLiteral("%1 must be %2, not %3").arg(field(name), range(), toQString(value.dump())));
}

void expectEnum(Reporter& r, const Json& value, const std::string& pointer, std::string_view name,
    std::initializer_list<std::string_view> allowed, Language language)
{
    if (isDynamic(value, language))
        return;
    for (const std::string_view a : allowed) {
        if (value.is_string() && value.get_ref<const std::string&>() == a)
            return;
    }
    QStringList names;
    for (const std::string_view a : allowed)
        names.append(inQuotes(a));
    const QString actual = value.is_string() ? inQuotes(value.get_ref<const std::string&>()) : typeNoun(value);
    r.error(pointer, QStringLiteral("%1 must be one of %2, not %3").arg(field(name), names.join(QStringLiteral(", ")), actual));
}

void expectObject(Reporter& r, const Json& value, const std::string& pointer, std::string_view name, Language language)
{
    if (!value.is_object() && !isDynamic(value, language))
        r.error(pointer, QStringLiteral("%1 must be an object, not %2").arg(field(name), typeNoun(value)));
}

void expectStringArray(Reporter& r, const Json& value, const std::string& pointer, std::string_view name, Language language)
{
    if (isDynamic(value, language))
        return;
    if (!value.is_array()) {
        r.error(pointer, QStringLiteral("%1 must be an array of strings, not %2").arg(field(name), typeNoun(value)));
        return;
    }
    for (size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string())
            r.error(child(pointer, i),
                QStringLiteral("%1 must hold only strings; item %2 is %3").arg(field(name)).arg(i + 1).arg(typeNoun(value[i])));
    }
}

void expectPath(Reporter& r, const Json& value, const std::string& pointer, std::string_view name, bool allowNull,
    bool reference, bool intrinsic)
{
    if (value.is_null()) {
        if (!allowNull)
            r.error(pointer, QStringLiteral("%1 must be a path, not null").arg(field(name)));
        return;
    }
    if (!value.is_string()) {
        r.error(pointer, QStringLiteral("%1 must be a path string, not %2").arg(field(name), typeNoun(value)));
        return;
    }
    const std::string& path = value.get_ref<const std::string&>();
    if (containsPlaceholder(path))
        return;
    const QString problem = reference ? checkReferencePath(path) : intrinsic ? checkPathOrIntrinsic(path) : checkPath(path);
    if (!problem.isEmpty())
        r.error(pointer, QStringLiteral("%1 is not a valid %2 (%3): %4")
                             .arg(field(name), reference ? QStringLiteral("reference path") : QStringLiteral("path"),
                                 toQString(path), problem));
}

void checkPayloadTemplate(Reporter& r, const Json& value, const std::string& pointer, int depth)
{
    if (depth > MaxTemplateDepth)
        return;
    if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i)
            checkPayloadTemplate(r, value[i], child(pointer, i), depth + 1);
        return;
    }
    if (!value.is_object())
        return;
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string& key = it.key();
        const bool dynamic = key.size() > 2 && key.ends_with(".$");
        if (!dynamic && !it->is_structured())
            continue; // a literal: nothing to check, and no pointer to build
        const std::string memberPointer = child(pointer, key);
        if (dynamic) {
            const std::string plain = key.substr(0, key.size() - 2);
            if (value.contains(plain))
                r.error(memberPointer,
                    QStringLiteral("%1 and %2 both set the field %2: keep one").arg(inQuotes(key), inQuotes(plain)));
            if (!it->is_string()) {
                r.error(memberPointer,
                    QStringLiteral("%1 must be a path or an intrinsic function string, not %2").arg(inQuotes(key), typeNoun(*it)));
                continue;
            }
            const std::string& expression = it->get_ref<const std::string&>();
            if (containsPlaceholder(expression))
                continue;
            if (const QString problem = checkPathOrIntrinsic(expression); !problem.isEmpty())
                r.error(memberPointer, QStringLiteral("%1 must hold a path or an intrinsic function: %2").arg(inQuotes(key), problem));
            continue;
        }
        checkPayloadTemplate(r, *it, memberPointer, depth + 1);
    }
}

namespace {

/// Whether checkJsonataValues has anything to look at in `value` (saves building pointers for plain literals).
bool mayHoldJsonata(const Json& value)
{
    if (value.is_structured())
        return true;
    if (!value.is_string())
        return false;
    const std::string& s = value.get_ref<const std::string&>();
    return s.starts_with("{%") || s.ends_with("%}");
}

} // namespace

void checkJsonataValues(Reporter& r, const Json& value, const std::string& pointer, int depth)
{
    if (depth > MaxTemplateDepth)
        return;
    if (value.is_string()) {
        if (const auto finding = checkJsonataString(value.get_ref<const std::string&>()))
            r.add(finding->severity, pointer, finding->message);
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i) {
            if (mayHoldJsonata(value[i]))
                checkJsonataValues(r, value[i], child(pointer, i), depth + 1);
        }
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (it.key() != "Comment" && mayHoldJsonata(*it))
                checkJsonataValues(r, *it, child(pointer, it.key()), depth + 1);
        }
    }
}

void expectKnownMembers(Reporter& r, const Json& object, const std::string& pointer, std::string_view what,
    std::initializer_list<std::string_view> known, Severity severity)
{
    if (!object.is_object())
        return;
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool found = false;
        for (const std::string_view k : known)
            found = found || it.key() == k;
        if (!found)
            r.add(severity, child(pointer, it.key()),
                QStringLiteral("%1 is not a field of %2").arg(inQuotes(it.key()), QString::fromUtf8(what.data(), static_cast<qsizetype>(what.size()))));
    }
}

void expectExclusive(Reporter& r, const Json& object, const std::string& pointer, std::string_view what,
    std::initializer_list<std::string_view> fields, bool required)
{
    if (!object.is_object())
        return;
    int count = 0;
    for (const std::string_view f : fields)
        count += object.contains(f) ? 1 : 0;
    if (count == 1 || (count == 0 && !required))
        return;
    QStringList present;
    QStringList names;
    std::string_view second;
    for (const std::string_view f : fields) {
        names.append(inQuotes(f));
        if (object.contains(f)) {
            if (present.size() == 1)
                second = f;
            present.append(inQuotes(f));
        }
    }
    const QString whatText = QString::fromUtf8(what.data(), static_cast<qsizetype>(what.size()));
    if (present.size() > 1)
        r.error(child(pointer, second), QStringLiteral("%1 cannot have both %2: use only one")
                                            .arg(whatText, present.join(QStringLiteral(" and "))));
    else if (required && present.isEmpty())
        r.error(pointer, QStringLiteral("%1 needs %2").arg(whatText,
                             names.size() == 2 ? names.join(QStringLiteral(" or "))
                                               : QStringLiteral("one of ") + names.join(QStringLiteral(", "))));
}

} // namespace Stepscope::Validation
