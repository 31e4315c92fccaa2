#include "validatorcases.h"

#include <QString>
#include <QTest>

void addFindingRows()
{
        QTest::addRow("valid pass") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}})json") << QStringLiteral("none") << QString::fromUtf8(R"json()json") << QStringLiteral("");
        QTest::addRow("valid choice operators") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"And":[{"Variable":"$.a","IsPresent":true},{"Not":{"Variable":"$.a","StringMatches":"x*"}}],"Next":"S"},{"Or":[{"Variable":"$.n","NumericGreaterThanEqualsPath":"$.m"},{"Variable":"$.t","TimestampLessThan":"2024-01-01T00:00:00Z"}],"Next":"S"}],"Default":"F"},"S":{"Type":"Succeed"},"F":{"Type":"Fail","Error":"E","Cause":"c"}}})json") << QStringLiteral("none") << QString::fromUtf8(R"json()json") << QStringLiteral("");
        QTest::addRow("valid jsonata task") << QByteArray(R"json({"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f","Payload":"{% $states.input %}"},"Output":"{% $states.result.Payload %}","Assign":{"count":"{% $count + 1 %}"},"TimeoutSeconds":"{% $t %}","Catch":[{"ErrorEquals":["States.ALL"],"Next":"B","Output":"{% $states.errorOutput %}"}],"Next":"B"},"B":{"Type":"Choice","Choices":[{"Condition":"{% $count > 3 %}","Next":"C"}],"Default":"C"},"C":{"Type":"Succeed"}}})json") << QStringLiteral("none") << QString::fromUtf8(R"json()json") << QStringLiteral("");
        QTest::addRow("valid distributed map") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW","MaxItems":10},"Parameters":{"Bucket":"b","Key.$":"$.key"}},"ItemBatcher":{"MaxItemsPerBatch":10},"ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"b","Prefix":"p"}},"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},"ToleratedFailurePercentage":5,"Label":"Items","MaxConcurrency":100,"End":true}}})json") << QStringLiteral("none") << QString::fromUtf8(R"json()json") << QStringLiteral("");
        QTest::addRow("valid retry") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST","Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":2,"MaxAttempts":0,"BackoffRate":1.5,"MaxDelaySeconds":10,"JitterStrategy":"FULL"},{"ErrorEquals":["States.ALL"]}],"End":true}}})json") << QStringLiteral("none") << QString::fromUtf8(R"json()json") << QStringLiteral("");
        QTest::addRow("valid placeholders") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${FunctionArn}","TimeoutSeconds":"${Timeout}","Parameters":{"Table":"${TableName}"},"End":true}}})json") << QStringLiteral("none") << QString::fromUtf8(R"json()json") << QStringLiteral("");
        QTest::addRow("valid intrinsics") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"a.$":"States.Format('{} and {}', $.x, States.ArrayLength($.list))","b.$":"States.MathAdd($.n, -1)","c.$":"$$.Execution.Id","d.$":"$myVariable.field","e.$":"$.items[?(@.price < 10)].name"},"ResultPath":"$.out","End":true}}})json") << QStringLiteral("none") << QString::fromUtf8(R"json()json") << QStringLiteral("");
        QTest::addRow("valid wait timestamp") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Wait","Timestamp":"2024-05-01T10:00:00.5+02:00","End":true}}})json") << QStringLiteral("none") << QString::fromUtf8(R"json()json") << QStringLiteral("");
        QTest::addRow("valid variables jsonpath") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x.$":"$.a","y":1},"Next":"B"},"B":{"Type":"Pass","Parameters":{"v.$":"$x"},"End":true}}})json") << QStringLiteral("none") << QString::fromUtf8(R"json()json") << QStringLiteral("");
        QTest::addRow("missing StartAt") << QByteArray(R"json({"States":{"A":{"Type":"Pass","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(missing "StartAt")json") << QStringLiteral("/StartAt");
        QTest::addRow("StartAt not a string") << QByteArray(R"json({"StartAt":1,"States":{"A":{"Type":"Pass","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("StartAt" must be the name of a state, not an integer)json") << QStringLiteral("/StartAt");
        QTest::addRow("StartAt unknown") << QByteArray(R"json({"StartAt":"B","States":{"A":{"Type":"Pass","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("StartAt" names "B", which is not a state of the state machine)json") << QStringLiteral("/StartAt");
        QTest::addRow("States missing") << QByteArray(R"json({"StartAt":"A"})json") << QStringLiteral("error") << QString::fromUtf8(R"json(missing "States")json") << QStringLiteral("/States");
        QTest::addRow("States empty") << QByteArray(R"json({"StartAt":"A","States":{}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("States" is empty)json") << QStringLiteral("/States");
        QTest::addRow("States not an object") << QByteArray(R"json({"StartAt":"A","States":[]})json") << QStringLiteral("error") << QString::fromUtf8(R"json("States" must be an object of named states, not an array)json") << QStringLiteral("/States");
        QTest::addRow("unknown top-level field") << QByteArray(R"json({"Foo":1,"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Foo" is not a field of the state machine)json") << QStringLiteral("/Foo");
        QTest::addRow("bad QueryLanguage") << QByteArray(R"json({"QueryLanguage":"XPath","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("QueryLanguage" must be one of "JSONPath", "JSONata", not "XPath")json") << QStringLiteral("/QueryLanguage");
        QTest::addRow("top TimeoutSeconds zero") << QByteArray(R"json({"TimeoutSeconds":0,"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("TimeoutSeconds" must be an integer from 1 to 99999999, not 0)json") << QStringLiteral("/TimeoutSeconds");
        QTest::addRow("Next unknown") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(goes to "Nope", which is not a state of the state machine)json") << QStringLiteral("/States/A/Next");
        QTest::addRow("unreachable state") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"B":{"Type":"Pass","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(state "B" can never run)json") << QStringLiteral("/States/B");
        QTest::addRow("no terminal state") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(no path from "A" reaches an end)json") << QStringLiteral("/States");
        QTest::addRow("endless loop warning") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","BooleanEquals":true,"Next":"L"}],"Default":"E"},"L":{"Type":"Wait","Seconds":1,"Next":"L"},"E":{"Type":"Succeed"}}})json") << QStringLiteral("warning") << QString::fromUtf8(R"json(from state "L" no path reaches an end: it loops forever)json") << QStringLiteral("/States/L");
        QTest::addRow("Next and End") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B","End":true},"B":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(cannot have both "Next" and "End")json") << QStringLiteral("/States/A/End");
        QTest::addRow("neither Next nor End") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(needs "Next" (the state that follows) or "End": true)json") << QStringLiteral("/States/A");
        QTest::addRow("End false") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","End":false}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("End" is false and there is no "Next")json") << QStringLiteral("/States/A");
        QTest::addRow("unknown state type") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Tusk","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(unknown state type "Tusk")json") << QStringLiteral("/States/A/Type");
        QTest::addRow("placeholder state type") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"${StateType}","End":true}}})json") << QStringLiteral("warning") << QString::fromUtf8(R"json(unsubstituted placeholder "${StateType}")json") << QStringLiteral("/States/A/Type");
        QTest::addRow("missing Type") << QByteArray(R"json({"StartAt":"A","States":{"A":{"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(state "A" has no "Type")json") << QStringLiteral("/States/A");
        QTest::addRow("state not an object") << QByteArray(R"json({"StartAt":"A","States":{"A":"Pass"}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(state "A" must be an object, not a string)json") << QStringLiteral("/States/A");
        QTest::addRow("Task without Resource") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(a Task state needs "Resource")json") << QStringLiteral("/States/A");
        QTest::addRow("Retry on Pass") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","Retry":[],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Retry" is not allowed in a Pass state)json") << QStringLiteral("/States/A/Retry");
        QTest::addRow("unknown state field") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Resources":"x","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Resources" is not a field of a Task state)json") << QStringLiteral("/States/A/Resources");
        QTest::addRow("Timeout and TimeoutPath") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","TimeoutSeconds":5,"TimeoutSecondsPath":"$.t","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(a Task state cannot have both "TimeoutSeconds" and "TimeoutSecondsPath")json") << QStringLiteral("/States/A/TimeoutSecondsPath");
        QTest::addRow("TimeoutSeconds string") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","TimeoutSeconds":"5","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("TimeoutSeconds" must be an integer from 1 to 99999999, not a string)json") << QStringLiteral("/States/A/TimeoutSeconds");
        QTest::addRow("HeartbeatSeconds zero") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","HeartbeatSeconds":0,"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("HeartbeatSeconds" must be an integer from 1 to 99999999, not 0)json") << QStringLiteral("/States/A/HeartbeatSeconds");
        QTest::addRow("JSONPath field in JSONata") << QByteArray(R"json({"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.a","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("InputPath" is a JSONPath field and this state uses JSONata)json") << QStringLiteral("/States/A/InputPath");
        QTest::addRow("JSONata field in JSONPath") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Arguments":{},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Arguments" needs "QueryLanguage": "JSONata")json") << QStringLiteral("/States/A/Arguments");
        QTest::addRow("state QueryLanguage JSONata") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONata","ResultPath":"$.x","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("ResultPath" is a JSONPath field and this state uses JSONata)json") << QStringLiteral("/States/A/ResultPath");
        QTest::addRow("JSONata syntax") << QByteArray(R"json({"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":{"total":"{% $sum($states.input.x %}"},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(invalid JSONata expression)json") << QStringLiteral("/States/A/Output/total");
        QTest::addRow("JSONata surround unclosed") << QByteArray(R"json({"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $x","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(starts with "{%" but does not end with "%}")json") << QStringLiteral("/States/A/Output");
        QTest::addRow("Choice rule without Next") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true}],"Default":"S"},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(a Choice rule needs "Next")json") << QStringLiteral("/States/C/Choices/0");
        QTest::addRow("Choice nested Next") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Not":{"Variable":"$.x","IsNull":true,"Next":"S"},"Next":"S"}]},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Next" is only allowed on top-level Choice rules)json") << QStringLiteral("/States/C/Choices/0/Not/Next");
        QTest::addRow("Choice operand type") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","NumericEquals":"1","Next":"S"}]},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("NumericEquals" compares with a number, not a string)json") << QStringLiteral("/States/C/Choices/0/NumericEquals");
        QTest::addRow("Choice Path operand") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","StringEqualsPath":"other","Next":"S"}]},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("StringEqualsPath" is not a valid path)json") << QStringLiteral("/States/C/Choices/0/StringEqualsPath");
        QTest::addRow("Choice without Variable") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"BooleanEquals":true,"Next":"S"}]},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(the comparison "BooleanEquals" needs "Variable")json") << QStringLiteral("/States/C/Choices/0");
        QTest::addRow("Choice two comparisons") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true,"IsString":true,"Next":"S"}]},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(can hold only one comparison)json") << QStringLiteral("/States/C/Choices/0");
        QTest::addRow("Choice unknown operator") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","StringContains":"a","Next":"S"}]},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("StringContains" is not a comparison operator)json") << QStringLiteral("/States/C/Choices/0/StringContains");
        QTest::addRow("Choice Default unknown") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true,"Next":"S"}],"Default":"Z"},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(goes to "Z", which is not a state)json") << QStringLiteral("/States/C/Default");
        QTest::addRow("Choice empty Choices") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[],"Default":"S"},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Choices" must be a non-empty array of rules, not an empty array)json") << QStringLiteral("/States/C/Choices");
        QTest::addRow("Choice with End") << QByteArray(R"json({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true,"Next":"S"}],"End":true},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("End" is not allowed in a Choice state)json") << QStringLiteral("/States/C/End");
        QTest::addRow("JSONata Choice without Condition") << QByteArray(R"json({"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Next":"S"}]},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(a JSONata Choice rule needs "Condition")json") << QStringLiteral("/States/C/Choices/0");
        QTest::addRow("JSONata Choice with Variable") << QByteArray(R"json({"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":"{% true %}","Variable":"$.x","Next":"S"}]},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Variable" is a JSONPath Choice field)json") << QStringLiteral("/States/C/Choices/0/Variable");
        QTest::addRow("ErrorEquals empty") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Retry":[{"ErrorEquals":[]}],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("ErrorEquals" must be a non-empty array of error names, not an empty array)json") << QStringLiteral("/States/A/Retry/0/ErrorEquals");
        QTest::addRow("States.ALL not alone") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Retry":[{"ErrorEquals":["States.Timeout","States.ALL"]}],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("States.ALL" must be the only error name)json") << QStringLiteral("/States/A/Retry/0/ErrorEquals/1");
        QTest::addRow("States.ALL not last") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"},{"ErrorEquals":["X"],"Next":"F"}],"End":true},"F":{"Type":"Fail"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(the catcher for "States.ALL" must be the last one)json") << QStringLiteral("/States/A/Catch/0/ErrorEquals");
        QTest::addRow("BackoffRate below one") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Retry":[{"ErrorEquals":["X"],"BackoffRate":0.5}],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("BackoffRate" must be a number of at least 1, not 0.5)json") << QStringLiteral("/States/A/Retry/0/BackoffRate");
        QTest::addRow("MaxAttempts negative") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Retry":[{"ErrorEquals":["X"],"MaxAttempts":-1}],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("MaxAttempts" must be an integer from 0 to 99999999, not -1)json") << QStringLiteral("/States/A/Retry/0/MaxAttempts");
        QTest::addRow("IntervalSeconds fraction") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Retry":[{"ErrorEquals":["X"],"IntervalSeconds":1.5}],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("IntervalSeconds" must be an integer from 1 to 99999999, not a number)json") << QStringLiteral("/States/A/Retry/0/IntervalSeconds");
        QTest::addRow("JitterStrategy unknown") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Retry":[{"ErrorEquals":["X"],"JitterStrategy":"HALF"}],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("JitterStrategy" must be one of "FULL", "NONE", not "HALF")json") << QStringLiteral("/States/A/Retry/0/JitterStrategy");
        QTest::addRow("Catch without Next") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Catch":[{"ErrorEquals":["X"]}],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(a catcher needs "Next")json") << QStringLiteral("/States/A/Catch/0");
        QTest::addRow("Catch Next unknown") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Catch":[{"ErrorEquals":["X"],"Next":"Handler"}],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(goes to "Handler", which is not a state)json") << QStringLiteral("/States/A/Catch/0/Next");
        QTest::addRow("unknown States error warning") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Retry":[{"ErrorEquals":["States.Oops"]}],"End":true}}})json") << QStringLiteral("warning") << QString::fromUtf8(R"json("States.Oops" is not a predefined error name)json") << QStringLiteral("/States/A/Retry/0/ErrorEquals/0");
        QTest::addRow("ResultPath context") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$$.x","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(cannot point into the context object)json") << QStringLiteral("/States/A/ResultPath");
        QTest::addRow("InputPath without dollar") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"a.b","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("InputPath" is not a valid path (a.b))json") << QStringLiteral("/States/A/InputPath");
        QTest::addRow("OutputPath three dots") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","OutputPath":"$...x","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("..." is not valid in a path)json") << QStringLiteral("/States/A/OutputPath");
        QTest::addRow("Parameters bad path") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"value"},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("x.$" must hold a path or an intrinsic function)json") << QStringLiteral("/States/A/Parameters/x.$");
        QTest::addRow("unknown intrinsic") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.Nope($.a)"},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(unknown intrinsic function States.Nope)json") << QStringLiteral("/States/A/Parameters/x.$");
        QTest::addRow("intrinsic argument count") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.ArrayLength($.a, $.b)"},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(States.ArrayLength takes 1 argument(s), not 2)json") << QStringLiteral("/States/A/Parameters/x.$");
        QTest::addRow("Parameters conflict") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x":1,"x.$":"$.a"},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(both set the field "x")json") << QStringLiteral("/States/A/Parameters/x.$");
        QTest::addRow("branch jumps out") << QByteArray(R"json({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"E"}}}],"Next":"E"},"E":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(which is not a state of this Parallel branch)json") << QStringLiteral("/States/P/Branches/0/States/B1/Next");
        QTest::addRow("Branches empty") << QByteArray(R"json({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Branches" must be a non-empty array of state machines)json") << QStringLiteral("/States/P/Branches");
        QTest::addRow("branch unknown field") << QByteArray(R"json({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","Next":"x","States":{"B1":{"Type":"Pass","End":true}}}],"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Next" is not a field of a Parallel branch)json") << QStringLiteral("/States/P/Branches/0/Next");
        QTest::addRow("Map Iterator and ItemProcessor") << QByteArray(R"json({"StartAt":"M","States":{"M":{"Type":"Map","Iterator":{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},"ItemProcessor":{"StartAt":"Y","States":{"Y":{"Type":"Pass","End":true}}},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(a Map state cannot have both "ItemProcessor" and "Iterator")json") << QStringLiteral("/States/M/Iterator");
        QTest::addRow("Map processor StartAt") << QByteArray(R"json({"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"Nope","States":{"X":{"Type":"Pass","End":true}}},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("StartAt" names "Nope", which is not a state of this Map item processor)json") << QStringLiteral("/States/M/ItemProcessor/StartAt");
        QTest::addRow("duplicate state name in branch") << QByteArray(R"json({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}],"Next":"A"},"A":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(the state name "A" is used twice)json") << QStringLiteral("/States/P/Branches/0/States/A");
        QTest::addRow("Map ItemsPath in JSONata") << QByteArray(R"json({"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.x","ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("ItemsPath" is a JSONPath field and this state uses JSONata: use "Items")json") << QStringLiteral("/States/M/ItemsPath");
        QTest::addRow("Map Items in JSONPath") << QByteArray(R"json({"StartAt":"M","States":{"M":{"Type":"Map","Items":[1,2],"ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Items" needs "QueryLanguage": "JSONata")json") << QStringLiteral("/States/M/Items");
        QTest::addRow("Tolerated percentage above 100") << QByteArray(R"json({"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailurePercentage":150,"ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("ToleratedFailurePercentage" must be a number from 0 to 100, not 150)json") << QStringLiteral("/States/M/ToleratedFailurePercentage");
        QTest::addRow("ReaderConfig InputType") << QByteArray(R"json({"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"XML"}},"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("InputType" must be one of "CSV")json") << QStringLiteral("/States/M/ItemReader/ReaderConfig/InputType");
        QTest::addRow("ItemBatcher in inline Map") << QByteArray(R"json({"StartAt":"M","States":{"M":{"Type":"Map","ItemBatcher":{"MaxItemsPerBatch":2},"ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("ItemBatcher" needs a distributed Map)json") << QStringLiteral("/States/M/ItemBatcher");
        QTest::addRow("distributed without ExecutionType") << QByteArray(R"json({"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(a DISTRIBUTED Map needs "ExecutionType")json") << QStringLiteral("/States/M/ItemProcessor/ProcessorConfig");
        QTest::addRow("Wait without duration") << QByteArray(R"json({"StartAt":"W","States":{"W":{"Type":"Wait","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(a Wait state needs one of "Seconds", "Timestamp", "SecondsPath", "TimestampPath")json") << QStringLiteral("/States/W");
        QTest::addRow("Wait Seconds and Timestamp") << QByteArray(R"json({"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"Timestamp":"2024-01-01T00:00:00Z","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(a Wait state cannot have both "Seconds" and "Timestamp")json") << QStringLiteral("/States/W/Timestamp");
        QTest::addRow("Wait bad timestamp") << QByteArray(R"json({"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"tomorrow","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Timestamp" must be an ISO 8601 time)json") << QStringLiteral("/States/W/Timestamp");
        QTest::addRow("Fail with Next") << QByteArray(R"json({"StartAt":"F","States":{"F":{"Type":"Fail","Next":"S"},"S":{"Type":"Succeed"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Next" is not allowed in a Fail state)json") << QStringLiteral("/States/F/Next");
        QTest::addRow("Fail Error and ErrorPath") << QByteArray(R"json({"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","ErrorPath":"$.e"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(a Fail state cannot have both "Error" and "ErrorPath")json") << QStringLiteral("/States/F/ErrorPath");
        QTest::addRow("Succeed with Assign") << QByteArray(R"json({"StartAt":"S","States":{"S":{"Type":"Succeed","Assign":{"x":1}}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Assign" is not allowed in a Succeed state)json") << QStringLiteral("/States/S/Assign");
        QTest::addRow("Lambda alias") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f:bad alias","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("bad alias" is not a valid Lambda version or alias)json") << QStringLiteral("/States/A/Resource");
        QTest::addRow("unclosed placeholder") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${Fn","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Resource" has an unclosed substitution)json") << QStringLiteral("/States/A/Resource");
        QTest::addRow("state name too long") << QByteArray(R"json({"StartAt":"NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN","States":{"NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN":{"Type":"Pass","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(Step Functions allows at most 80)json") << QStringLiteral("/States/NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN");
        QTest::addRow("Credentials not an object") << QByteArray(R"json({"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Credentials":"role","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Credentials" must be an object)json") << QStringLiteral("/States/A/Credentials");
        QTest::addRow("Map Label too long") << QByteArray(R"json({"StartAt":"M","States":{"M":{"Type":"Map","Label":"LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},"End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("Label" must be at most 40 characters long)json") << QStringLiteral("/States/M/Label");
        QTest::addRow("QueryLanguage inside States") << QByteArray(R"json({"StartAt":"A","States":{"QueryLanguage":"JSONata","A":{"Type":"Pass","End":true}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json("QueryLanguage" is inside "States")json") << QStringLiteral("/States/QueryLanguage");
        QTest::addRow("definition not an object") << QByteArray(R"json([1,2])json") << QStringLiteral("error") << QString::fromUtf8(R"json(the definition must be a JSON object)json") << QStringLiteral("");
        QTest::addRow("slash in state name pointer") << QByteArray(R"json({"StartAt":"a/b","States":{"a/b":{"Type":"Pass","Next":"x"}}})json") << QStringLiteral("error") << QString::fromUtf8(R"json(goes to "x", which is not a state)json") << QStringLiteral("/States/a~1b/Next");
}

void addHostileRows()
{
        QByteArray deep = R"({"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[)";
        for (int i = 0; i < 300; ++i)
            deep += R"({"Not":)";
        deep += R"({"Variable":"$.x","IsNull":true})";
        for (int i = 0; i < 300; ++i)
            deep += '}';
        deep += R"(]}}})";
        QTest::addRow("deep choice") << deep;
        QByteArray nested = R"({"StartAt":"P","States":{"P":)";
        for (int i = 0; i < 150; ++i)
            nested += R"({"Type":"Parallel","End":true,"Branches":[{"StartAt":"P","States":{"P":)";
        nested += R"({"Type":"Succeed"})";
        for (int i = 0; i < 150; ++i)
            nested += "}}]}";
        nested += "}}";
        QTest::addRow("deep parallel") << nested;
        QTest::addRow("types everywhere") << QByteArray(
            R"({"StartAt":[],"States":{"A":{"Type":"Task","Resource":5,"Retry":{"x":1},"Catch":[1,{"ErrorEquals":"x","Next":2}],)"
            R"("Parameters":{"a.$":5,"b":[{"c.$":null}]},"Next":null,"End":"yes","TimeoutSeconds":-3,"Credentials":[]},)"
            R"("C":{"Type":"Choice","Choices":[null,{"And":{}},{"Or":[5]},{"Not":[]}]},"M":{"Type":"Map","ItemProcessor":[],)"
            R"("ItemReader":"x","ItemBatcher":[],"ResultWriter":1,"End":true},"W":{"Type":"Wait","Seconds":"x","End":true}}})");
        QTest::addRow("jsonata oddities") << QByteArray(
            R"({"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":["{%","%}","{% %}","{% ( %}",)"
            R"("{% /unclosed %}","{% 'unclosed %}","{% function($x) { $x } %}","{% [1..3] %}","{% $x ~> $f() %}"],"End":true}}})");
        QTest::addRow("intrinsic oddities") << QByteArray(
            R"j({"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"a.$":"States.","b.$":"States.Format(","c.$":"States.Format('x)",)j"
            R"j("d.$":"States.Array(States.Array(States.Array()))","e.$":"$[","f.$":"$..","g.$":"$$$"},"End":true}}})j");
}

QByteArray unknownStartAt()
{
    return R"({"StartAt":"Nope","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}})";
}

void addJsonataRows()
{
    auto ok = [](const char* name, const char* expression) {
        QTest::addRow("%s", name) << QByteArray(expression) << true;
    };
    auto bad = [](const char* name, const char* expression) {
        QTest::addRow("%s", name) << QByteArray(expression) << false;
    };
    ok("path", "$states.input.data.items");
    ok("arithmetic", "1+2*3 - -4 / 5 % 6");
    ok("function call", "$sum($states.input.numbers)");
    ok("regex argument", R"j($match($x, /^[a-z]+@[a-z.]+\.[a-z]{2,}$/i) and $y)j");
    ok("lambda", "$map($v, function($x, $i) { $x * $i })");
    ok("lambda with signature", "function($a, $b)<nn:n> { $a + $b }");
    ok("block with bindings", "($a := 1; $b := $a + 1; $b)");
    ok("object constructor", "{'a': 1, \"b\": [1, 2, 3], 'c': {'d': null}}");
    ok("filter and group", "items[price > 10]{category: $sum(price)}");
    ok("ternary and elvis", "$x ? 'yes' : 'no' & ($y ?: 'default') & ($z ?? 0)");
    ok("range", "[1..10]");
    ok("sort", "orders^(>price, <date)");
    ok("chain", "$x ~> $uppercase() ~> $trim");
    ok("focus and index binding", "library.loans@$l.books#$i[$l.isbn = isbn]");
    ok("transform", "| $ | {'done': true}, ['tmp'] |");
    ok("wildcards and parent", "**.items.*.%.name");
    ok("in operator", "'a' in ['a', 'b'] and not($x) or true");
    ok("comment", "/* the total */ $total");
    ok("partial application", "$substring(?, 0, 3)");
    ok("backtick name", "`field with spaces`.value");
    ok("empty filter", "$states.input.list[]");
    bad("dangling dot", "420.");
    bad("two operators", "10 + * 2");
    bad("jsonpath filter", "$.store.book[?(@.price < 10)].title");
    bad("unclosed call", "$sum($states.input.items.numbers");
    bad("unclosed string", "'abc");
    bad("unclosed block", "($a := 1; $a");
    bad("missing object value", "{'a': }");
    bad("bad lambda parameter", "function(x) { x }");
    bad("focus needs variable", "items@name");
    bad("trailing comma in array", "[1, 2, ]");
    bad("unclosed comment", "/* note $x");
    bad("empty", "");
}

void addSurroundRows()
{
    auto row = [](const char* name, const char* value, const char* problem) {
        QTest::addRow("%s", name) << QByteArray(value) << QString::fromUtf8(problem);
    };
    row("literal", "plain text", "");
    row("expression", "{% $states.input %}", "");
    row("multi-line", "{%\n  $states.input.a\n  + 1\n%}", "");
    row("space on one side", "{%$lowercase('A') %}", "");
    row("no spaces", "{%10%}", "needs spaces inside its delimiters");
    row("spaces before line break", "{% \n10         %}", "extra spaces after");
    row("no close", "{% 10 %", "does not end with");
    row("no open", "10 %}", "does not start with");
    row("empty", "{%  %}", "empty JSONata expression");
    row("bad syntax", "{% 10 + * 2 %}", "invalid JSONata expression");
}
