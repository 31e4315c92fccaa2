#include "definition/definition.h"
#include "definition/definitionloader.h"
#include "testsupport.h"

#include <QTest>

using namespace Stepscope;

namespace {

QString fixture(const char* name)
{
    return Test::testDataPath(QStringLiteral("definitions/") + QLatin1String(name));
}

std::string at(const LoadedDefinition& loaded, const char* pointer)
{
    const Json& value = loaded.definition->root.at(Json::json_pointer(pointer));
    return value.is_string() ? value.get<std::string>() : value.dump();
}

QString messages(const Diagnostics& diagnostics)
{
    QStringList list;
    for (const Diagnostic& d : diagnostics)
        list.append(formatDiagnostic(d, {}));
    return list.join(QLatin1Char('\n'));
}

} // namespace

class TestTemplateReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void samInlineDefinition()
    {
        const LoadedDefinition loaded = loadDefinitionFile(fixture("sam-definition.yaml"));
        QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(messages(loaded.diagnostics)));
        QCOMPARE(loaded.format, DefinitionFormat::TemplateYaml);
        QCOMPARE(loaded.stateMachineIds, QStringList { QStringLiteral("OrderMachine") });
        QCOMPARE(loaded.stateMachineId, QStringLiteral("OrderMachine"));
        QVERIFY(loaded.definition);
        // Intrinsic functions become readable placeholders; literal substitutions are applied, others stay visible.
        QCOMPARE(at(loaded, "/States/Work/Resource"), std::string("${Worker.Arn}"));
        QCOMPARE(at(loaded, "/States/Work/Parameters/Table"), std::string("orders"));
        QCOMPARE(at(loaded, "/States/Work/Parameters/Attempts"), std::string("3"));
        QCOMPARE(at(loaded, "/States/Work/Parameters/Function"), std::string("${WorkerArn}"));
        QCOMPARE(at(loaded, "/States/Decide/Type"), std::string("${DecisionType}"));
        // Positions are the template's.
        QCOMPARE(loaded.definition->file, fixture("sam-definition.yaml"));
        QCOMPARE(loaded.definition->positionOf("/States/Work"), (SourcePos { 18, 11 }));
        QCOMPARE(loaded.definition->positionOf("/States/Decide/Type"), (SourcePos { 27, 13 }));
        QCOMPARE(loaded.definition->positionOf(""), (SourcePos { 15, 7 })); // the Definition key
    }

    void placeholderTypeNeverStopsLoading()
    {
        const OpenedDefinition opened = openDefinition(fixture("sam-definition.yaml"));
        QVERIFY(opened.hasWorkflow());
        QCOMPARE(opened.workflow.states.size(), 2);
    }

    void samDefinitionUri()
    {
        const LoadedDefinition loaded = loadDefinitionFile(fixture("sam-definitionuri.yaml"));
        QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(messages(loaded.diagnostics)));
        QCOMPARE(loaded.format, DefinitionFormat::TemplateYaml);
        QVERIFY(loaded.definition);
        QCOMPARE(loaded.definition->file, fixture("statemachine/order.asl.json"));
        QCOMPARE(at(loaded, "/States/Send/Parameters/QueueUrl"), std::string("https://sqs.example/queue"));
        QCOMPARE(at(loaded, "/States/Send/Parameters/FunctionName"), std::string("${FunctionArn}"));
        QCOMPARE(loaded.definition->positionOf("/States/Send/Resource"), (SourcePos { 6, 7 }));
    }

    void samDefinitionUriCaseMismatch()
    {
        const LoadedDefinition loaded = loadDefinitionFile(fixture("sam-definitionuri-case.yaml"));
        QVERIFY(loaded.definition);
        QCOMPARE(loaded.definition->file, fixture("statemachine/order.asl.json"));
        QCOMPARE(loaded.diagnostics.size(), 1);
        QCOMPARE(loaded.diagnostics.first().severity, Severity::Warning);
        QVERIFY(loaded.diagnostics.first().message.contains(QStringLiteral("statemachine/order.asl.json")));
        QCOMPARE(loaded.diagnostics.first().file, fixture("sam-definitionuri-case.yaml"));
        QCOMPARE(loaded.diagnostics.first().pos, (SourcePos { 6, 7 }));
    }

    void definitionStringSub()
    {
        const LoadedDefinition loaded = loadDefinitionFile(fixture("cfn-definitionstring-sub.yaml"));
        QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(messages(loaded.diagnostics)));
        QCOMPARE(loaded.format, DefinitionFormat::TemplateYaml);
        QCOMPARE(at(loaded, "/States/Pause/Seconds"), std::string("30")); // substituted outside a JSON string
        QVERIFY(loaded.definition->root["States"]["Pause"]["Seconds"].is_number());
        QCOMPARE(at(loaded, "/States/Call/Resource"), std::string("arn:${AWS::Partition}:states:::lambda:invoke"));
        // A block scalar's content maps back onto the template's lines and columns.
        QCOMPARE(loaded.definition->positionOf("/StartAt"), (SourcePos { 10, 11 }));
        QCOMPARE(loaded.definition->positionOf("/States/Call"), (SourcePos { 13, 13 }));
        QCOMPARE(loaded.definition->positionOf("/States/Call/End"), (SourcePos { 16, 15 }));
    }

    void definitionStringSubList()
    {
        const LoadedDefinition loaded = loadDefinitionFile(fixture("cfn-definitionstring-sublist.yaml"));
        QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(messages(loaded.diagnostics)));
        QCOMPARE(at(loaded, "/States/Call/Resource"), std::string("${Worker.Arn}"));
        QCOMPARE(loaded.definition->positionOf("/States/Done"), (SourcePos { 12, 15 }));
    }

    void definitionStringSyntaxErrorIsMapped()
    {
        const LoadedDefinition loaded = loadDefinitionFile(fixture("cfn-definitionstring-error.yaml"));
        QVERIFY(!loaded.definition);
        QCOMPARE(loaded.diagnostics.size(), 1);
        const Diagnostic& d = loaded.diagnostics.first();
        QCOMPARE(d.message, QStringLiteral("in DefinitionString: expected ',' or '}', found '\"'"));
        QCOMPARE(d.pos, (SourcePos { 9, 34 }));
        QCOMPARE(d.file, fixture("cfn-definitionstring-error.yaml"));
    }

    void cdkFnJoin()
    {
        const LoadedDefinition loaded = loadDefinitionFile(fixture("cdk-join.template.json"));
        QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(messages(loaded.diagnostics)));
        QCOMPARE(loaded.format, DefinitionFormat::TemplateJson);
        QCOMPARE(loaded.stateMachineIds, QStringList { QStringLiteral("MachineDEF456") });
        QCOMPARE(at(loaded, "/States/Send/Resource"), std::string("arn:${AWS::Partition}:states:::sqs:sendMessage"));
        QCOMPARE(at(loaded, "/States/Send/Parameters/QueueUrl"), std::string("${QueueABC123}"));
        QCOMPARE(at(loaded, "/States/Send/Parameters/Fn"), std::string("${MyFunction.Arn}"));
        // Positions inside a joined string point at the DefinitionString itself.
        QCOMPARE(loaded.definition->positionOf("/States/Send"), (SourcePos { 7, 9 }));
    }

    void definitionStringLiteralInJson()
    {
        const LoadedDefinition loaded = loadDefinitionFile(fixture("cfn-definitionstring-literal.json"));
        QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(messages(loaded.diagnostics)));
        QCOMPARE(loaded.format, DefinitionFormat::TemplateJson);
        QCOMPARE(at(loaded, "/States/A/Type"), std::string("Pass"));
        QCOMPARE(loaded.definition->positionOf("/States/A"), (SourcePos { 7, 9 }));
    }

    void multipleStateMachines()
    {
        const LoadedDefinition first = loadDefinitionFile(fixture("cfn-multiple.yaml"));
        QCOMPARE(first.stateMachineIds,
            (QStringList { QStringLiteral("First"), QStringLiteral("Second"), QStringLiteral("Third") }));
        QCOMPARE(first.stateMachineId, QStringLiteral("First"));
        QCOMPARE(at(first, "/StartAt"), std::string("One"));

        LoadOptions options;
        options.stateMachineId = QStringLiteral("Second");
        const LoadedDefinition second = loadDefinitionFile(fixture("cfn-multiple.yaml"), options);
        QCOMPARE(second.stateMachineId, QStringLiteral("Second"));
        QCOMPARE(at(second, "/StartAt"), std::string("Two"));
        QCOMPARE(second.definition->positionOf("/States/Two"), (SourcePos { 17, 11 }));

        options.stateMachineId = QStringLiteral("Table");
        const LoadedDefinition unknown = loadDefinitionFile(fixture("cfn-multiple.yaml"), options);
        QVERIFY(!unknown.definition);
        QCOMPARE(unknown.diagnostics.size(), 1);
        QCOMPARE(unknown.diagnostics.first().message,
            QStringLiteral("no state machine \"Table\" in this template; it has: First, Second, Third"));
    }

    void duplicateKeys()
    {
        const LoadedDefinition loaded = loadDefinitionFile(fixture("cfn-duplicates.yaml"));
        QVERIFY(loaded.definition);
        QCOMPARE(loaded.diagnostics.size(), 2);
        // Outside the definition: CloudFormation's business, a warning without a definition pointer.
        QCOMPARE(loaded.diagnostics[0].severity, Severity::Warning);
        QVERIFY(loaded.diagnostics[0].pointer.isEmpty());
        QCOMPARE(loaded.diagnostics[0].pos, (SourcePos { 4, 5 }));
        // Inside it: an error, pointing into the definition.
        QCOMPARE(loaded.diagnostics[1].severity, Severity::Error);
        QCOMPARE(loaded.diagnostics[1].pointer, QStringLiteral("/States/A/End"));
        QCOMPARE(loaded.diagnostics[1].pos, (SourcePos { 15, 13 }));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addRow("no state machine") << "cfn-none.yaml"
                                          << "this template defines no state machine (no AWS::StepFunctions::StateMachine "
                                             "or AWS::Serverless::StateMachine resource)"
                                          << 2;
        QTest::addRow("DefinitionS3Location") << "cfn-s3location.yaml"
                                              << "state machine Machine keeps its definition in S3 "
                                                 "(DefinitionS3Location), which is not available locally: open the "
                                                 "definition file itself"
                                              << 5;
        QTest::addRow("DefinitionUri in S3") << "sam-definitionuri-s3.yaml"
                                             << "state machine Machine keeps its definition in S3 (DefinitionUri), "
                                                "which is not available locally: open the definition file itself"
                                             << 6;
        QTest::addRow("DefinitionUri missing") << "sam-definitionuri-missing.yaml"
                                               << "state machine Machine: DefinitionUri "
                                                  "\"statemachine/nothing.asl.json\" not found next to the template"
                                               << 6;
    }
    void errors()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        QFETCH(int, line);
        const OpenedDefinition opened = openDefinition(fixture(file.toUtf8().constData()));
        QVERIFY(!opened.loaded.definition);
        QVERIFY(!opened.hasWorkflow());
        QCOMPARE(opened.diagnostics.size(), 1);
        QCOMPARE(opened.diagnostics.first().severity, Severity::Error);
        QCOMPARE(opened.diagnostics.first().message, message);
        QCOMPARE(opened.diagnostics.first().pos.line, line);
    }

    void contentNotNameDecides_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("format");
        QTest::addRow("ASL JSON named .yaml") << QByteArray("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}")
                                              << int(DefinitionFormat::AslJson);
        QTest::addRow("ASL JSON5") << QByteArray("// c\n{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"},},}")
                                   << int(DefinitionFormat::AslJson5);
        QTest::addRow("ASL YAML") << QByteArray("StartAt: A\nStates:\n  A:\n    Type: Succeed\n") << int(DefinitionFormat::AslYaml);
        QTest::addRow("template JSON") << QByteArray("{\"Resources\": {\"M\": {\"Type\": \"AWS::StepFunctions::StateMachine\", "
                                                     "\"Properties\": {\"Definition\": {\"StartAt\": \"A\", \"States\": "
                                                     "{\"A\": {\"Type\": \"Succeed\"}}}}}}}")
                                       << int(DefinitionFormat::TemplateJson);
    }
    void contentNotNameDecides()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, format);
        const OpenedDefinition opened = openDefinitionData(data, QStringLiteral("misnamed.yaml"));
        QCOMPARE(int(opened.loaded.format), format);
        QVERIFY2(opened.hasWorkflow(), qPrintable(messages(opened.diagnostics)));
    }

    void notADefinition_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        QTest::addRow("package.json") << QByteArray("{\"name\": \"x\", \"version\": \"1.0.0\"}")
                                      << "not a Step Functions definition: no StartAt or States, and not a "
                                         "CloudFormation or SAM template";
        QTest::addRow("array") << QByteArray("[1, 2]")
                               << "not a Step Functions definition: the document is array, not an object with "
                                  "StartAt and States";
        QTest::addRow("single state") << QByteArray("{\"Type\": \"Pass\", \"End\": true}")
                                      << "this is a single state (as tested with TestState), not a state machine: it "
                                         "has no StartAt or States";
        QTest::addRow("Terraform") << QByteArray("# comment\nresource \"aws_sfn_state_machine\" \"m\" {\n  name = \"x\"\n}\n")
                                   << "this is a Terraform file, not a state machine definition: open the definition "
                                      "file it references (often with templatefile()) or its *.asl.json";
        QTest::addRow("empty") << QByteArray("  \n") << "the file is empty";
        QTest::addRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << "NUL byte: this is a binary file, not a definition";
        QTest::addRow("YAML scalar") << QByteArray("just some words\n")
                                     << "not a Step Functions definition: the document is string, not an object with "
                                        "StartAt and States";
    }
    void notADefinition()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        const OpenedDefinition opened = openDefinitionData(data, QStringLiteral("x"));
        QVERIFY(!opened.hasWorkflow());
        QVERIFY(!opened.loaded.definition);
        QCOMPARE(opened.diagnostics.size(), 1);
        QCOMPARE(opened.diagnostics.first().message, message);
    }
};

QTEST_GUILESS_MAIN(TestTemplateReader)
#include "tst_templatereader.moc"
