#include "models/jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTest>

using namespace Stepscope;

class TestJsonTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void passesModelTester_data();
    void passesModelTester();
    void keepsKeyOrderAndShowsSummaries();
    void pathsAreJsonPath_data();
    void pathsAreJsonPath();
    void copyValueAndAll();
    void notJsonIsOneStringRow();
    void largePayloadIsLazy();
};

void TestJsonTreeModel::passesModelTester_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("object") << R"({"a":1,"b":{"c":[1,2,{"d":null}]},"e":"x"})";
    QTest::addRow("array") << R"([1,[2,[3,[4]]],{}])";
    QTest::addRow("scalar") << R"("just a string")";
    QTest::addRow("empty") << "";
    QTest::addRow("broken") << R"({"a": )";
}

void TestJsonTreeModel::passesModelTester()
{
    QFETCH(QString, text);
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setText(text);
    // Walk everything so the tester sees every lazily created row.
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int r = 0; r < model.rowCount(parent); ++r)
            walk(model.index(r, 0, parent));
    };
    walk({});
    model.setText(QStringLiteral("[1]"));
    walk({});
}

void TestJsonTreeModel::keepsKeyOrderAndShowsSummaries()
{
    JsonTreeModel model;
    model.setText(QStringLiteral(R"({"zeta":1,"alpha":{"x":true},"mid":[1,2,3]})"));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(model.data(root, JsonTreeModel::KeyRole).toString(), QStringLiteral("$"));
    QCOMPARE(model.data(root, JsonTreeModel::ValueRole).toString(), QStringLiteral("{3 keys}"));
    QCOMPARE(model.rowCount(root), 3);
    QCOMPARE(model.data(model.index(0, 0, root), JsonTreeModel::KeyRole).toString(), QStringLiteral("zeta"));
    QCOMPARE(model.data(model.index(1, 0, root), JsonTreeModel::KeyRole).toString(), QStringLiteral("alpha"));
    QCOMPARE(model.data(model.index(2, 0, root), JsonTreeModel::ValueRole).toString(), QStringLiteral("[3 items]"));
    QCOMPARE(model.data(model.index(0, 0, root), JsonTreeModel::KindRole).toString(), QStringLiteral("number"));
    const QModelIndex alphaX = model.index(0, 0, model.index(1, 0, root));
    QCOMPARE(model.data(alphaX, JsonTreeModel::ValueRole).toString(), QStringLiteral("true"));
    QCOMPARE(model.data(alphaX, JsonTreeModel::KindRole).toString(), QStringLiteral("boolean"));
}

void TestJsonTreeModel::pathsAreJsonPath_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("rows");
    QTest::addColumn<QString>("path");
    const QString payload = QStringLiteral(R"({"order":{"lines":[{"sku":"A"},{"sku":"B","odd key":{"it's":1}}]}})");
    QTest::addRow("root") << payload << QList<int> {} << "$";
    QTest::addRow("member") << payload << QList<int> { 0 } << "$.order";
    QTest::addRow("array element") << payload << QList<int> { 0, 0, 1 } << "$.order.lines[1]";
    QTest::addRow("deep") << payload << QList<int> { 0, 0, 1, 0 } << "$.order.lines[1].sku";
    QTest::addRow("quoted key") << payload << QList<int> { 0, 0, 1, 1, 0 } << "$.order.lines[1]['odd key']['it\\'s']";
}

void TestJsonTreeModel::pathsAreJsonPath()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, rows);
    QFETCH(QString, path);
    JsonTreeModel model;
    model.setText(text);
    QModelIndex index = model.index(0, 0);
    for (int row : rows)
        index = model.index(row, 0, index);
    QVERIFY(index.isValid());
    QCOMPARE(model.pathText(index), path);
    QCOMPARE(model.data(index, JsonTreeModel::PathRole).toString(), path);
}

void TestJsonTreeModel::copyValueAndAll()
{
    JsonTreeModel model;
    model.setText(QStringLiteral(R"({"cause":"line 1\nline 2","n":{"a":[1,2]}})"));
    const QModelIndex root = model.index(0, 0);
    // Strings copy as they are: a stack trace pastes with its line breaks, without quotes or escapes.
    QCOMPARE(model.valueText(model.index(0, 0, root)), QStringLiteral("line 1\nline 2"));
    // The row shows one line.
    QVERIFY(!model.data(model.index(0, 0, root), JsonTreeModel::ValueRole).toString().contains(u'\n'));
    QCOMPARE(model.valueText(model.index(1, 0, root)), QStringLiteral("{\n  \"a\": [\n    1,\n    2\n  ]\n}"));
    QVERIFY(model.allText().startsWith(QStringLiteral("{\n  \"cause\": \"line 1\\nline 2\"")));
}

void TestJsonTreeModel::notJsonIsOneStringRow()
{
    JsonTreeModel model;
    model.setText(QStringLiteral("Payment <b>declined</b>: card expired"));
    QVERIFY(!model.isJson());
    QVERIFY(!model.parseError().isEmpty());
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(model.rowCount(root), 0);
    QCOMPARE(model.data(root, JsonTreeModel::ValueRole).toString(), model.text());
    QCOMPARE(model.allText(), model.text());
}

void TestJsonTreeModel::largePayloadIsLazy()
{
    // A 256 KB payload: one parse, and opening it builds only the rows asked for.
    QString text = QStringLiteral("{\"items\":[");
    int n = 0;
    while (text.size() < 256 * 1024) {
        if (n)
            text += u',';
        text += QStringLiteral(R"({"id":%1,"name":"item %1","tags":["a","b"],"price":%1.5})").arg(n++);
    }
    text += QStringLiteral("]}");
    JsonTreeModel model;
    QElapsedTimer timer;
    timer.start();
    model.setText(text);
    const QModelIndex items = model.index(0, 0, model.index(0, 0));
    QCOMPARE(model.rowCount(items), n);
    const QModelIndex last = model.index(n - 1, 0, items);
    QCOMPARE(model.data(model.index(1, 0, last), JsonTreeModel::ValueRole).toString(),
        QStringLiteral("\"item %1\"").arg(n - 1));
    QCOMPARE(model.pathText(model.index(1, 0, last)), QStringLiteral("$.items[%1].name").arg(n - 1));
    // Generous bound (sanitizer builds, busy machines); a regression to eager Q-object-per-node would blow it.
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
