#include "dataflow/errorhandling.h"
#include "dataflow/statestages.h"

#include <QTest>

// QCOMPARE cannot take JSON values (QTest tries its qfloat16 overload on them).
#define COMPARE_JSON(actual, expected) QVERIFY2(jsonEquals((actual), (expected)), (actual).dump().c_str())

using namespace Stepscope::Dataflow;

namespace {

StateEvaluation run(const QByteArray& state, const QByteArray& input, const QByteArray& result = {},
                    const QString& error = {}, int retryCount = 0, const QByteArray& context = "{}",
                    const QByteArray& variables = "{}")
{
    StateRequest request;
    request.state = Json::parse(state.toStdString());
    request.stateName = QStringLiteral("TheState");
    request.input = Json::parse(input.toStdString());
    if (!result.isEmpty())
        request.result = Json::parse(result.toStdString());
    if (!error.isEmpty()) {
        request.error = error;
        request.cause = QStringLiteral("the cause");
    }
    request.retryCount = retryCount;
    request.context = Json::parse(context.toStdString());
    request.variables = Json::parse(variables.toStdString());
    return evaluateState(request);
}

} // namespace

// moc cannot read the raw JSON strings below: it is shown the slots alone.
#ifdef Q_MOC_RUN
class TestStateStages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void states_data();
    void states();
    void inspectionData();
    void errorDetails();
    void errorNames_data();
    void errorNames();
    void stagesAfterAFailureAreNotReached();
    void badInput_data();
    void badInput();
    void mapItemBatcher();
    void mapLimits();
    void mapItemSelectorIndex();
    void assign();
    void taskWithoutResult();
    void jsonataIsNotEvaluated();
};
#else
// The AWS guide's examples for each field ("Processing input and output", "InputPath, Parameters and
// ResultSelector", "ResultPath", Map's ItemsPath / ItemSelector / ItemBatcher) and TestState's documented outcomes.
class TestStateStages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void states_data()
    {
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("result");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("retryCount");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("next");
        QTest::addColumn<QByteArray>("output");

        const QByteArray helloInput
            = R"({"comment": "This is a test of the input and output of a Task state.", "details": "Default example",
                  "who": "AWS Step Functions"})";
        const QByteArray hello = R"("Hello, AWS Step Functions!")";
        // "ResultPath": the four ways to use it.
        QTest::addRow("ResultPath $ (default)") << QByteArray(R"({"Type": "Task", "Resource": "r", "End": true})")
                                                << helloInput << hello << QString() << 0 << "SUCCEEDED" << QString()
                                                << hello;
        QTest::addRow("ResultPath null keeps the input")
            << QByteArray(R"({"Type": "Task", "Resource": "r", "ResultPath": null, "End": true})") << helloInput
            << hello << QString() << 0 << "SUCCEEDED" << QString() << helloInput;
        QTest::addRow("ResultPath $.taskresult")
            << QByteArray(R"({"Type": "Task", "Resource": "r", "ResultPath": "$.taskresult", "Next": "N"})")
            << helloInput << hello << QString() << 0 << "SUCCEEDED" << "N"
            << QByteArray(R"({"comment": "This is a test of the input and output of a Task state.",
                  "details": "Default example", "who": "AWS Step Functions", "taskresult": "Hello, AWS Step Functions!"})");
        QTest::addRow("ResultPath into a nested object")
            << QByteArray(R"({"Type": "Task", "Resource": "r", "ResultPath": "$.strings.lambdaresult", "End": true})")
            << QByteArray(R"({"strings": {"string1": "foo", "string2": "bar", "string3": "baz"}, "who": "AWS Step Functions"})")
            << hello << QString() << 0 << "SUCCEEDED" << QString()
            << QByteArray(R"({"strings": {"string1": "foo", "string2": "bar", "string3": "baz",
                  "lambdaresult": "Hello, AWS Step Functions!"}, "who": "AWS Step Functions"})");
        // "Processing input and output": InputPath, ResultPath and OutputPath together; the result goes into the raw
        // input, not the effective one.
        QTest::addRow("InputPath + ResultPath + OutputPath")
            << QByteArray(R"({"Type": "Task", "Resource": "r", "InputPath": "$.lambda", "ResultPath": "$.data.lambdaresult",
                  "OutputPath": "$.data", "End": true})")
            << QByteArray(R"({"comment": "An input comment.", "data": {"val1": 23, "val2": 17}, "extra": "foo",
                  "lambda": {"who": "AWS Step Functions"}})")
            << hello << QString() << 0 << "SUCCEEDED" << QString()
            << QByteArray(R"({"val1": 23, "val2": 17, "lambdaresult": "Hello, AWS Step Functions!"})");
        // "InputPath, Parameters and ResultSelector": ResultSelector on an EMR result.
        QTest::addRow("ResultSelector")
            << QByteArray(R"({"Type": "Task", "Resource": "r", "ResultSelector": {"ClusterId.$": "$.output.ClusterId",
                  "ResourceType.$": "$.resourceType"}, "ResultPath": "$.EMROutput", "End": true})")
            << QByteArray(R"({"a": 1})")
            << QByteArray(R"({"resourceType": "elasticmapreduce", "resource": "createCluster.sync", "output": {
                  "SdkHttpMetadata": {"HttpStatusCode": 200}, "ClusterId": "AKIAIOSFODNN7EXAMPLE"}})")
            << QString() << 0 << "SUCCEEDED" << QString()
            << QByteArray(R"({"a": 1, "EMROutput": {"ClusterId": "AKIAIOSFODNN7EXAMPLE", "ResourceType": "elasticmapreduce"}})");
        QTest::addRow("Parameters")
            << QByteArray(R"({"Type": "Pass", "Parameters": {"comment": "Selecting what I care about.",
                  "MyDetails": {"size.$": "$.product.details.size", "exists.$": "$.product.availability",
                  "StaticValue": "foo"}}, "End": true})")
            << QByteArray(R"({"comment": "Example for Parameters.", "product": {"details": {"color": "blue",
                  "size": "small", "material": "cotton"}, "availability": "in stock", "sku": "2317", "cost": "$23"}})")
            << QByteArray() << QString() << 0 << "SUCCEEDED" << QString()
            << QByteArray(R"({"comment": "Selecting what I care about.", "MyDetails": {"size": "small",
                  "exists": "in stock", "StaticValue": "foo"}})");
        QTest::addRow("Pass Result")
            << QByteArray(R"({"Type": "Pass", "Result": {"x-datum": 0.381018, "y-datum": 622.2269926397355},
                  "ResultPath": "$.coords", "Next": "End"})")
            << QByteArray(R"({"georefOf": "Home"})") << QByteArray() << QString() << 0 << "SUCCEEDED" << "End"
            << QByteArray(R"({"georefOf": "Home", "coords": {"x-datum": 0.381018, "y-datum": 622.2269926397355}})");
        QTest::addRow("InputPath null") << QByteArray(R"({"Type": "Pass", "InputPath": null, "End": true})")
                                        << QByteArray(R"({"a": 1})") << QByteArray() << QString() << 0 << "SUCCEEDED"
                                        << QString() << QByteArray("{}");
        QTest::addRow("OutputPath null") << QByteArray(R"({"Type": "Pass", "OutputPath": null, "End": true})")
                                         << QByteArray(R"({"a": 1})") << QByteArray() << QString() << 0 << "SUCCEEDED"
                                         << QString() << QByteArray("{}");
        QTest::addRow("Succeed") << QByteArray(R"({"Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b"})")
                                 << QByteArray(R"({"a": {"b": 2}})") << QByteArray() << QString() << 0 << "SUCCEEDED"
                                 << QString() << QByteArray("2");
        QTest::addRow("Wait SecondsPath")
            << QByteArray(R"({"Type": "Wait", "SecondsPath": "$.s", "Next": "N"})") << QByteArray(R"({"s": 3})")
            << QByteArray() << QString() << 0 << "SUCCEEDED" << "N" << QByteArray(R"({"s": 3})");
        QTest::addRow("Wait TimestampPath")
            << QByteArray(R"({"Type": "Wait", "TimestampPath": "$.t", "Next": "N"})")
            << QByteArray(R"({"t": "2016-03-14T01:59:00Z"})") << QByteArray() << QString() << 0 << "SUCCEEDED" << "N"
            << QByteArray(R"({"t": "2016-03-14T01:59:00Z"})");
        QTest::addRow("Wait SecondsPath missing")
            << QByteArray(R"({"Type": "Wait", "SecondsPath": "$.input.waitSeconds", "Next": "N"})")
            << QByteArray("{}") << QByteArray() << QString() << 0 << "FAILED" << QString() << QByteArray();
        QTest::addRow("Choice") << QByteArray(R"({"Type": "Choice", "Choices": [{"Variable": "$.n",
                                       "NumericGreaterThan": 1, "Next": "Big"}], "Default": "Small"})")
                                << QByteArray(R"({"n": 5})") << QByteArray() << QString() << 0 << "SUCCEEDED"
                                << "Big" << QByteArray(R"({"n": 5})");
        QTest::addRow("Fail") << QByteArray(R"({"Type": "Fail", "ErrorPath": "$.e", "CausePath": "$.c"})")
                              << QByteArray(R"({"e": "E", "c": "C"})") << QByteArray() << QString() << 0 << "FAILED"
                              << QString() << QByteArray();
        // Map (ItemsPath, ItemSelector): the iterations' outputs are the result.
        QTest::addRow("Map")
            << QByteArray(R"({"Type": "Map", "ItemsPath": "$.detail.shipped", "ItemSelector": {"parcel.$": "$$.Map.Item.Value",
                  "courier.$": "$.detail.delivery-partner"}, "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass",
                  "End": true}}}, "ResultPath": "$.detail.shipped", "End": true})")
            << QByteArray(R"({"ship-date": "2016-03-14T01:59:00Z", "detail": {"delivery-partner": "UQS",
                  "shipped": [{"prod": "R31", "dest-code": 9511, "quantity": 1344}]}})")
            << QByteArray(R"([{"parcel": {"prod": "R31", "dest-code": 9511, "quantity": 1344}, "courier": "UQS"}])")
            << QString() << 0 << "SUCCEEDED" << QString()
            << QByteArray(R"({"ship-date": "2016-03-14T01:59:00Z", "detail": {"delivery-partner": "UQS",
                  "shipped": [{"parcel": {"prod": "R31", "dest-code": 9511, "quantity": 1344}, "courier": "UQS"}]}})");
        QTest::addRow("Parallel") << QByteArray(R"({"Type": "Parallel", "Branches": [], "ResultSelector": {"first.$": "$[0]"},
                                         "End": true})")
                                  << QByteArray("{}") << QByteArray(R"([{"a": 1}, {"b": 2}])") << QString() << 0
                                  << "SUCCEEDED" << QString() << QByteArray(R"({"first": {"a": 1}})");
        // TestState: an error with retries left is RETRIABLE; once spent, a Catch takes it; else FAILED.
        const QByteArray handled = R"({"Type": "Task", "Resource": "r", "Next": "N",
            "Retry": [{"ErrorEquals": ["Timeout"], "MaxAttempts": 2, "IntervalSeconds": 2, "BackoffRate": 3}],
            "Catch": [{"ErrorEquals": ["Other"], "Next": "Other"}, {"ErrorEquals": ["States.ALL"], "ResultPath": "$.error",
            "Next": "Handler"}]})";
        QTest::addRow("retriable") << handled << QByteArray(R"({"a": 1})") << QByteArray() << "Timeout" << 1
                                   << "RETRIABLE" << QString() << QByteArray();
        QTest::addRow("retries spent: caught") << handled << QByteArray(R"({"a": 1})") << QByteArray() << "Timeout" << 2
                                               << "CAUGHT_ERROR" << "Handler"
                                               << QByteArray(R"({"a": 1, "error": {"Error": "Timeout", "Cause": "the cause"}})");
        QTest::addRow("caught by the first match") << handled << QByteArray(R"({"a": 1})") << QByteArray() << "Other" << 0
                                                   << "CAUGHT_ERROR" << "Other"
                                                   << QByteArray(R"({"Error": "Other", "Cause": "the cause"})");
        QTest::addRow("not handled") << QByteArray(R"({"Type": "Task", "Resource": "r", "End": true})")
                                     << QByteArray("{}") << QByteArray() << "Boom" << 0 << "FAILED" << QString()
                                     << QByteArray();
        // States.Runtime is never retried nor caught (even by States.ALL).
        QTest::addRow("runtime error not caught")
            << QByteArray(R"({"Type": "Task", "Resource": "r", "OutputPath": "$.missing", "End": true,
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H"}, {"ErrorEquals": ["States.Runtime"], "Next": "H"}]})")
            << QByteArray("{}") << QByteArray("{}") << QString() << 0 << "FAILED" << QString() << QByteArray();
    }

    void states()
    {
        QFETCH(QByteArray, state);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, result);
        QFETCH(QString, error);
        QFETCH(int, retryCount);
        QFETCH(QString, status);
        QFETCH(QString, next);
        QFETCH(QByteArray, output);
        const StateEvaluation e = run(state, input, result, error, retryCount);
        QCOMPARE(evaluationStatusKey(e.status), status);
        QCOMPARE(e.nextState, next);
        if (!output.isEmpty()) {
            QVERIFY(e.output);
            QVERIFY2(jsonEquals(*e.output, Json::parse(output.toStdString())), e.output->dump().c_str());
        }
    }

    void inspectionData()
    {
        const StateEvaluation e = run(R"({"Type": "Task", "Resource": "r", "InputPath": "$.in",
            "Parameters": {"p.$": "$.v"}, "ResultSelector": {"r.$": "$.x"}, "ResultPath": "$.out", "End": true})",
            R"({"in": {"v": 1}})", R"({"x": 2})");
        const Json data = e.inspectionData();
        COMPARE_JSON(data["input"], Json::parse(R"({"in": {"v": 1}})"));
        COMPARE_JSON(data["afterInputPath"], Json::parse(R"({"v": 1})"));
        COMPARE_JSON(data["afterParameters"], Json::parse(R"({"p": 1})"));
        COMPARE_JSON(data["result"], Json::parse(R"({"x": 2})"));
        COMPARE_JSON(data["afterResultSelector"], Json::parse(R"({"r": 2})"));
        COMPARE_JSON(data["afterResultPath"], Json::parse(R"({"in": {"v": 1}, "out": {"r": 2}})"));
    }

    void errorDetails()
    {
        const StateEvaluation e = run(R"({"Type": "Task", "Resource": "r", "End": true, "Retry": [
            {"ErrorEquals": ["A"], "MaxAttempts": 1}, {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2,
            "BackoffRate": 3, "MaxDelaySeconds": 10, "MaxAttempts": 5}]})",
            "{}", {}, QStringLiteral("B"), 2);
        QCOMPARE(e.status, EvaluationStatus::Retriable);
        const Json details = e.inspectionData()["errorDetails"];
        COMPARE_JSON(details["retryIndex"], Json(1));
        COMPARE_JSON(details["retryBackoffIntervalSeconds"], Json(10)); // 2 × 3² = 18, capped at 10
        const StateEvaluation caught = run(R"({"Type": "Task", "Resource": "r", "End": true,
            "Catch": [{"ErrorEquals": ["X"], "Next": "A"}, {"ErrorEquals": ["States.TaskFailed"], "Next": "B"}]})",
            "{}", {}, QStringLiteral("Y"));
        COMPARE_JSON(caught.inspectionData()["errorDetails"]["catchIndex"], Json(1));
        const StateEvaluation timeout = run(R"({"Type": "Task", "Resource": "r", "End": true,
            "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "B"}]})",
            "{}", {}, QStringLiteral("States.Timeout"));
        QCOMPARE(timeout.status, EvaluationStatus::Failed); // States.TaskFailed does not match States.Timeout
    }

    // "Error names" in the AWS guide: States.ALL matches any error but the terminal ones; States.TaskFailed any but
    // States.Timeout; States.Runtime is never retried nor caught.
    void errorNames_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("matches");
        QTest::addRow("exact") << "MyError" << "MyError" << true;
        QTest::addRow("other") << "MyError" << "Other" << false;
        QTest::addRow("ALL") << "States.ALL" << "MyError" << true;
        QTest::addRow("ALL timeout") << "States.ALL" << "States.Timeout" << true;
        QTest::addRow("ALL runtime") << "States.ALL" << "States.Runtime" << false;
        QTest::addRow("ALL data limit") << "States.ALL" << "States.DataLimitExceeded" << false;
        QTest::addRow("data limit by name") << "States.DataLimitExceeded" << "States.DataLimitExceeded" << true;
        QTest::addRow("runtime by name") << "States.Runtime" << "States.Runtime" << false;
        QTest::addRow("TaskFailed") << "States.TaskFailed" << "Lambda.ServiceException" << true;
        QTest::addRow("TaskFailed timeout") << "States.TaskFailed" << "States.Timeout" << false;
        QTest::addRow("case matters") << "myerror" << "MyError" << false;
    }

    void errorNames()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, error);
        QFETCH(bool, matches);
        QCOMPARE(errorNameMatches(pattern, error), matches);
    }

    void stagesAfterAFailureAreNotReached()
    {
        const StateEvaluation e = run(R"({"Type": "Task", "Resource": "r", "Parameters": {"id.$": "$.order.id"},
            "End": true})", R"({"order": {}})", R"({})");
        QCOMPARE(e.status, EvaluationStatus::Failed);
        QCOMPARE(e.failedStage, QStringLiteral("afterParameters"));
        QCOMPARE(e.error, QStringLiteral("States.Runtime"));
        QVERIFY2(e.cause.contains(QLatin1String(
                     "The JSONPath '$.order.id' specified for the field 'id.$' could not be found in the input")),
            qPrintable(e.cause));
        QCOMPARE(e.stage(QStringLiteral("result"))->status, Stage::Status::NotReached);
        QCOMPARE(e.stage(QStringLiteral("output"))->status, Stage::Status::NotReached);
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("cause");
        QTest::addRow("invalid path") << QByteArray(R"({"Type": "Pass", "InputPath": "$.a[", "End": true})")
                                      << QByteArray("{}") << "afterInputPath" << "unbalanced";
        QTest::addRow(".$ on a non-string") << QByteArray(R"({"Type": "Pass", "Parameters": {"a.$": 1}, "End": true})")
                                            << QByteArray("{}") << "afterParameters" << "must be a STRING";
        QTest::addRow("intrinsic argument count")
            << QByteArray(R"x({"Type": "Pass", "Parameters": {"a.$": "States.ArrayLength()"}, "End": true})x")
            << QByteArray("{}") << "afterParameters" << "argument(s)";
        QTest::addRow("intrinsic argument type")
            << QByteArray(R"x({"Type": "Pass", "Parameters": {"a.$": "States.ArrayLength($.s)"}, "End": true})x")
            << QByteArray(R"({"s": "x"})") << "afterParameters" << "must be an array";
        const QByteArray big = "{\"s\": \"" + QByteArray(300 * 1024, 'x') + "\"}";
        QTest::addRow("payload over 256 KiB") << QByteArray(R"({"Type": "Pass", "End": true})") << big << "input"
                                              << "256 KiB";
    }

    void badInput()
    {
        QFETCH(QByteArray, state);
        QFETCH(QByteArray, input);
        QFETCH(QString, stage);
        QFETCH(QString, cause);
        const StateEvaluation e = run(state, input);
        QCOMPARE(e.status, EvaluationStatus::Failed);
        QCOMPARE(e.failedStage, stage);
        QVERIFY2(e.cause.contains(cause), qPrintable(e.cause));
    }

    void mapItemBatcher()
    {
        const StateEvaluation e = run(R"({"Type": "Map", "ItemBatcher": {"MaxItemsPerBatch": 2,
            "BatchInput": {"factCheck": "TRUE"}}, "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass",
            "End": true}}}, "End": true})", "[1, 2, 3]", "[1, 2]");
        const Json data = e.inspectionData();
        COMPARE_JSON(data["afterItemsPath"], Json::parse("[1, 2, 3]"));
        COMPARE_JSON(data["afterItemSelector"], Json::parse("[1, 2, 3]"));
        COMPARE_JSON(data["afterItemBatcher"], Json::parse(R"([{"BatchInput": {"factCheck": "TRUE"}, "Items": [1, 2]},
            {"BatchInput": {"factCheck": "TRUE"}, "Items": [3]}])"));
    }

    void mapLimits()
    {
        const StateEvaluation e = run(R"({"Type": "Map", "MaxConcurrency": 5, "ToleratedFailurePercentagePath": "$.p",
            "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
            "End": true})", R"({"p": 10, "items": []})", "[]");
        COMPARE_JSON(e.inspectionData()["maxConcurrency"], Json(5));
        COMPARE_JSON(e.inspectionData()["toleratedFailurePercentage"], Json(10));
        const StateEvaluation bad = run(R"({"Type": "Map", "ToleratedFailurePercentage": 200, "ItemProcessor":
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true})", "[]", "[]");
        QCOMPARE(bad.status, EvaluationStatus::Failed);
        QVERIFY(bad.cause.contains(QLatin1String("ToleratedFailurePercentage must be between 0 and 100.")));
    }

    void mapItemSelectorIndex()
    {
        const StateEvaluation e = run(R"({"Type": "Map", "ItemSelector": {"ContextIndex.$": "$$.Map.Item.Index",
            "ContextValue.$": "$$.Map.Item.Value"}, "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass",
            "End": true}}}, "End": true})", R"(["a", "b"])", "[]");
        COMPARE_JSON(e.inspectionData()["afterItemSelector"],
            Json::parse(R"([{"ContextIndex": 0, "ContextValue": "a"}, {"ContextIndex": 1, "ContextValue": "b"}])"));
    }

    void assign()
    {
        // JSONPath Assign reads the result (after ResultSelector) in a Task; all assignments see the old values.
        const StateEvaluation e = run(R"({"Type": "Task", "Resource": "r", "ResultSelector": {"v.$": "$.x"},
            "Assign": {"fromResult.$": "$.v", "old.$": "$count", "literal": 3, "ctx.$": "$$.State.Name"}, "End": true})",
            "{}", R"({"x": 9})", {}, 0, R"({"State": {"Name": "S"}})", R"({"count": 1})");
        COMPARE_JSON(e.assigned, Json::parse(R"({"fromResult": 9, "old": 1, "literal": 3, "ctx": "S"})"));
        COMPARE_JSON(e.variables["count"], Json(1));
        COMPARE_JSON(e.inspectionData()["variables"]["fromResult"], Json(9));
        // Catch Assign reads the error output.
        const StateEvaluation c = run(R"({"Type": "Task", "Resource": "r", "End": true, "Catch": [{"ErrorEquals":
            ["States.ALL"], "Assign": {"err.$": "$.Error"}, "Next": "H"}]})", "{}", {}, QStringLiteral("Oops"));
        QCOMPARE(c.status, EvaluationStatus::CaughtError);
        COMPARE_JSON(c.assigned, Json::parse(R"({"err": "Oops"})"));
    }

    void taskWithoutResult()
    {
        const StateEvaluation e = run(R"({"Type": "Task", "Resource": "r", "End": true})", "{}");
        QCOMPARE(e.status, EvaluationStatus::NotEvaluated);
        QVERIFY(e.notEvaluatedReason.contains(QLatin1String("result")));
    }

    void jsonataIsNotEvaluated()
    {
        StateRequest request;
        request.state = Json::parse(R"({"Type": "Pass", "Output": "{% 1 %}", "End": true})");
        request.jsonata = true;
        const StateEvaluation e = evaluateState(request);
        QCOMPARE(e.status, EvaluationStatus::NotEvaluated);
        QCOMPARE(e.notEvaluatedReason, QStringLiteral("JSONata: not evaluated yet"));
    }
};

#endif

QTEST_GUILESS_MAIN(TestStateStages)
#include "tst_statestages.moc"
