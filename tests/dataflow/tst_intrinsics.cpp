#include "dataflow/intrinsicfunctions.h"

#include <QRegularExpression>
#include <QTest>

using namespace Stepscope::Dataflow;

// moc cannot read the raw JSON strings below: it is shown the slots alone.
#ifdef Q_MOC_RUN
class TestIntrinsics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void functions_data();
    void functions();
    void random();
    void failures_data();
    void failures();
    void tenNestedAreAllowed();
};
#else
// The examples of the AWS guide's "Intrinsic functions" page, function by function, and the argument rules.
class TestIntrinsics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void functions_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("call");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray nine = R"({"inputArray": [1, 2, 3, 4, 5, 6, 7, 8, 9], "lookingFor": 5, "index": 5})";
        QTest::addRow("Format") << QByteArray(R"({"name": "Arnav"})") << "States.Format('Hello, my name is {}.', $.name)"
                                << QByteArray(R"("Hello, my name is Arnav.")");
        QTest::addRow("Format numbers, booleans, null") << QByteArray(R"({"n": 1.5, "b": true})")
                                                        << "States.Format('{} {} {}', $.n, $.b, null)"
                                                        << QByteArray(R"("1.5 true null")");
        QTest::addRow("Format escapes") << QByteArray("{}") << R"(States.Format('\{\} it\'s \\ {}', 'x'))"
                                        << QByteArray(R"("{} it's \\ x")");
        QTest::addRow("StringToJson") << QByteArray(R"({"escapedJsonString": "{\"foo\": \"bar\"}"})")
                                      << "States.StringToJson($.escapedJsonString)" << QByteArray(R"({"foo": "bar"})");
        QTest::addRow("JsonToString") << QByteArray(R"({"unescapedJson": {"foo": "bar"}})")
                                      << "States.JsonToString($.unescapedJson)" << QByteArray(R"("{\"foo\":\"bar\"}")");
        QTest::addRow("Array") << QByteArray(R"({"Id": 123456})") << "States.Array($.Id)" << QByteArray("[123456]");
        QTest::addRow("Array empty") << QByteArray("{}") << "States.Array()" << QByteArray("[]");
        QTest::addRow("Array mixed") << QByteArray("{}") << "States.Array('a', 1, true, null)"
                                     << QByteArray(R"(["a", 1, true, null])");
        QTest::addRow("ArrayPartition") << nine << "States.ArrayPartition($.inputArray,4)"
                                        << QByteArray("[[1,2,3,4],[5,6,7,8],[9]]");
        QTest::addRow("ArrayContains") << nine << "States.ArrayContains($.inputArray, $.lookingFor)"
                                       << QByteArray("true");
        QTest::addRow("ArrayContains no") << nine << "States.ArrayContains($.inputArray, 10)" << QByteArray("false");
        QTest::addRow("ArrayRange") << QByteArray("{}") << "States.ArrayRange(1, 9, 2)" << QByteArray("[1,3,5,7,9]");
        QTest::addRow("ArrayRange down") << QByteArray("{}") << "States.ArrayRange(3, 1, -1)" << QByteArray("[3,2,1]");
        QTest::addRow("ArrayGetItem") << nine << "States.ArrayGetItem($.inputArray, $.index)" << QByteArray("6");
        QTest::addRow("ArrayLength") << nine << "States.ArrayLength($.inputArray)" << QByteArray("9");
        QTest::addRow("ArrayUnique") << QByteArray(R"({"inputArray": [1,2,3,3,3,3,3,3,4]})")
                                     << "States.ArrayUnique($.inputArray)" << QByteArray("[1,2,3,4]");
        QTest::addRow("Base64Encode") << QByteArray(R"({"input": "Data to encode"})") << "States.Base64Encode($.input)"
                                      << QByteArray(R"("RGF0YSB0byBlbmNvZGU=")");
        QTest::addRow("Base64Decode") << QByteArray(R"({"base64": "RGF0YSB0byBlbmNvZGU="})")
                                      << "States.Base64Decode($.base64)" << QByteArray(R"("Data to encode")");
        QTest::addRow("Hash SHA-1") << QByteArray(R"({"Data": "input data", "Algorithm": "SHA-1"})")
                                    << "States.Hash($.Data, $.Algorithm)"
                                    << QByteArray(R"("aaff4a450a104cd177d28d18d74485e8cae074b7")");
        QTest::addRow("Hash MD5") << QByteArray("{}") << "States.Hash('input data', 'MD5')"
                                  << QByteArray(R"("812f45842bc6d66ee14572ce20db8e86")");
        QTest::addRow("Hash SHA-256") << QByteArray("{}") << "States.Hash('input data', 'SHA-256')"
                                      << QByteArray(R"("b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")");
        QTest::addRow("JsonMerge") << QByteArray(R"({"json1": {"a": {"a1": 1, "a2": 2}, "b": 2},
                                        "json2": {"a": {"a3": 1, "a4": 2}, "c": 3}})")
                                   << "States.JsonMerge($.json1, $.json2, false)"
                                   << QByteArray(R"({"a": {"a3": 1, "a4": 2}, "b": 2, "c": 3})");
        QTest::addRow("MathAdd") << QByteArray(R"({"value1": 111, "step": -1})") << "States.MathAdd($.value1, $.step)"
                                 << QByteArray("110");
        // Recorded from AWS: arguments are rounded as Java's Math.round does.
        QTest::addRow("MathAdd rounds") << QByteArray(R"({"a": -0.5, "b": 0.5})") << "States.MathAdd($.a, $.b)"
                                        << QByteArray("1");
        QTest::addRow("StringSplit") << QByteArray(R"({"inputString": "1,2,3,4,5", "splitter": ","})")
                                     << "States.StringSplit($.inputString, $.splitter)"
                                     << QByteArray(R"(["1","2","3","4","5"])");
        QTest::addRow("StringSplit several") << QByteArray(R"({"s": "This.is+a,test=string"})")
                                             << "States.StringSplit($.s, '.+,=')"
                                             << QByteArray(R"(["This","is","a","test","string"])");
        QTest::addRow("nested") << QByteArray(R"({"arn": "arn:aws:imagebuilder:us-east-1:1:image-recipe/my.recipe/1.0.0"})")
                                << "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
                                   "States.StringSplit($.arn, '/'), 1), '.'), 0), States.ArrayGetItem(States.StringSplit("
                                   "States.ArrayGetItem(States.StringSplit($.arn, '/'), 1), '.'), 1))"
                                << QByteArray(R"("my.recipe")");
        QTest::addRow("context argument") << QByteArray("{}") << "States.Format('{}', $$.State.Name)"
                                          << QByteArray(R"("Start")");
    }

    void functions()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, call);
        QFETCH(QByteArray, expected);
        const Json in = Json::parse(input.toStdString());
        const Json context = Json::parse(R"({"State": {"Name": "Start"}})");
        PathScope scope;
        scope.input = &in;
        scope.context = &context;
        const Json result = evaluateIntrinsic(call.toStdString(), scope);
        QVERIFY2(jsonEquals(result, Json::parse(expected.toStdString())), result.dump().c_str());
    }

    void random()
    {
        const Json in = Json::parse(R"({"start": 1, "end": 999})");
        std::vector<std::string> uses;
        PathScope scope;
        scope.input = &in;
        scope.volatileUses = &uses;
        for (int i = 0; i < 50; ++i) {
            const Json v = evaluateIntrinsic("States.MathRandom($.start, $.end)", scope);
            QVERIFY(v.is_number_integer());
            QVERIFY(v.get<int>() >= 1 && v.get<int>() < 999);
        }
        const Json uuid = evaluateIntrinsic("States.UUID()", scope);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
                    .match(QString::fromStdString(uuid.get<std::string>()))
                    .hasMatch());
        QCOMPARE(uses.back(), std::string("States.UUID"));
        QCOMPARE(uses.front(), std::string("States.MathRandom"));
    }

    void failures_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("cause");
        QTest::addRow("too few arguments") << "States.ArrayGetItem($.a)" << "States.IntrinsicFailure" << "argument(s)";
        QTest::addRow("too many arguments") << "States.UUID(1)" << "States.IntrinsicFailure" << "argument(s)";
        QTest::addRow("wrong type") << "States.ArrayLength($.s)" << "States.IntrinsicFailure" << "must be an array";
        QTest::addRow("not a string") << "States.Base64Encode($.a)" << "States.IntrinsicFailure" << "must be a string";
        QTest::addRow("index out of bounds") << "States.ArrayGetItem($.a, 5)" << "States.IntrinsicFailure"
                                             << "out of bounds";
        QTest::addRow("deep merge") << "States.JsonMerge($.o, $.o, true)" << "States.IntrinsicFailure"
                                    << "deep merging";
        QTest::addRow("unknown algorithm") << "States.Hash('x', 'SHA-3')" << "States.IntrinsicFailure"
                                           << "unknown algorithm";
        QTest::addRow("range too long") << "States.ArrayRange(1, 2000, 1)" << "States.IntrinsicFailure"
                                        << "more than 1000";
        QTest::addRow("zero step") << "States.ArrayRange(1, 3, 0)" << "States.IntrinsicFailure" << "step";
        QTest::addRow("placeholders") << "States.Format('{} {}', 'a')" << "States.IntrinsicFailure" << "placeholders";
        QTest::addRow("Format an object") << "States.Format('{}', $.o)" << "States.IntrinsicFailure" << "object";
        QTest::addRow("not JSON") << "States.StringToJson($.s)" << "States.IntrinsicFailure" << "not JSON";
        QTest::addRow("unknown function") << "States.Nope()" << "States.IntrinsicFailure" << "unknown";
        QTest::addRow("unterminated") << "States.Format('x" << "States.IntrinsicFailure" << "unterminated";
        QTest::addRow("missing path") << "States.Array($.nothing)" << "States.Runtime" << "No results for path";
        QTest::addRow("too deep") << "States.Array(States.Array(States.Array(States.Array(States.Array(States.Array("
                                     "States.Array(States.Array(States.Array(States.Array(States.Array())))))))))))"
                                  << "States.IntrinsicFailure" << "nested";
    }

    void failures()
    {
        QFETCH(QString, call);
        QFETCH(QString, error);
        QFETCH(QString, cause);
        const Json in = Json::parse(R"({"a": [1], "s": "text", "o": {"k": 1}})");
        PathScope scope;
        scope.input = &in;
        try {
            (void)evaluateIntrinsic(call.toStdString(), scope);
            QFAIL("no error");
        } catch (const DataflowError& e) {
            QCOMPARE(e.error, error);
            QVERIFY2(e.cause.contains(cause), qPrintable(e.cause));
        }
    }

    void tenNestedAreAllowed()
    {
        const Json in = Json::object();
        PathScope scope;
        scope.input = &in;
        std::string call = "States.Array()";
        for (int depth = 2; depth <= 10; ++depth)
            call = "States.Array(" + call + ")";
        QVERIFY(evaluateIntrinsic(call, scope).is_array());
        call = "States.Array(" + call + ")"; // 11
        QVERIFY_THROWS_EXCEPTION(DataflowError, (void)evaluateIntrinsic(call, scope));
    }
};

#endif

QTEST_GUILESS_MAIN(TestIntrinsics)
#include "tst_intrinsics.moc"
