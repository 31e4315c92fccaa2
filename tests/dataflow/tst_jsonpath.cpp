#include "dataflow/intrinsicfunctions.h"
#include "dataflow/jsonpath.h"
#include "definition/definitionloader.h"
#include "definition/jsonpathcheck.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QSet>

#include <QTest>

// QCOMPARE cannot take JSON values (QTest tries its qfloat16 overload on them).
#define COMPARE_JSON(actual, expected) QVERIFY2(jsonEquals((actual), (expected)), (actual).dump().c_str())

using namespace Stepscope::Dataflow;

// Jayway JsonPath's own "store" document (the service reads paths with Jayway), and the AWS guide's examples.
static const char* store = R"({"store": {"book": [
    {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95},
    {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99},
    {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99},
    {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8",
     "price": 22.99}],
  "bicycle": {"color": "red", "price": 19.95}}, "expensive": 10})";

struct LoadedDefinitionView {
    bool ok = false;
    Json root;
};

LoadedDefinitionView load(const QString& file)
{
    const Stepscope::LoadedDefinition loaded = Stepscope::loadDefinitionFile(file);
    if (!loaded.definition)
        return {};
    return { true, loaded.definition->root };
}

class TestJsonPath : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("expected");
        // AWS guide, "InputPath, Parameters and ResultSelector": InputPath "$.dataset2".
        QTest::addRow("InputPath $.dataset2")
            << QByteArray(R"({"comment": "Example for InputPath.", "dataset1": {"val1": 1, "val2": 2, "val3": 3},
                "dataset2": {"val1": "a", "val2": "b", "val3": "c"}})")
            << "$.dataset2" << QByteArray(R"({"val1": "a", "val2": "b", "val3": "c"})");
        QTest::addRow("root") << QByteArray(R"({"a": 1})") << "$" << QByteArray(R"({"a": 1})");
        QTest::addRow("bracket name") << QByteArray(R"({"a b": {"c": 2}})") << "$['a b'].c" << QByteArray("2");
        QTest::addRow("index") << QByteArray(R"({"a": [1, 2, 3]})") << "$.a[1]" << QByteArray("2");
        QTest::addRow("negative index") << QByteArray(R"({"a": [1, 2, 3]})") << "$.a[-1]" << QByteArray("3");
        QTest::addRow("null value") << QByteArray(R"({"a": null})") << "$.a" << QByteArray("null");
        const QByteArray s(store);
        QTest::addRow("authors of all books") << s << "$.store.book[*].author"
                                              << QByteArray(R"(["Nigel Rees", "Evelyn Waugh", "Herman Melville",
                                                     "J. R. R. Tolkien"])");
        QTest::addRow("all authors ..") << s << "$..author"
                                        << QByteArray(R"(["Nigel Rees", "Evelyn Waugh", "Herman Melville",
                                               "J. R. R. Tolkien"])");
        QTest::addRow("store prices ..") << s << "$.store..price" << QByteArray("[8.95, 12.99, 8.99, 22.99, 19.95]");
        QTest::addRow("third book") << s << "$..book[2].title" << QByteArray(R"(["Moby Dick"])");
        QTest::addRow("second to last") << s << "$..book[-2].title" << QByteArray(R"(["Moby Dick"])");
        QTest::addRow("union of indexes") << s << "$..book[0,1].price" << QByteArray("[8.95, 12.99]");
        QTest::addRow("slice :2") << s << "$.store.book[:2].price" << QByteArray("[8.95, 12.99]");
        QTest::addRow("slice 1:2") << s << "$.store.book[1:2].price" << QByteArray("[12.99]");
        QTest::addRow("slice -2:") << s << "$.store.book[-2:].price" << QByteArray("[8.99, 22.99]");
        QTest::addRow("slice 2:") << s << "$.store.book[2:].price" << QByteArray("[8.99, 22.99]");
        QTest::addRow("slice step") << s << "$.store.book[0:4:2].price" << QByteArray("[8.95, 8.99]");
        QTest::addRow("filter exists") << s << "$..book[?(@.isbn)].title"
                                       << QByteArray(R"(["Moby Dick", "The Lord of the Rings"])");
        QTest::addRow("filter price < 10") << s << "$.store.book[?(@.price < 10)].title"
                                           << QByteArray(R"(["Sayings of the Century", "Moby Dick"])");
        QTest::addRow("filter against root") << s << "$..book[?(@.price <= $['expensive'])].price"
                                             << QByteArray("[8.95, 8.99]");
        QTest::addRow("filter regex") << s << "$..book[?(@.author =~ /.*REES/i)].title"
                                      << QByteArray(R"(["Sayings of the Century"])");
        QTest::addRow("filter and") << s << "$.store.book[?(@.category == 'fiction' && @.price > 20)].title"
                                    << QByteArray(R"(["The Lord of the Rings"])");
        QTest::addRow("filter or") << s << "$.store.book[?(@.price < 9 || @.price > 20)].price"
                                   << QByteArray("[8.95, 8.99, 22.99]");
        QTest::addRow("filter not") << s << "$.store.book[?(!(@.price < 10))].price" << QByteArray("[12.99, 22.99]");
        QTest::addRow("filter none") << s << "$.store.book[?(@.price > 100)]" << QByteArray("[]");
        QTest::addRow("wildcard of object") << QByteArray(R"({"a": {"x": 1, "y": 2}})") << "$.a.*"
                                            << QByteArray("[1, 2]");
        QTest::addRow("indefinite finds nothing") << QByteArray(R"({"a": []})") << "$.a[*].b" << QByteArray("[]");
        QTest::addRow("names union") << QByteArray(R"({"a": 1, "b": 2, "c": 3})") << "$['a','c']"
                                     << QByteArray("[1, 3]");
    }

    void evaluate()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, path);
        QFETCH(QByteArray, expected);
        const Json in = Json::parse(input.toStdString());
        PathScope scope;
        scope.input = &in;
        const Json result = JsonPath::parse(path.toStdString()).evaluate(scope);
        QVERIFY2(jsonEquals(result, Json::parse(expected.toStdString())), result.dump().c_str());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("cause");
        QTest::addRow("missing leaf") << QByteArray(R"({"order": {}})") << "$.order.id"
                                      << "Invalid path '$.order.id' : No results for path: $['order']['id']";
        QTest::addRow("missing leaf at top") << QByteArray("{}") << "$.NoSuchInputPath"
                                             << "Invalid path '$.NoSuchInputPath' : No results for path: "
                                                "$['NoSuchInputPath']";
        // Recorded from AWS (OutputPath "$.no.such.result.path" on {}).
        QTest::addRow("missing step inside") << QByteArray("{}") << "$.no.such.result.path"
                                             << "Invalid path '$.no.such.result.path' : Missing property in path "
                                                "$['no']";
        QTest::addRow("index out of range") << QByteArray(R"({"a": [1]})") << "$.a[3]"
                                            << "Invalid path '$.a[3]' : No results for path: $['a'][3]";
        QTest::addRow("syntax: empty name") << QByteArray("{}") << "$.a.." << "Invalid path '$.a..'";
        QTest::addRow("syntax: unbalanced") << QByteArray("{}") << "$.a[0" << "unbalanced";
        QTest::addRow("syntax: no $") << QByteArray("{}") << "a.b" << "must start with";
        QTest::addRow("undefined variable") << QByteArray("{}") << "$who.name" << "The variable 'who' is not defined";
    }

    void errors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, path);
        QFETCH(QString, cause);
        const Json in = Json::parse(input.toStdString());
        const Json variables = Json::object();
        PathScope scope;
        scope.input = &in;
        scope.variables = &variables;
        try {
            (void)JsonPath::parse(path.toStdString()).evaluate(scope);
            QFAIL("no error");
        } catch (const DataflowError& e) {
            QCOMPARE(e.error, QStringLiteral("States.Runtime"));
            QVERIFY2(e.cause.contains(cause), qPrintable(e.cause));
        }
    }

    void contextAndVariables()
    {
        const Json input = Json::object();
        const Json context = Json::parse(R"({"Execution": {"Id": "arn:exec", "Input": {"x": 1}}})");
        const Json variables = Json::parse(R"({"order": {"id": 7}})");
        std::vector<std::string> uses;
        PathScope scope { &input, &context, &variables, &uses };
        const Json id = evaluatePath("$$.Execution.Id", scope);
        const Json x = evaluatePath("$$.Execution.Input.x", scope);
        COMPARE_JSON(id, Json("arn:exec"));
        COMPARE_JSON(x, Json(1));
        COMPARE_JSON(evaluatePath("$order.id", scope), Json(7));
        COMPARE_JSON(evaluatePath("$order", scope), variables["order"]);
        QCOMPARE(uses.size(), size_t(2));
    }

    void referencePaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("reference");
        QTest::addRow("$") << "$" << true;
        QTest::addRow("names") << "$.a.b" << true;
        QTest::addRow("index") << "$.a[0]" << true;
        QTest::addRow("quoted") << "$['a b']" << true;
        QTest::addRow("wildcard") << "$.a[*]" << false;
        QTest::addRow("descendants") << "$..a" << false;
        QTest::addRow("filter") << "$.a[?(@.x)]" << false;
        QTest::addRow("context") << "$$.Execution.Id" << false;
        QTest::addRow("variable") << "$v.a" << false;
    }

    void referencePaths()
    {
        QFETCH(QString, path);
        QFETCH(bool, reference);
        QCOMPARE(JsonPath::parse(path.toStdString()).isReferencePath(), reference);
    }

    // ResultPath places a value in the raw input, creating missing objects (AWS guide, "ResultPath").
    void assign_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("replace all") << QByteArray(R"({"a": 1})") << "$" << QByteArray(R"("v")");
        QTest::addRow("new member") << QByteArray(R"({"a": 1})") << "$.b" << QByteArray(R"({"a": 1, "b": "v"})");
        QTest::addRow("nested, created") << QByteArray(R"({"a": 1})") << "$.x.y"
                                         << QByteArray(R"({"a": 1, "x": {"y": "v"}})");
        QTest::addRow("into existing") << QByteArray(R"({"strings": {"string1": "foo"}})") << "$.strings.lambdaresult"
                                       << QByteArray(R"({"strings": {"string1": "foo", "lambdaresult": "v"}})");
        QTest::addRow("array element") << QByteArray(R"({"a": [1, 2]})") << "$.a[1]"
                                       << QByteArray(R"({"a": [1, "v"]})");
    }

    void assign()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, path);
        QFETCH(QByteArray, expected);
        Json t = Json::parse(target.toStdString());
        JsonPath::parse(path.toStdString()).assign(t, "v");
        QVERIFY2(jsonEquals(t, Json::parse(expected.toStdString())), t.dump().c_str());
    }

    void assignIntoNonObjectFails()
    {
        Json t = Json::parse(R"({"a": "text"})");
        QVERIFY_THROWS_EXCEPTION(DataflowError, JsonPath::parse("$.a.b").assign(t, 1));
    }

    // The validator's syntax checker (model/definition/jsonpathcheck) and this parser are separate: every path the
    // corpus definitions hold must get the same verdict from both.
    void agreesWithTheValidatorsChecker()
    {
        STEPSCOPE_REQUIRE_CORPUS(corpus);
        QSet<QString> paths, referencePaths;
        const std::function<void(const Json&, const std::string&)> collect = [&](const Json& v, const std::string& key) {
            if (v.is_object()) {
                for (auto it = v.begin(); it != v.end(); ++it)
                    collect(*it, it.key());
            } else if (v.is_array()) {
                for (const Json& item : v)
                    collect(item, key);
            } else if (v.is_string()) {
                const std::string& text = v.get_ref<const std::string&>();
                if (text.empty() || text[0] != '$' || text.rfind("{%", 0) == 0)
                    return;
                const bool dynamic = key.size() > 2 && key.compare(key.size() - 2, 2, ".$") == 0;
                if (key == "ResultPath")
                    referencePaths.insert(QString::fromStdString(text));
                else if (dynamic || key == "InputPath" || key == "OutputPath" || key == "ItemsPath" || key == "Variable"
                    || (key.size() > 4 && key.compare(key.size() - 4, 4, "Path") == 0))
                    paths.insert(QString::fromStdString(text));
            }
        };
        QDirIterator it(corpus + QStringLiteral("/definitions/localstack-templates"), { QStringLiteral("*.json5") },
            QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const LoadedDefinitionView loaded = load(it.next());
            if (!loaded.ok)
                continue;
            ++files;
            collect(loaded.root, std::string());
        }
        QVERIFY(files > 100);
        QStringList disagreements;
        for (const QString& p : std::as_const(paths)) {
            const std::string text = p.toStdString();
            const bool checkerAccepts = Stepscope::Validation::checkPath(text).isEmpty();
            QString problem;
            const bool parserAccepts = JsonPath::tryParse(text, &problem).has_value();
            if (checkerAccepts != parserAccepts)
                disagreements.append(QStringLiteral("%1: checker %2, parser %3 %4")
                                         .arg(p, checkerAccepts ? QStringLiteral("accepts") : QStringLiteral("rejects"),
                                             parserAccepts ? QStringLiteral("accepts") : QStringLiteral("rejects"),
                                             problem));
        }
        for (const QString& p : std::as_const(referencePaths)) {
            const std::string text = p.toStdString();
            const bool checkerAccepts = Stepscope::Validation::checkReferencePath(text).isEmpty();
            const std::optional<JsonPath> parsed = JsonPath::tryParse(text);
            const bool parserAccepts = parsed && parsed->isReferencePath();
            if (checkerAccepts != parserAccepts)
                disagreements.append(QStringLiteral("ResultPath %1: checker %2, parser %3")
                                         .arg(p, checkerAccepts ? QStringLiteral("accepts") : QStringLiteral("rejects"),
                                             parserAccepts ? QStringLiteral("accepts") : QStringLiteral("rejects")));
        }
        qInfo("%lld paths and %lld reference paths from %d definitions", qlonglong(paths.size()),
            qlonglong(referencePaths.size()), files);
        for (const QString& d : std::as_const(disagreements))
            qInfo("%s", qPrintable(d));
        QVERIFY(paths.size() > 100);
        QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(u'\n')));
    }

    void equality()
    {
        QVERIFY(jsonEquals(Json::parse(R"({"a": 1, "b": [1.0]})"), Json::parse(R"({"b": [1], "a": 1.0})")));
        QVERIFY(!jsonEquals(Json::parse(R"({"a": 1})"), Json::parse(R"({"a": "1"})")));
        QVERIFY(!jsonEquals(Json::parse("[1, 2]"), Json::parse("[2, 1]")));
    }
};

QTEST_GUILESS_MAIN(TestJsonPath)
#include "tst_jsonpath.moc"
