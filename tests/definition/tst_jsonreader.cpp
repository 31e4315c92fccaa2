#include "definition/jsonreader.h"
#include "testsupport.h"

#include <QTest>

using namespace Stepscope;

namespace {

JsonReadResult read(const QByteArray& text, const JsonReadOptions& options = {})
{
    return readJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), QStringLiteral("t.json"),
        options);
}

} // namespace

class TestJsonReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void positions_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        const QByteArray definition = "{\n"
                                      "  \"StartAt\": \"A\",\n"
                                      "  \"States\": {\n"
                                      "    \"A\": {\"Type\": \"Pass\", \"Next\": \"B\"},\n"
                                      "    \"B\": {\n"
                                      "      \"Type\": \"Choice\",\n"
                                      "      \"Choices\": [ {\"Next\": \"A\"},\n"
                                      "                   {\"Next\": \"B\"} ]\n"
                                      "    }\n"
                                      "  }\n"
                                      "}\n";
        QTest::addRow("root") << definition << "" << 1 << 1;
        QTest::addRow("member is its key") << definition << "/StartAt" << 2 << 3;
        QTest::addRow("nested member") << definition << "/States/A/Next" << 4 << 27;
        QTest::addRow("array element") << definition << "/States/B/Choices/0" << 7 << 20;
        QTest::addRow("second array element") << definition << "/States/B/Choices/1" << 8 << 20;
        QTest::addRow("inside array element") << definition << "/States/B/Choices/1/Next" << 8 << 21;
        QTest::addRow("columns count code points") << QByteArray("{\"\xC3\xA9\": \"\xC3\xBC\", \"b\": 1}") << "/b" << 1
                                                   << 12;
        QTest::addRow("escaped pointer") << QByteArray("{\"a/b\": {\"c~d\": 1}}") << "/a~1b/c~0d" << 1 << 10;
        QTest::addRow("after comments") << QByteArray("// c\n{ /* x\n */ \"a\": 1 }") << "/a" << 3 << 5;
        QTest::addRow("CRLF") << QByteArray("{\r\n\"a\": 1,\r\n  \"b\": 2}") << "/b" << 3 << 3;
        QTest::addRow("after BOM") << QByteArray("\xEF\xBB\xBF{\"a\": 1}") << "/a" << 1 << 2;
    }
    void positions()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, pointer);
        QFETCH(int, line);
        QFETCH(int, column);
        const JsonReadResult result = read(text);
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(result.diagnostics.value(0).message));
        QVERIFY(result.document);
        const std::optional<SourcePos> pos = result.document->positions.at(pointer.toStdString());
        QVERIFY2(pos, qPrintable(pointer));
        QCOMPARE(pos->line, line);
        QCOMPARE(pos->column, column);
    }

    void values()
    {
        const JsonReadResult result = read("{\"s\": \"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\", \"i\": -42, "
                                           "\"u\": 18446744073709551615, \"f\": 1.5e3, \"z\": 0, \"t\": true, \"n\": null, "
                                           "\"a\": [], \"o\": {}, \"order\": {\"z\": 1, \"a\": 2}}");
        QVERIFY(result.diagnostics.isEmpty());
        const Json& root = result.document->root;
        QCOMPARE(root["s"].get<std::string>(), std::string("a\"\\/\b\f\n\r\t\xC3\xA9\xF0\x9F\x98\x80"));
        QCOMPARE(root["i"].get<std::int64_t>(), -42);
        QVERIFY(root["i"].is_number_integer());
        QCOMPARE(root["u"].get<std::uint64_t>(), 18446744073709551615ULL);
        QVERIFY(root["f"].is_number_float());
        QCOMPARE(root["f"].get<double>(), 1500.0);
        QVERIFY(root["z"].is_number_integer());
        QVERIFY(root["t"].get<bool>());
        QVERIFY(root["n"].is_null());
        QVERIFY(root["a"].is_array() && root["a"].empty());
        QVERIFY(root["o"].is_object() && root["o"].empty());
        QCOMPARE(root["order"].begin().key(), std::string("z")); // file order kept
        QVERIFY(!result.usedExtensions);
    }

    void extensions_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("line comment") << QByteArray("{\"a\": 1 // one\n}");
        QTest::addRow("block comment") << QByteArray("{/* a\nb */\"a\": 1}");
        QTest::addRow("trailing comma in object") << QByteArray("{\"a\": 1,\n}");
        QTest::addRow("trailing comma in array") << QByteArray("{\"a\": [1, 2, ]}");
        QTest::addRow("unquoted key") << QByteArray("{a: 1}");
    }
    void extensions()
    {
        QFETCH(QByteArray, text);
        const JsonReadResult relaxed = read(text);
        QVERIFY2(relaxed.diagnostics.isEmpty(), qPrintable(relaxed.diagnostics.value(0).message));
        QVERIFY(relaxed.usedExtensions);
        QCOMPARE(relaxed.document->root["a"].is_null(), false);
        const JsonReadResult strict = read(text, JsonReadOptions { false, false, false, 512 });
        QVERIFY(!strict.document);
        QCOMPARE(strict.diagnostics.size(), 1);
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addRow("missing comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << "expected ',' or '}', found '\"'" << 3
                                       << 3;
        QTest::addRow("key without value (corpus case)")
            << QByteArray("{\"Messages\": \"Messages.$\": \"$.Messages\"}") << "expected ',' or '}', found ':'" << 1 << 26;
        QTest::addRow("missing colon") << QByteArray("{\"a\" 1}") << "expected ':' after the key, found '1'" << 1 << 6;
        QTest::addRow("key starting with a digit") << QByteArray("{1a: 1}") << "expected a string key, found '1'" << 1 << 2;
        QTest::addRow("array") << QByteArray("[1 2]") << "expected ',' or ']', found '2'" << 1 << 4;
        QTest::addRow("end of file") << QByteArray("{\"a\": [1,\n") << "unexpected end of file, expected a value" << 2 << 1;
        QTest::addRow("empty") << QByteArray("") << "the file is empty" << 1 << 1;
        QTest::addRow("only white space") << QByteArray(" \n\n ") << "the file is empty" << 3 << 2;
        QTest::addRow("bad literal") << QByteArray("{\"a\": tru}") << "expected a value, found 't'" << 1 << 7;
        QTest::addRow("single quotes") << QByteArray("{\"a\": 'x'}") << "expected a value, found '''" << 1 << 7;
        QTest::addRow("leading zero") << QByteArray("{\"a\": 01}") << "expected ',' or '}', found '1'" << 1 << 8;
        QTest::addRow("bad fraction") << QByteArray("[1.]") << "expected a digit after '.', found ']'" << 1 << 4;
        QTest::addRow("out of range") << QByteArray("[1e400]") << "number out of range" << 1 << 2;
        QTest::addRow("unterminated string") << QByteArray("{\"a\": \"abc\n}") << "unterminated string (line break before the closing quote)" << 1 << 7;
        QTest::addRow("unterminated at end") << QByteArray("[\"abc") << "unterminated string" << 1 << 2;
        QTest::addRow("bad escape") << QByteArray("[\"a\\x\"]") << "invalid escape sequence \\'x'" << 1 << 4;
        QTest::addRow("lone surrogate") << QByteArray("[\"\\ud800x\"]") << "unpaired UTF-16 surrogate in \\u escape" << 1 << 3;
        QTest::addRow("control character") << QByteArray("[\"a\tb\"]") << "control character in a string (must be escaped)" << 1 << 4;
        QTest::addRow("NUL in string") << QByteArray("[\"ab\0\"]", 7) << "NUL byte in a string" << 1 << 5;
        QTest::addRow("NUL between values") << QByteArray("[1,\n \0]", 7) << "NUL byte where a value was expected" << 2 << 2;
        QTest::addRow("invalid UTF-8 in string") << QByteArray("{\"a\": \"\xC3\xA9\xFF\"}") << "invalid UTF-8 in a string" << 1 << 9;
        QTest::addRow("overlong UTF-8") << QByteArray("[\"\xC0\xAF\"]") << "invalid UTF-8 in a string" << 1 << 3;
        QTest::addRow("UTF-8 surrogate") << QByteArray("[\"\xED\xA0\x80\"]") << "invalid UTF-8 in a string" << 1 << 3;
        QTest::addRow("invalid UTF-8 outside strings") << QByteArray("[\xFF]") << "invalid UTF-8" << 1 << 2;
        QTest::addRow("content after value") << QByteArray("{} {}") << "unexpected '{' after the end of the JSON value" << 1 << 4;
        QTest::addRow("unterminated comment") << QByteArray("{\n/* abc\n\n") << "unterminated /* comment" << 2 << 1;
    }
    void syntaxErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        const JsonReadResult result = read(text);
        QVERIFY(!result.document);
        QCOMPARE(result.diagnostics.size(), 1);
        const Diagnostic& d = result.diagnostics.first();
        QCOMPARE(d.severity, Severity::Error);
        QCOMPARE(d.message, message);
        QCOMPARE(d.pos.line, line);
        QCOMPARE(d.pos.column, column);
        QCOMPARE(d.file, QStringLiteral("t.json"));
    }

    void duplicateKeys_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addRow("top level") << QByteArray("{\"StartAt\": \"A\",\n \"StartAt\": \"B\"}") << "/StartAt" << 2 << 2;
        QTest::addRow("nested") << QByteArray("{\"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true, \"Type\": \"Task\"}}}")
                                << "/States/A/Type" << 1 << 48;
        QByteArray large = "{";
        for (int i = 0; i < 100; ++i)
            large += "\"k" + QByteArray::number(i) + "\": " + QByteArray::number(i) + ",\n";
        large += "\"k42\": 0}";
        QTest::addRow("large object") << large << "/k42" << 101 << 1;
    }
    void duplicateKeys()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, pointer);
        QFETCH(int, line);
        QFETCH(int, column);
        const JsonReadResult result = read(text);
        QVERIFY(result.document); // reading goes on: everything else is still shown
        QCOMPARE(result.diagnostics.size(), 1);
        const Diagnostic& d = result.diagnostics.first();
        QCOMPARE(d.severity, Severity::Error);
        QVERIFY2(d.message.startsWith(QStringLiteral("duplicate key")), qPrintable(d.message));
        QCOMPARE(d.pointer, pointer);
        QCOMPARE(d.pos.line, line);
        QCOMPARE(d.pos.column, column);
        // The first value is kept, and the position stays the first key's.
        const Json& first = result.document->root.at(Json::json_pointer(pointer.toStdString()));
        QVERIFY(first != Json("B") && first != Json("Task") && first != Json(0));
        const std::optional<SourcePos> kept = result.document->positions.at(pointer.toStdString());
        QVERIFY(kept);
        QVERIFY(kept->line < line || kept->column < column);
    }

    void depthLimit_data()
    {
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("512 arrays") << 512 << true;
        QTest::addRow("513 arrays") << 513 << false;
        QTest::addRow("10000 arrays") << 10000 << false;
        QTest::addRow("1000000 arrays") << 1000000 << false;
    }
    void depthLimit()
    {
        QFETCH(int, depth);
        QFETCH(bool, accepted);
        const QByteArray text = QByteArray(depth, '[') + QByteArray(depth, ']');
        const JsonReadResult result = read(text);
        QCOMPARE(bool(result.document), accepted);
        if (!accepted) {
            QCOMPARE(result.diagnostics.size(), 1);
            QCOMPARE(result.diagnostics.first().message, QStringLiteral("nesting deeper than 512 levels"));
            QCOMPARE(result.diagnostics.first().pos, (SourcePos { 1, 513 }));
        }
        // Objects too.
        QByteArray objects;
        for (int i = 0; i < depth; ++i)
            objects += "{\"a\":";
        objects += "1" + QByteArray(depth, '}');
        QCOMPARE(bool(read(objects).document), accepted);
    }

    void everyValueHasAPosition()
    {
        const JsonReadResult result = read("{\"a\": [1, {\"b\": [true, null]}], \"c\": {}}");
        QVERIFY(result.document);
        for (const char* pointer : { "", "/a", "/a/0", "/a/1", "/a/1/b", "/a/1/b/0", "/a/1/b/1", "/c" })
            QVERIFY2(result.document->positions.at(pointer), pointer);
        QCOMPARE(result.document->positions.size(), std::size_t(8));
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
