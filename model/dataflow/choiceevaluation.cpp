#include "choiceevaluation.h"

#include <QDateTime>
#include <QRegularExpression>

namespace Stepscope::Dataflow {

namespace {

struct Operator {
    const char* name;
    enum Kind { String, Numeric, Boolean, Timestamp, Matches, Type } kind;
    enum Compare { Eq, Lt, Gt, Le, Ge, None } compare;
};

constexpr Operator operators[] = {
    { "StringEquals", Operator::String, Operator::Eq },
    { "StringLessThan", Operator::String, Operator::Lt },
    { "StringGreaterThan", Operator::String, Operator::Gt },
    { "StringLessThanEquals", Operator::String, Operator::Le },
    { "StringGreaterThanEquals", Operator::String, Operator::Ge },
    { "StringMatches", Operator::Matches, Operator::None },
    { "NumericEquals", Operator::Numeric, Operator::Eq },
    { "NumericLessThan", Operator::Numeric, Operator::Lt },
    { "NumericGreaterThan", Operator::Numeric, Operator::Gt },
    { "NumericLessThanEquals", Operator::Numeric, Operator::Le },
    { "NumericGreaterThanEquals", Operator::Numeric, Operator::Ge },
    { "BooleanEquals", Operator::Boolean, Operator::Eq },
    { "TimestampEquals", Operator::Timestamp, Operator::Eq },
    { "TimestampLessThan", Operator::Timestamp, Operator::Lt },
    { "TimestampGreaterThan", Operator::Timestamp, Operator::Gt },
    { "TimestampLessThanEquals", Operator::Timestamp, Operator::Le },
    { "TimestampGreaterThanEquals", Operator::Timestamp, Operator::Ge },
    { "IsNull", Operator::Type, Operator::None },
    { "IsPresent", Operator::Type, Operator::None },
    { "IsNumeric", Operator::Type, Operator::None },
    { "IsString", Operator::Type, Operator::None },
    { "IsBoolean", Operator::Type, Operator::None },
    { "IsTimestamp", Operator::Type, Operator::None },
};

template <typename T> bool compareWith(Operator::Compare c, const T& a, const T& b)
{
    switch (c) {
    case Operator::Eq:
        return a == b;
    case Operator::Lt:
        return a < b;
    case Operator::Gt:
        return a > b;
    case Operator::Le:
        return a <= b;
    case Operator::Ge:
        return a >= b;
    case Operator::None:
        break;
    }
    return false;
}

QString shortText(const Json& v)
{
    QString t = compactText(v);
    return t.size() > 80 ? t.left(77) + QStringLiteral("...") : t;
}

} // namespace

bool stringMatches(const QString& value, const QString& pattern)
{
    QString regex;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\' && i + 1 < pattern.size()) {
            regex += QRegularExpression::escape(QString(pattern.at(++i)));
        } else if (c == u'*') {
            regex += QStringLiteral(".*");
        } else {
            regex += QRegularExpression::escape(QString(c));
        }
    }
    const QRegularExpression re(
        QRegularExpression::anchoredPattern(regex), QRegularExpression::DotMatchesEverythingOption);
    return re.match(value).hasMatch();
}

std::optional<qint64> parseTimestampMs(const QString& text)
{
    static const QRegularExpression rfc3339(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|z|[+-]\\d{2}:\\d{2})$"));
    if (!rfc3339.match(text).hasMatch())
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

RuleEvaluation evaluateChoiceRule(const Json& rule, const PathScope& scope)
{
    RuleEvaluation out;
    if (!rule.is_object())
        throw runtimeError(QStringLiteral("a Choice rule must be an object, not %1").arg(compactText(rule)));
    for (const char* logical : { "And", "Or" }) {
        if (rule.contains(logical)) {
            out.op = QString::fromLatin1(logical);
            const bool isAnd = out.op == QLatin1String("And");
            out.result = isAnd;
            QStringList parts;
            for (const Json& sub : rule[logical]) {
                RuleEvaluation child = evaluateChoiceRule(sub, scope);
                parts.append(child.text);
                const bool r = child.result;
                out.children.push_back(std::move(child));
                if (isAnd && !r) {
                    out.result = false;
                    break;
                }
                if (!isAnd && r) {
                    out.result = true;
                    break;
                }
            }
            out.text = QStringLiteral("(") + parts.join(isAnd ? QStringLiteral(" and ") : QStringLiteral(" or "))
                + QStringLiteral(")");
            return out;
        }
    }
    if (rule.contains("Not")) {
        out.op = QStringLiteral("Not");
        RuleEvaluation child = evaluateChoiceRule(rule["Not"], scope);
        out.result = !child.result;
        out.text = QStringLiteral("not ") + child.text;
        out.children.push_back(std::move(child));
        return out;
    }
    if (!rule.contains("Variable") || !rule["Variable"].is_string())
        throw runtimeError(QStringLiteral("a Choice rule needs a Variable: %1").arg(compactText(rule)));
    const std::string variablePath = rule["Variable"].get<std::string>();
    out.variable = QString::fromStdString(variablePath);
    const JsonPath path = JsonPath::parse(variablePath);
    out.variableValue = path.find(scope);

    for (const Operator& candidate : operators) {
        const std::string name = candidate.name;
        const bool plain = rule.contains(name);
        const bool viaPath = candidate.kind != Operator::Type && rule.contains(name + "Path");
        if (!plain && !viaPath)
            continue;
        out.op = QString::fromStdString(viaPath ? name + "Path" : name);
        Json operand = viaPath ? JsonPath::parse(rule[name + "Path"].get<std::string>()).evaluate(scope) : rule[name];
        out.operand = operand;
        out.text = QStringLiteral("%1 %2 %3").arg(out.variable, out.op, shortText(operand));
        if (name == "IsPresent") {
            out.result = out.variableValue.has_value() == (operand.is_boolean() && operand.get<bool>());
            return out;
        }
        if (!out.variableValue)
            throw runtimeError(QStringLiteral("Invalid path '%1' : No results for path: %2")
                                   .arg(out.variable, QString::fromStdString(path.normalized())));
        const Json& v = *out.variableValue;
        const bool expected = operand.is_boolean() && operand.get<bool>();
        switch (candidate.kind) {
        case Operator::Type:
            if (name == "IsNull")
                out.result = v.is_null() == expected;
            else if (name == "IsNumeric")
                out.result = v.is_number() == expected;
            else if (name == "IsString")
                out.result = v.is_string() == expected;
            else if (name == "IsBoolean")
                out.result = v.is_boolean() == expected;
            else if (name == "IsTimestamp")
                out.result
                    = (v.is_string() && parseTimestampMs(QString::fromStdString(v.get<std::string>()))) == expected;
            break;
        case Operator::String:
            out.result = v.is_string() && operand.is_string()
                && compareWith(candidate.compare, v.get<std::string>(), operand.get<std::string>());
            break;
        case Operator::Matches:
            out.result = v.is_string() && operand.is_string()
                && stringMatches(
                    QString::fromStdString(v.get<std::string>()), QString::fromStdString(operand.get<std::string>()));
            break;
        case Operator::Numeric:
            out.result = v.is_number() && operand.is_number()
                && compareWith(candidate.compare, v.get<double>(), operand.get<double>());
            break;
        case Operator::Boolean:
            out.result = v.is_boolean() && operand.is_boolean() && v.get<bool>() == operand.get<bool>();
            break;
        case Operator::Timestamp: {
            if (!v.is_string() || !operand.is_string())
                break;
            const auto a = parseTimestampMs(QString::fromStdString(v.get<std::string>()));
            const auto b = parseTimestampMs(QString::fromStdString(operand.get<std::string>()));
            out.result = a && b && compareWith(candidate.compare, *a, *b);
            break;
        }
        }
        return out;
    }
    throw runtimeError(QStringLiteral("the Choice rule on %1 has no comparison operator").arg(out.variable));
}

ChoiceEvaluation evaluateChoiceState(const Json& state, const PathScope& scope)
{
    ChoiceEvaluation out;
    const Json choices = state.value("Choices", Json::array());
    for (size_t i = 0; i < choices.size(); ++i) {
        out.rules.push_back(evaluateChoiceRule(choices[i], scope));
        if (out.rules.back().result) {
            out.matchedRule = int(i);
            out.nextState = QString::fromStdString(choices[i].value("Next", std::string()));
            out.reason = QStringLiteral("rule %1 matched: %2").arg(i + 1).arg(out.rules.back().text);
            return out;
        }
    }
    if (state.contains("Default") && state["Default"].is_string()) {
        out.defaultTaken = true;
        out.nextState = QString::fromStdString(state["Default"].get<std::string>());
        out.reason = QStringLiteral("none of the %1 rule(s) matched: Default taken").arg(choices.size());
        return out;
    }
    throw DataflowError(QStringLiteral("States.NoChoiceMatched"),
        QStringLiteral("No Matches! (none of the %1 rule(s) matched and there is no Default)").arg(choices.size()));
}

} // namespace Stepscope::Dataflow
