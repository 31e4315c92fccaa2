#include "dataflow/choiceevaluation.h"

#include <QTest>

// QCOMPARE cannot take JSON values (QTest tries its qfloat16 overload on them).
#define COMPARE_JSON(actual, expected) QVERIFY2(jsonEquals((actual), (expected)), (actual).dump().c_str())

using namespace Stepscope::Dataflow;

// Choice rules as the AWS guide's "Choice state" page describes them: every operator, its ...Path form, the type
// tests, StringMatches with * and escapes, And / Or / Not.
class TestChoiceEvaluation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<bool>("expected");
        const auto row = [](const char* name, const char* rule, bool expected) {
            QTest::addRow("%s", name) << QByteArray(rule) << expected;
        };
        row("StringEquals", R"({"Variable": "$.type", "StringEquals": "Private"})", true);
        row("StringEquals no", R"({"Variable": "$.type", "StringEquals": "Public"})", false);
        row("StringEquals on a number", R"({"Variable": "$.value", "StringEquals": "25"})", false);
        row("StringEqualsPath", R"({"Variable": "$.type", "StringEqualsPath": "$.otherType"})", true);
        row("StringLessThan", R"({"Variable": "$.type", "StringLessThan": "Q"})", true);
        row("StringGreaterThan", R"({"Variable": "$.type", "StringGreaterThan": "Q"})", false);
        row("StringLessThanEquals", R"({"Variable": "$.type", "StringLessThanEquals": "Private"})", true);
        row("StringGreaterThanEquals", R"({"Variable": "$.type", "StringGreaterThanEquals": "Private"})", true);
        row("StringLessThanPath", R"({"Variable": "$.type", "StringLessThanPath": "$.later"})", true);
        row("StringMatches", R"({"Variable": "$.file", "StringMatches": "log-*.txt"})", true);
        row("StringMatches prefix", R"({"Variable": "$.file", "StringMatches": "log-*"})", true);
        row("StringMatches no", R"({"Variable": "$.file", "StringMatches": "*.log"})", false);
        row("StringMatches escaped star", R"({"Variable": "$.star", "StringMatches": "a\\*b"})", true);
        row("StringMatches escaped star no", R"({"Variable": "$.file", "StringMatches": "log-\\*.txt"})", false);
        row("NumericEquals", R"({"Variable": "$.value", "NumericEquals": 25})", true);
        row("NumericEquals float", R"({"Variable": "$.value", "NumericEquals": 25.0})", true);
        row("NumericLessThan", R"({"Variable": "$.value", "NumericLessThan": 30})", true);
        row("NumericGreaterThan", R"({"Variable": "$.value", "NumericGreaterThan": 20})", true);
        row("NumericLessThanEquals", R"({"Variable": "$.value", "NumericLessThanEquals": 25})", true);
        row("NumericGreaterThanEquals", R"({"Variable": "$.value", "NumericGreaterThanEquals": 26})", false);
        row("NumericEqualsPath", R"({"Variable": "$.value", "NumericEqualsPath": "$.same"})", true);
        row("NumericGreaterThanPath", R"({"Variable": "$.value", "NumericGreaterThanPath": "$.small"})", true);
        row("NumericLessThanEqualsPath", R"({"Variable": "$.value", "NumericLessThanEqualsPath": "$.small"})", false);
        row("NumericGreaterThanEqualsPath", R"({"Variable": "$.value", "NumericGreaterThanEqualsPath": "$.same"})", true);
        row("NumericLessThanPath", R"({"Variable": "$.small", "NumericLessThanPath": "$.value"})", true);
        row("Numeric on a string", R"({"Variable": "$.type", "NumericEquals": 1})", false);
        row("BooleanEquals", R"({"Variable": "$.flag", "BooleanEquals": true})", true);
        row("BooleanEqualsPath", R"({"Variable": "$.flag", "BooleanEqualsPath": "$.flag"})", true);
        row("TimestampEquals", R"({"Variable": "$.when", "TimestampEquals": "2016-03-14T01:59:00Z"})", true);
        row("TimestampEquals offset", R"({"Variable": "$.when", "TimestampEquals": "2016-03-14T02:59:00+01:00"})", true);
        row("TimestampLessThan", R"({"Variable": "$.when", "TimestampLessThan": "2016-03-15T00:00:00Z"})", true);
        row("TimestampGreaterThan", R"({"Variable": "$.when", "TimestampGreaterThan": "2016-03-15T00:00:00Z"})", false);
        row("TimestampLessThanEquals", R"({"Variable": "$.when", "TimestampLessThanEquals": "2016-03-14T01:59:00Z"})",
            true);
        row("TimestampGreaterThanEquals",
            R"({"Variable": "$.when", "TimestampGreaterThanEquals": "2016-03-14T01:59:00Z"})", true);
        row("TimestampEqualsPath", R"({"Variable": "$.when", "TimestampEqualsPath": "$.when"})", true);
        row("Timestamp on bad text", R"({"Variable": "$.type", "TimestampEquals": "2016-03-14T01:59:00Z"})", false);
        row("IsNull", R"({"Variable": "$.nothing", "IsNull": true})", true);
        row("IsNull false", R"({"Variable": "$.value", "IsNull": false})", true);
        row("IsPresent", R"({"Variable": "$.value", "IsPresent": true})", true);
        row("IsPresent missing", R"({"Variable": "$.missing", "IsPresent": true})", false);
        row("IsPresent false on missing", R"({"Variable": "$.missing", "IsPresent": false})", true);
        row("IsNumeric", R"({"Variable": "$.value", "IsNumeric": true})", true);
        row("IsNumeric string", R"({"Variable": "$.numberText", "IsNumeric": true})", false);
        row("IsString", R"({"Variable": "$.type", "IsString": true})", true);
        row("IsBoolean", R"({"Variable": "$.flag", "IsBoolean": true})", true);
        row("IsTimestamp", R"({"Variable": "$.when", "IsTimestamp": true})", true);
        row("IsTimestamp no zone", R"({"Variable": "$.noZone", "IsTimestamp": true})", false);
        row("And", R"({"And": [{"Variable": "$.value", "NumericGreaterThanEquals": 20},
                     {"Variable": "$.value", "NumericLessThan": 30}]})", true);
        row("And false", R"({"And": [{"Variable": "$.value", "NumericGreaterThanEquals": 20},
                           {"Variable": "$.value", "NumericLessThan": 25}]})", false);
        row("Or", R"({"Or": [{"Variable": "$.value", "NumericLessThan": 20},
                    {"Variable": "$.type", "StringEquals": "Private"}]})", true);
        row("Not", R"({"Not": {"Variable": "$.type", "StringEquals": "Private"}})", false);
        row("variable", R"({"Variable": "$limit", "NumericEquals": 10})", true);
        row("context", R"({"Variable": "$$.State.Name", "StringEquals": "Check"})", true);
    }

    void rules()
    {
        QFETCH(QByteArray, rule);
        QFETCH(bool, expected);
        const Json input = Json::parse(R"({"type": "Private", "otherType": "Private", "later": "Zed", "value": 25,
            "same": 25, "small": 3, "flag": true, "when": "2016-03-14T01:59:00Z", "noZone": "2016-03-14T01:59:00",
            "nothing": null, "numberText": "25", "file": "log-2024.txt", "star": "a*b"})");
        const Json context = Json::parse(R"({"State": {"Name": "Check"}})");
        const Json variables = Json::parse(R"({"limit": 10})");
        const PathScope scope { &input, &context, &variables, nullptr };
        const RuleEvaluation r = evaluateChoiceRule(Json::parse(rule.toStdString()), scope);
        QCOMPARE(r.result, expected);
    }

    void missingVariableIsRuntimeError()
    {
        const Json input = Json::object();
        const PathScope scope { &input, nullptr, nullptr, nullptr };
        try {
            (void)evaluateChoiceRule(Json::parse(R"({"Variable": "$.missing", "StringEquals": "x"})"), scope);
            QFAIL("no error");
        } catch (const DataflowError& e) {
            QCOMPARE(e.error, QStringLiteral("States.Runtime"));
            QVERIFY(e.cause.contains(QLatin1String("Invalid path '$.missing'")));
        }
    }

    void stateChoosesFirstMatchOrDefault()
    {
        const Json state = Json::parse(R"({"Type": "Choice", "Choices": [
            {"Variable": "$.value", "NumericLessThan": 10, "Next": "Small"},
            {"Variable": "$.value", "NumericLessThan": 100, "Next": "Medium"},
            {"Variable": "$.value", "NumericLessThan": 1000, "Next": "Large"}], "Default": "Huge"})");
        const Json medium = Json::parse(R"({"value": 50})");
        ChoiceEvaluation e = evaluateChoiceState(state, { &medium, nullptr, nullptr, nullptr });
        QCOMPARE(e.matchedRule, 1);
        QCOMPARE(e.nextState, QStringLiteral("Medium"));
        QCOMPARE(e.rules.size(), size_t(2)); // evaluation stops at the first match
        QVERIFY(!e.rules[0].result);
        COMPARE_JSON(*e.rules[1].variableValue, Json(50));
        const Json huge = Json::parse(R"({"value": 5000})");
        e = evaluateChoiceState(state, { &huge, nullptr, nullptr, nullptr });
        QCOMPARE(e.matchedRule, -1);
        QVERIFY(e.defaultTaken);
        QCOMPARE(e.nextState, QStringLiteral("Huge"));
        QVERIFY(e.reason.contains(QLatin1String("Default")));
    }

    void noMatchNoDefault()
    {
        const Json state = Json::parse(R"({"Type": "Choice", "Choices": [
            {"Variable": "$.value", "NumericLessThan": 10, "Next": "Small"}]})");
        const Json input = Json::parse(R"({"value": 50})");
        try {
            (void)evaluateChoiceState(state, { &input, nullptr, nullptr, nullptr });
            QFAIL("no error");
        } catch (const DataflowError& e) {
            QCOMPARE(e.error, QStringLiteral("States.NoChoiceMatched"));
        }
    }

    void matches_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("expected");
        QTest::addRow("star") << "foo.log" << "*.log" << true;
        QTest::addRow("middle") << "foo23.log" << "foo*.log" << true;
        QTest::addRow("escaped star") << "foo*.log" << "foo\\*.log" << true;
        QTest::addRow("escaped star literal only") << "foo2.log" << "foo\\*.log" << false;
        QTest::addRow("escaped backslash") << "a\\b" << "a\\\\b" << true;
        QTest::addRow("regex characters are literal") << "a+b" << "a+b" << true;
        QTest::addRow("whole string") << "xfoo.log" << "foo*" << false;
    }

    void matches()
    {
        QFETCH(QString, value);
        QFETCH(QString, pattern);
        QFETCH(bool, expected);
        QCOMPARE(stringMatches(value, pattern), expected);
    }
};

QTEST_GUILESS_MAIN(TestChoiceEvaluation)
#include "tst_choiceevaluation.moc"
