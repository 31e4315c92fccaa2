#include "../layout/workflowgenerator.h"
#include "testsupport.h"

#include "definition/definition.h"
#include "render/textexport.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Stepscope;

class TestTextExport : public QObject {
    Q_OBJECT

    // Runs `dot -Tsvg` and returns the text of the SVG it draws; fails the test when dot rejects the input.
    static QStringList dotTexts(const QByteArray& dot, bool* ok)
    {
        *ok = false;
        QProcess process;
        process.start(QStringLiteral("dot"), { QStringLiteral("-Tsvg") });
        if (!process.waitForStarted())
            return {};
        process.write(dot);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            qWarning() << process.readAllStandardError();
            return {};
        }
        const QByteArray errors = process.readAllStandardError();
        if (errors.contains("syntax error") || errors.contains("Error")) {
            qWarning() << errors;
            return {};
        }
        QStringList texts;
        QXmlStreamReader reader(process.readAllStandardOutput());
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement() && reader.name() == QLatin1String("text"))
                texts << reader.readElementText();
        }
        *ok = !reader.hasError();
        return texts;
    }

    static Workflow load(const QString& path) { return openDefinition(path).workflow; }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dot")).isEmpty())
            QSKIP("Graphviz's dot is not installed");
    }

    void dotAccepted_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("direction");
        QTest::addRow("sample TB") << Test::samplePath(QStringLiteral("order-processing.asl.json")) << int(Direction::TopToBottom);
        QTest::addRow("sample LR") << Test::samplePath(QStringLiteral("order-processing.asl.json")) << int(Direction::LeftToRight);
        QTest::addRow("hostile") << Test::testDataPath(QStringLiteral("render/hostile.asl.json")) << int(Direction::TopToBottom);
        QTest::addRow("nested") << Test::testDataPath(QStringLiteral("render/nested.asl.json")) << int(Direction::TopToBottom);
    }
    void dotAccepted()
    {
        QFETCH(QString, file);
        QFETCH(int, direction);
        const Workflow workflow = load(file);
        QVERIFY(!workflow.states.isEmpty());
        LayoutOptions options;
        options.direction = Direction(direction);
        const QByteArray dot = dotText(workflow, options);
        QVERIFY(dot.contains(direction == int(Direction::LeftToRight) ? "rankdir=LR" : "rankdir=TB"));
        QVERIFY(!dot.contains("constraint=false"));
        QVERIFY(!dot.contains("splines=ortho"));
        bool ok = false;
        const QStringList texts = dotTexts(dot, &ok);
        QVERIFY(ok);
        // Every name comes out literally (no \N or \G substitution, no broken quoting).
        for (const State& state : workflow.states)
            QVERIFY2(texts.contains(state.name), qPrintable(state.name));
    }

    void dotOfGeneratedWorkflow()
    {
        Test::WorkflowGenerator generator(7);
        const Workflow workflow
            = openDefinitionData(QByteArray::fromStdString(generator.generate(120).dump()), QStringLiteral("g.json")).workflow;
        const QByteArray dot = dotText(workflow, {});
        QVERIFY(dot.contains("subgraph cluster_"));
        QVERIFY(dot.contains("lhead=cluster_") || dot.contains("ltail=cluster_"));
        bool ok = false;
        dotTexts(dot, &ok);
        QVERIFY(ok);
    }

    void mermaidStructure()
    {
        const Workflow workflow = load(Test::samplePath(QStringLiteral("order-processing.asl.json")));
        const QString text = QString::fromUtf8(mermaidText(workflow, {}));
        QVERIFY(text.startsWith(QStringLiteral("flowchart TB\n")));
        QVERIFY(text.contains(QStringLiteral("subgraph g")));
        QCOMPARE(text.count(QStringLiteral("subgraph ")), text.count(QRegularExpression(QStringLiteral("^\\s*end$"),
                                                                            QRegularExpression::MultilineOption)));
        QVERIFY(text.contains(QStringLiteral(" -.->|\"")));
        QVERIFY(text.contains(QStringLiteral(" ==>|\"Default\"|")));
        QVERIFY(text.contains(QStringLiteral("start_((\"Start\"))")));
        QVERIFY(mermaidText(workflow, { Direction::LeftToRight, {}, 1000 }).startsWith("flowchart LR\n"));
        LayoutOptions collapsed;
        collapsed.collapsed.insert(QStringLiteral("ProcessOrders"));
        QVERIFY(!QString::fromUtf8(mermaidText(workflow, collapsed)).contains(QStringLiteral("ChargeCard")));
    }

    void mermaidKeepsHostileTextLiteral()
    {
        const Workflow workflow = load(Test::testDataPath(QStringLiteral("render/hostile.asl.json")));
        const QString text = QString::fromUtf8(mermaidText(workflow, {}));
        // Ids are generated; user text appears only inside quotes, with quotes and markup as entities.
        QVERIFY(text.contains(QStringLiteral("[\"#lt;/text#gt;#lt;script#gt;alert(1)#lt;/script#gt;\"]")));
        QVERIFY(text.contains(QStringLiteral("{\"a#quot;]; B--#gt;C[#quot;x\"}")));
        QVERIFY(!text.contains(QStringLiteral("<script")));
        QVERIFY(!text.contains(QStringLiteral("B-->C")));
        // Each line has balanced quotes: no label can end early.
        for (const QString& line : text.split(u'\n'))
            QVERIFY2(line.count(u'"') % 2 == 0, qPrintable(line));
        QCOMPARE(mermaidEscaped(QStringLiteral("a\"#<>&`b")), QStringLiteral("a#quot;#35;#lt;#gt;#amp;#96;b"));
    }
};

QTEST_MAIN(TestTextExport)
#include "tst_textexport.moc"
