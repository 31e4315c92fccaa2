#include "definition/definition.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope;

// moc cannot follow raw strings with unbalanced braces: the class is declared before them.
/// Broken inputs of every kind: each gets a diagnostic (syntax errors with a position), none crashes or hangs.
class TestBadInput : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void brokenInputs_data();
    void brokenInputs();
    void cliReportsBrokenFilesWithExitCode1();
};

namespace {

QByteArray nested(int depth, char open, char close, const QByteArray& inner = {})
{
    return QByteArray(depth, open) + inner + QByteArray(depth, close);
}

QByteArray yamlNested(int depth)
{
    QByteArray text;
    for (int i = 0; i < depth; ++i)
        text += QByteArray(i, ' ') + "a:\n";
    return text + QByteArray(depth, ' ') + "b: 1\n";
}

QByteArray yamlBomb()
{
    QByteArray text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    char previous = 'a';
    for (char c = 'b'; c <= 'k'; ++c) {
        text += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
        for (int i = 0; i < 9; ++i)
            text += (i ? ",*" : "*") + QByteArray(1, previous);
        text += "]\n";
        previous = c;
    }
    return text + "StartAt: A\nStates: *k\n";
}

QByteArray hugeDefinition()
{
    // 20 MB: a valid machine whose states carry big Parameters, far over the AWS limit of 1,048,576 characters.
    QByteArray json = R"({"StartAt":"S0","States":{)";
    const QByteArray payload(10000, 'x');
    for (int i = 0; i < 2000; ++i) {
        json += "\"S" + QByteArray::number(i) + R"(":{"Type":"Pass","Parameters":{"blob":")" + payload + "\"},";
        json += i + 1 < 2000 ? "\"Next\":\"S" + QByteArray::number(i + 1) + "\"}," : QByteArray(R"("End":true}})");
    }
    return json + "}";
}

} // namespace

void TestBadInput::brokenInputs_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("needsPosition"); // syntax-level errors must say where
    QTest::addColumn<bool>("warningIsEnough");

    const QString json = QStringLiteral("case.json");
    const QString yaml = QStringLiteral("case.yaml");
    auto add = [](const char* name, const QByteArray& data, const QString& file, bool position = false,
                   bool warningIsEnough = false) {
        QTest::addRow("%s", name) << data << file << position << warningIsEnough;
    };
    add("empty file", "", json);
    add("whitespace only", "  \n\t\n", json);
    add("truncated object", R"({"StartAt":"A","States":{"A":{"Type":"Pass",)", json, true);
    add("truncated string", R"({"StartAt":"A","States":{"A":{"Type":"Pa)", json, true);
    add("NUL byte", QByteArray(R"({"StartAt":"A",)") + '\0' + R"("States":{}})", json, true);
    add("NUL inside string", QByteArray(R"({"StartAt":"A)") + '\0' + R"(","States":{}})", json, true);
    add("invalid UTF-8", "{\"StartAt\":\"A\xff\xfe\",\"States\":{\"A\xff\xfe\":{\"Type\":\"Succeed\"}}}", json, true);
    add("lone surrogate escape", R"({"StartAt":"\ud800","States":{}})", json);
    add("10,000-deep arrays", nested(10000, '[', ']'), json, true);
    add("10,000-deep objects", QByteArray("{\"a\":").repeated(10000) + "1" + QByteArray(10000, '}'), json, true);
    add("20 MB file", hugeDefinition(), json, false, true);
    add("root is an array", R"([{"StartAt":"A"}])", json);
    add("root is a string", R"("StartAt")", json);
    add("root is a number", "42", json);
    add("root is null", "null", json);
    add("States as an array", R"({"StartAt":"A","States":[{"Type":"Pass"}]})", json);
    add("States as a string", R"({"StartAt":"A","States":"A"})", json);
    add("StartAt missing", R"({"States":{"A":{"Type":"Succeed"}}})", json);
    add("StartAt is a number", R"({"StartAt":1,"States":{"A":{"Type":"Succeed"}}})", json);
    add("StartAt names no state", R"({"StartAt":"B","States":{"A":{"Type":"Succeed"}}})", json);
    add("state is not an object", R"({"StartAt":"A","States":{"A":"Succeed"}})", json);
    add("Type missing", R"({"StartAt":"A","States":{"A":{"End":true}}})", json);
    add("Type is a number", R"({"StartAt":"A","States":{"A":{"Type":7,"End":true}}})", json);
    add("unknown Type", R"({"StartAt":"A","States":{"A":{"Type":"Teleport","End":true}}})", json);
    add("Next is a number", R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":3}}})", json);
    add("Next to a missing state", R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}})", json);
    add("cyclic Next", R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}})",
        json);
    add("Choices not an array", R"({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":{},"Default":"D"},"D":{"Type":"Succeed"}}})",
        json);
    add("Choice rule without Next",
        R"({"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEquals":1}],"Default":"D"},"D":{"Type":"Succeed"}}})",
        json);
    add("Branches not an array", R"({"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":{},"End":true}}})", json);
    add("Map without a processor", R"({"StartAt":"M","States":{"M":{"Type":"Map","End":true}}})", json);
    add("Retry not an array",
        R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:x","Retry":{},"End":true}}})", json);
    add("ErrorEquals as a string",
        R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:x","Catch":[{"ErrorEquals":"States.ALL","Next":"F"}],"End":true},"F":{"Type":"Fail"}}})",
        json);
    add("duplicate keys", R"({"StartAt":"A","States":{"A":{"Type":"Succeed"},"A":{"Type":"Fail"}}})", json, true);
    add("binary garbage", QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), json, true);
    add("UTF-16 text", QByteArray("\xff\xfe{\0\"\0S\0", 8), json, true);
    add("number overflow", R"({"StartAt":"A","TimeoutSeconds":1e999,"States":{"A":{"Type":"Succeed"}}})", json);
    add("YAML syntax error", "StartAt: A\nStates:\n  A: {Type: Succeed\n", yaml, true);
    add("YAML bomb of aliases", yamlBomb(), yaml);
    add("10,000-deep YAML", yamlNested(10000), yaml);
    add("YAML tab indentation", "StartAt: A\nStates:\n\tA:\n\t\tType: Succeed\n", yaml, true);
    add("template without state machine",
        R"({"AWSTemplateFormatVersion":"2010-09-09","Resources":{"Q":{"Type":"AWS::SQS::Queue"}}})", json);
    add("template with S3 definition",
        R"({"Resources":{"M":{"Type":"AWS::StepFunctions::StateMachine","Properties":{"DefinitionS3Location":{"Bucket":"b","Key":"k"}}}}})",
        json);
}

void TestBadInput::brokenInputs()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, fileName);
    QFETCH(bool, needsPosition);
    QFETCH(bool, warningIsEnough);

    const OpenedDefinition opened = openDefinitionData(data, fileName);
    QVERIFY2(!opened.diagnostics.isEmpty(), "no diagnostic for a broken input");
    if (!warningIsEnough)
        QVERIFY2(hasErrors(opened.diagnostics), qPrintable(opened.diagnostics.first().message));
    if (needsPosition) {
        const Diagnostic& first = opened.diagnostics.first();
        QVERIFY2(first.pos.isValid(), qPrintable(QStringLiteral("no line:column in: ") + first.message));
    }
    for (const Diagnostic& d : opened.diagnostics)
        QVERIFY2(!d.message.trimmed().isEmpty(), "a diagnostic without a message");
}

void TestBadInput::cliReportsBrokenFilesWithExitCode1()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.asl.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\" \"End\": true}\n  }\n}\n");
    file.close();
    const Test::ProcessResult result = Test::runStepscope({ QStringLiteral("validate"), path });
    QVERIFY(!result.crashed);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(path.toUtf8() + ":4:"), result.out.constData());
    QVERIFY(result.out.contains(": error: "));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
