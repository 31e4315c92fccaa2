#include "definition/yamlreader.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Stepscope;

namespace {

YamlReadResult read(const QByteArray& text, const YamlReadOptions& options = {})
{
    return readYaml(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), QStringLiteral("t.yaml"),
        options);
}

} // namespace

class TestYamlReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void positions_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        const QByteArray definition = "# comment\n"
                                      "StartAt: A\n"
                                      "States:\n"
                                      "  A:\n"
                                      "    Type: Pass\n"
                                      "    Next: B\n"
                                      "  B:\n"
                                      "    Type: Choice\n"
                                      "    Choices:\n"
                                      "      - Next: A\n"
                                      "        Variable: $.x\n"
                                      "      - {Next: B, Variable: $.y}\n";
        QTest::addRow("root") << definition << "" << 2 << 1;
        QTest::addRow("member is its key") << definition << "/StartAt" << 2 << 1;
        QTest::addRow("nested member") << definition << "/States/A/Next" << 6 << 5;
        QTest::addRow("sequence entry") << definition << "/States/B/Choices/0" << 10 << 9;
        QTest::addRow("inside sequence entry") << definition << "/States/B/Choices/0/Variable" << 11 << 9;
        QTest::addRow("flow mapping") << definition << "/States/B/Choices/1" << 12 << 9;
        QTest::addRow("flow mapping member") << definition << "/States/B/Choices/1/Variable" << 12 << 19;
        QTest::addRow("tag long form") << QByteArray("a:\n  b: !Ref X\n") << "/a/b/Ref" << 2 << 6;
    }
    void positions()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, pointer);
        QFETCH(int, line);
        QFETCH(int, column);
        const YamlReadResult result = read(text);
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(result.diagnostics.value(0).message));
        QVERIFY(result.document);
        const std::optional<SourcePos> pos = result.document->positions.at(pointer.toStdString());
        QVERIFY2(pos, qPrintable(pointer));
        QCOMPARE(pos->line, line);
        QCOMPARE(pos->column, column);
    }

    void values_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("scalars") << QByteArray("i: 42\nn: -7\nh: 0x1F\nf: 2.5\ne: 1e3\nt: true\nF: False\nz: null\nt2: ~\nempty:\ns: hello")
                                 << QByteArray(R"({"i":42,"n":-7,"h":31,"f":2.5,"e":1000.0,"t":true,"F":false,"z":null,"t2":null,"empty":null,"s":"hello"})");
        QTest::addRow("quoted stays text") << QByteArray("a: \"true\"\nb: '1.0'\nc: \"null\"")
                                           << QByteArray(R"({"a":"true","b":"1.0","c":"null"})");
        QTest::addRow("YAML 1.1 words stay text") << QByteArray("a: yes\nb: off\nc: 1.0.0")
                                                   << QByteArray(R"({"a":"yes","b":"off","c":"1.0.0"})");
        QTest::addRow("explicit str tag") << QByteArray("a: !!str 12") << QByteArray(R"({"a":"12"})");
        QTest::addRow("block scalar") << QByteArray("a: |\n  x\n  y\n") << QByteArray(R"({"a":"x\ny\n"})");
        QTest::addRow("sequence") << QByteArray("- 1\n- [a, b]\n- {c: d}") << QByteArray(R"([1,["a","b"],{"c":"d"}])");
        QTest::addRow("aliases expand") << QByteArray("a: &x {b: 1}\nc: *x") << QByteArray(R"({"a":{"b":1},"c":{"b":1}})");
        QTest::addRow("order kept") << QByteArray("z: 1\na: 2") << QByteArray(R"({"z":1,"a":2})");
    }
    void values()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QByteArray, json);
        const YamlReadResult result = read(yaml);
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(result.diagnostics.value(0).message));
        QCOMPARE(QByteArray::fromStdString(result.document->root.dump()), QByteArray::fromStdString(Json::parse(json.toStdString()).dump()));
    }

    void cloudFormationTags_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("Ref") << QByteArray("v: !Ref MyQueue") << QByteArray(R"({"v":{"Ref":"MyQueue"}})");
        QTest::addRow("Sub string") << QByteArray("v: !Sub 'arn:${AWS::Partition}:x'") << QByteArray(R"({"v":{"Fn::Sub":"arn:${AWS::Partition}:x"}})");
        QTest::addRow("Sub list") << QByteArray("v: !Sub\n  - '${A}'\n  - A: !Ref B") << QByteArray(R"({"v":{"Fn::Sub":["${A}",{"A":{"Ref":"B"}}]}})");
        QTest::addRow("GetAtt dotted") << QByteArray("v: !GetAtt MyFunction.Arn") << QByteArray(R"({"v":{"Fn::GetAtt":["MyFunction","Arn"]}})");
        QTest::addRow("GetAtt nested attribute") << QByteArray("v: !GetAtt Db.Endpoint.Address") << QByteArray(R"({"v":{"Fn::GetAtt":["Db","Endpoint.Address"]}})");
        QTest::addRow("GetAtt list") << QByteArray("v: !GetAtt [A, B]") << QByteArray(R"({"v":{"Fn::GetAtt":["A","B"]}})");
        QTest::addRow("Join") << QByteArray("v: !Join ['', [a, !Ref B]]") << QByteArray(R"({"v":{"Fn::Join":["",["a",{"Ref":"B"}]]}})");
        QTest::addRow("If") << QByteArray("v: !If [C, a, b]") << QByteArray(R"({"v":{"Fn::If":["C","a","b"]}})");
        QTest::addRow("Select") << QByteArray("v: !Select [0, !GetAZs '']") << QByteArray(R"({"v":{"Fn::Select":[0,{"Fn::GetAZs":""}]}})");
        QTest::addRow("Split") << QByteArray("v: !Split [',', 'a,b']") << QByteArray(R"({"v":{"Fn::Split":[",","a,b"]}})");
        QTest::addRow("FindInMap") << QByteArray("v: !FindInMap [M, K, V]") << QByteArray(R"({"v":{"Fn::FindInMap":["M","K","V"]}})");
        QTest::addRow("Base64") << QByteArray("v: !Base64 abc") << QByteArray(R"({"v":{"Fn::Base64":"abc"}})");
        QTest::addRow("Cidr") << QByteArray("v: !Cidr [10.0.0.0/16, 6, 5]") << QByteArray(R"({"v":{"Fn::Cidr":["10.0.0.0/16",6,5]}})");
        QTest::addRow("ImportValue") << QByteArray("v: !ImportValue Shared") << QByteArray(R"({"v":{"Fn::ImportValue":"Shared"}})");
        QTest::addRow("Equals") << QByteArray("v: !Equals [a, b]") << QByteArray(R"({"v":{"Fn::Equals":["a","b"]}})");
        QTest::addRow("And Or Not") << QByteArray("v: !And [!Or [!Condition A, !Condition B], !Not [!Condition C]]")
                                    << QByteArray(R"({"v":{"Fn::And":[{"Fn::Or":[{"Condition":"A"},{"Condition":"B"}]},{"Fn::Not":[{"Condition":"C"}]}]}})");
    }
    void cloudFormationTags()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QByteArray, json);
        const YamlReadResult result = read(yaml);
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(result.diagnostics.value(0).message));
        QCOMPARE(QByteArray::fromStdString(result.document->root.dump()), QByteArray::fromStdString(Json::parse(json.toStdString()).dump()));
    }

    void unknownTagWarns()
    {
        const YamlReadResult result = read("a: !Whatever 1\n");
        QVERIFY(result.document);
        QCOMPARE(result.diagnostics.size(), 1);
        QCOMPARE(result.diagnostics.first().severity, Severity::Warning);
        QCOMPARE(result.diagnostics.first().pos, (SourcePos { 1, 4 }));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addRow("unclosed flow") << QByteArray("a: [1, 2\nb: c\n") << "YAML syntax error: end of sequence flow not found" << 2 << 2;
        QTest::addRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n") << "YAML syntax error: end of map not found" << 3 << 2;
        QTest::addRow("unknown alias") << QByteArray("a: *nope\n") << "YAML syntax error: the referenced anchor is not defined" << 1 << 4;
        QTest::addRow("complex key") << QByteArray("? [a, b]\n: c\n") << "only text keys are supported in a definition" << 1 << 3;
        QTest::addRow("empty") << QByteArray("") << "the file is empty" << 0 << 0;
        QTest::addRow("only a comment") << QByteArray("# nothing\n") << "the file is empty" << 0 << 0;
    }
    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        const YamlReadResult result = read(text);
        QVERIFY(!result.document);
        QCOMPARE(result.diagnostics.size(), 1);
        QCOMPARE(result.diagnostics.first().message, message);
        QCOMPARE(result.diagnostics.first().pos.line, line);
        QCOMPARE(result.diagnostics.first().pos.column, column);
    }

    void duplicateKeys()
    {
        const YamlReadResult result = read("States:\n  A: {Type: Pass}\n  A: {Type: Task}\n");
        QVERIFY(result.document);
        QCOMPARE(result.diagnostics.size(), 1);
        QCOMPARE(result.diagnostics.first().pointer, QStringLiteral("/States/A"));
        QCOMPARE(result.diagnostics.first().pos, (SourcePos { 3, 3 }));
        QVERIFY(result.document->root["States"]["A"]["Type"] == Json("Pass"));
    }

    void billionLaughs()
    {
        QByteArray text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (char level = 'b'; level <= 'i'; ++level) {
            const QByteArray previous = "*" + QByteArray(1, char(level - 1));
            QByteArray items;
            for (int i = 0; i < 10; ++i)
                items += (i ? ", " : "") + previous;
            text += QByteArray(1, level) + ": &" + QByteArray(1, level) + " [" + items + "]\n";
        }
        QElapsedTimer timer;
        timer.start();
        const YamlReadResult result = read(text, YamlReadOptions { 512, 100000 });
        QVERIFY(!result.document);
        QCOMPARE(result.diagnostics.size(), 1);
        QVERIFY2(result.diagnostics.first().message.contains(QStringLiteral("billion laughs")),
            qPrintable(result.diagnostics.first().message));
        QVERIFY(timer.elapsed() < 5000);
        // The default limit stops it too, in reasonable time.
        timer.restart();
        QVERIFY(!read(text).document);
        qInfo() << "billion laughs rejected after" << timer.elapsed() << "ms with the default limit";
    }

    void deepNesting_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("flow 250") << QByteArray(250, '[') + QByteArray(250, ']') << true;
        QTest::addRow("flow 500") << QByteArray(500, '[') + QByteArray(500, ']') << false;
        QTest::addRow("flow 10000") << QByteArray(10000, '[') + QByteArray(10000, ']') << false;
        QTest::addRow("flow mappings 10000") << QByteArray("a: ") + QByteArray(10000, '{').replace("{", "{a: ") + "1"
                + QByteArray(10000, '}')
                                             << false;
        QByteArray dashes;
        for (int i = 0; i < 10000; ++i)
            dashes += "- ";
        QTest::addRow("block sequences 10000") << dashes + "x\n" << false;
        QByteArray maps;
        for (int i = 0; i < 2000; ++i)
            maps += QByteArray(i, ' ') + "a:\n";
        QTest::addRow("block mappings 2000") << maps << false;
        QByteArray shallow;
        for (int i = 0; i < 200; ++i)
            shallow += QByteArray(i * 2, ' ') + "a:\n";
        QTest::addRow("block mappings 200") << shallow + QByteArray(400, ' ') + "1\n" << true;
        QTest::addRow("flow in quotes is text") << "a: '" + QByteArray(10000, '[') + "'\n" << true;
    }
    void deepNesting()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, accepted);
        const YamlReadResult result = read(text);
        QVERIFY2(bool(result.document) == accepted, qPrintable(result.diagnostics.value(0).message));
        if (!accepted) {
            QCOMPARE(result.diagnostics.size(), 1);
            QCOMPARE(result.diagnostics.first().message, QStringLiteral("nesting deeper than 256 levels"));
            QVERIFY(result.diagnostics.first().pos.isValid());
        }
    }
};

QTEST_GUILESS_MAIN(TestYamlReader)
#include "tst_yamlreader.moc"
