#include "diagramchecks.h"
#include "testsupport.h"
#include "workflowgenerator.h"

#include "definition/definition.h"
#include "layout/diagramfonts.h"
#include "layout/graphvizlayout.h"
#include "layout/layoutgraph.h"
#include "layout/layoutjson.h"
#include "layout/simplelayout.h"

#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <thread>

using namespace Stepscope;

class TestGraphvizLayout : public QObject {
    Q_OBJECT

    static Workflow generated(int states, unsigned seed)
    {
        Test::WorkflowGenerator generator(seed);
        const QByteArray json = QByteArray::fromStdString(generator.generate(states).dump());
        OpenedDefinition opened = openDefinitionData(json, QStringLiteral("generated.asl.json"));
        if (hasErrors(opened.diagnostics)) {
            for (const Diagnostic& d : opened.diagnostics)
                qWarning() << d.message << d.pointer;
        }
        return opened.workflow;
    }

    static Workflow sample()
    {
        OpenedDefinition opened = openDefinition(Test::samplePath(QStringLiteral("order-processing.asl.json")));
        return opened.workflow;
    }

private Q_SLOTS:
    // Widths are remembered: whatever the order and the thread, each font gives its own metrics' answer.
    void textWidthsPerFont()
    {
        const QString text = QStringLiteral("ChargeCreditCard");
        QFont bold = DiagramFonts::smallFont();
        bold.setBold(true);
        const QList<QFont> fonts { DiagramFonts::nameFont(), DiagramFonts::smallFont(), bold };
        for (int round = 0; round < 2; ++round) {
            for (const QFont& font : fonts)
                QCOMPARE(DiagramFonts::textWidth(text, font), QFontMetricsF(font).horizontalAdvance(text));
        }
        QVERIFY(DiagramFonts::textWidth(text, fonts[0]) > DiagramFonts::textWidth(text, fonts[1]));
        QVERIFY(DiagramFonts::textWidth(text, fonts[2]) > DiagramFonts::textWidth(text, fonts[1]));
        qreal fromThread = 0;
        std::thread thread([&] { fromThread = DiagramFonts::textWidth(text + text, fonts[1]); });
        thread.join();
        QCOMPARE(fromThread, QFontMetricsF(fonts[1]).horizontalAdvance(text + text));
    }

    void sampleInvariants_data()
    {
        QTest::addColumn<int>("direction");
        QTest::addRow("top-to-bottom") << int(Direction::TopToBottom);
        QTest::addRow("left-to-right") << int(Direction::LeftToRight);
    }
    void sampleInvariants()
    {
        QFETCH(int, direction);
        const Workflow workflow = sample();
        QVERIFY(!workflow.states.isEmpty());
        LayoutOptions options;
        options.direction = Direction(direction);
        GraphvizLayout engine;
        const Diagram diagram = engine.layout(workflow, options);
        QCOMPARE(diagram.engine, LayoutEngineKind::Graphviz);
        QVERIFY2(diagram.diagnostics.isEmpty(), qPrintable(diagram.diagnostics.value(0).message));
        const QStringList problems = Test::diagramProblems(workflow, diagram);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(diagram.nodes.size(), workflow.states.size());
        QCOMPARE(diagram.edges.size(), workflow.edges.size());
        // The Map and the Parallel are groups holding their branches.
        int groups = 0;
        for (const DiagramContainer& c : diagram.containers)
            groups += c.kind == DiagramContainerKind::Group ? 1 : 0;
        QCOMPARE(groups, 2);
        // One start marker; ends lead to one end circle.
        QVERIFY(!diagram.markers.isEmpty());
        QVERIFY(diagram.markers.first().isStart);
        // Retry is a badge, not an edge.
        const int charge = diagram.nodeForState(workflow.findStateById(QStringLiteral("ProcessOrders/processor/ChargeCard")));
        QVERIFY(charge >= 0);
        QVERIFY(diagram.nodes[charge].badge.contains(QStringLiteral("retry")));
        // Direction shows in the shape of the picture: the chain runs down or across.
        const QRectF first = diagram.nodes[diagram.nodeForState(workflow.start)].box;
        const QRectF validate = diagram.nodes[diagram.nodeForState(workflow.findState(QStringLiteral("CheckInventory"), NoIndex))].box;
        if (options.direction == Direction::TopToBottom)
            QVERIFY(validate.top() > first.bottom());
        else
            QVERIFY(validate.left() > first.right());
    }

    void layoutIsDeterministic()
    {
        // The same input gives the same picture, whatever ran before in the process (painting warms font caches).
        const Workflow workflow = sample();
        GraphvizLayout engine;
        const Diagram first = engine.layout(workflow, {});
        QImage image(800, 1200, QImage::Format_ARGB32_Premultiplied);
        {
            QPainter painter(&image);
            painter.scale(2, 2);
            painter.setFont(DiagramFonts::nameFont());
            for (const State& state : workflow.states)
                painter.drawText(QPointF(10, 10), state.name + state.typeName);
        }
        const Workflow other = generated(60, 3);
        (void)engine.layout(other, {});
        const Diagram second = engine.layout(workflow, {});
        // Node sizes are ours and must not change. Positions may move by a few points: Graphviz 2.42 orders some
        // choices by memory address, which differs with what the process did before (seen as a 3 pt wider picture).
        QCOMPARE(second.nodes.size(), first.nodes.size());
        for (int i = 0; i < first.nodes.size(); ++i)
            QCOMPARE(second.nodes[i].box.size(), first.nodes[i].box.size());
        QVERIFY(std::abs(second.size.width() - first.size.width()) < 0.1 * first.size.width());
        QVERIFY(Test::diagramProblems(workflow, second).isEmpty());
    }

    void edgesAreLabelled()
    {
        const Workflow workflow = sample();
        GraphvizLayout engine;
        const Diagram diagram = engine.layout(workflow, {});
        int choice = 0, defaults = 0, catches = 0;
        for (const DiagramEdge& e : diagram.edges) {
            if (e.kind == EdgeKind::Choice) {
                ++choice;
                QVERIFY(!e.label.isEmpty());
                QVERIFY(!e.labelBox.isEmpty());
            } else if (e.kind == EdgeKind::Default) {
                ++defaults;
            } else if (e.kind == EdgeKind::Catch) {
                ++catches;
                QVERIFY(!e.shownLabel.isEmpty());
            }
        }
        QCOMPARE(choice, 2);
        QCOMPARE(defaults, 1);
        QVERIFY(catches >= 2);
    }

    void generatedInvariants_data()
    {
        QTest::addColumn<int>("states");
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<int>("direction");
        QTest::addRow("30 TB") << 30 << 1u << int(Direction::TopToBottom);
        QTest::addRow("30 LR") << 30 << 2u << int(Direction::LeftToRight);
        QTest::addRow("80 TB ghosts") << 80 << 3u << int(Direction::TopToBottom);
        QTest::addRow("150 LR") << 150 << 4u << int(Direction::LeftToRight);
        QTest::addRow("200 TB") << 200 << 5u << int(Direction::TopToBottom);
    }
    void generatedInvariants()
    {
        QFETCH(int, states);
        QFETCH(unsigned, seed);
        QFETCH(int, direction);
        const Workflow workflow = generated(states, seed);
        QVERIFY(workflow.states.size() >= states);
        LayoutOptions options;
        options.direction = Direction(direction);
        GraphvizLayout engine;
        const Diagram diagram = engine.layout(workflow, options);
        QCOMPARE(diagram.engine, LayoutEngineKind::Graphviz);
        const QStringList problems = Test::diagramProblems(workflow, diagram);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(u'\n')));
        // Nested groups exist (a Parallel / Map inside a branch).
        bool nested = false;
        for (const DiagramContainer& c : diagram.containers)
            nested = nested || (c.kind == DiagramContainerKind::Group && c.parent >= 0);
        QVERIFY(nested);
        // Every edge of the definition is drawn once.
        QCOMPARE(diagram.edges.size(), workflow.edges.size());
        if (states > 60) {
            int ghosts = 0;
            for (const DiagramNode& n : diagram.nodes)
                ghosts += n.ghostOf >= 0 ? 1 : 0;
            QVERIFY(ghosts > 0);
        }
    }

    void loopsAreReversedNotDropped()
    {
        const QByteArray json = R"({"StartAt":"A","States":{
            "A":{"Type":"Task","Resource":"x","Next":"B"},
            "B":{"Type":"Choice","Choices":[{"Variable":"$.again","BooleanEquals":true,"Next":"A"}],"Default":"C"},
            "C":{"Type":"Succeed"}}})";
        const Workflow workflow = openDefinitionData(json, QStringLiteral("loop.json")).workflow;
        const LayoutGraph graph = LayoutGraph::build(workflow, {});
        QVERIFY(QByteArray::fromStdString(graph.toDot()).contains("dir=back"));
        QVERIFY(!QByteArray::fromStdString(graph.toDot()).contains("constraint=false"));
        GraphvizLayout engine;
        const Diagram diagram = engine.layout(workflow, {});
        QVERIFY2(Test::diagramProblems(workflow, diagram).isEmpty(), qPrintable(Test::diagramProblems(workflow, diagram).join(u'\n')));
        bool backward = false;
        for (const DiagramEdge& e : diagram.edges)
            backward = backward || (e.backward && e.fromState == workflow.findState(QStringLiteral("B"), NoIndex));
        QVERIFY(backward);
    }

    void collapse()
    {
        const Workflow workflow = sample();
        LayoutOptions options;
        options.collapsed.insert(QStringLiteral("ProcessOrders"));
        GraphvizLayout engine;
        const Diagram full = engine.layout(workflow, {});
        const Diagram diagram = engine.layout(workflow, options);
        const QStringList problems = Test::diagramProblems(workflow, diagram, options.collapsed);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        const int map = diagram.nodeForState(workflow.findState(QStringLiteral("ProcessOrders"), NoIndex));
        QVERIFY(map >= 0);
        QVERIFY(diagram.nodes[map].collapsedContainer);
        QCOMPARE(diagram.nodes[map].group, -1);
        QCOMPARE(diagram.nodeForState(workflow.findStateById(QStringLiteral("ProcessOrders/processor/ChargeCard"))), -1);
        QVERIFY(diagram.nodes.size() < full.nodes.size());
        QCOMPARE(diagram.containers.size(), full.containers.size() - 2);
        QVERIFY(diagram.size.height() < full.size.height());
    }

    void crashFallsBack_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("message");
        QTest::addRow("crash") << int(GraphvizLayout::Fault::Crash) << QStringLiteral("crashed");
        QTest::addRow("hang") << int(GraphvizLayout::Fault::Hang) << QStringLiteral("longer than");
        QTest::addRow("error") << int(GraphvizLayout::Fault::Error) << QStringLiteral("injected");
    }
    void crashFallsBack()
    {
        QFETCH(int, fault);
        QFETCH(QString, message);
        for (const Workflow& workflow : { sample(), generated(120, 9) }) {
            GraphvizLayout engine;
            engine.setFault(GraphvizLayout::Fault(fault));
            LayoutOptions options;
            options.timeoutMs = 500;
            const Diagram diagram = engine.layout(workflow, options);
            QCOMPARE(diagram.engine, LayoutEngineKind::Simple);
            QCOMPARE(diagram.diagnostics.size(), 1);
            QCOMPARE(diagram.diagnostics.first().severity, Severity::Warning);
            QVERIFY2(diagram.diagnostics.first().message.contains(message), qPrintable(diagram.diagnostics.first().message));
            const QStringList problems = Test::diagramProblems(workflow, diagram);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(u'\n')));
        }
        // And the next call works again: nothing global was left broken.
        GraphvizLayout engine;
        QCOMPARE(engine.layout(sample(), {}).engine, LayoutEngineKind::Graphviz);
    }

    void exportCommandSurvivesCrash()
    {
        const QString out = QDir::temp().filePath(QStringLiteral("stepscope-crash-%1.json").arg(QCoreApplication::applicationPid()));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STEPSCOPE_TEST_GRAPHVIZ"), QStringLiteral("crash"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(STEPSCOPE_BINARY),
            { QStringLiteral("export"), Test::samplePath(QStringLiteral("order-processing.asl.json")), QStringLiteral("-o"), out });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardError().contains("simple layout"));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("nodes")).toArray().size() > 5);
        file.remove();
    }

    void simpleLayoutInvariants_data()
    {
        QTest::addColumn<int>("states");
        QTest::addColumn<int>("direction");
        QTest::addRow("sample-ish 40 TB") << 40 << int(Direction::TopToBottom);
        QTest::addRow("300 LR") << 300 << int(Direction::LeftToRight);
    }
    void simpleLayoutInvariants()
    {
        QFETCH(int, states);
        QFETCH(int, direction);
        const Workflow workflow = generated(states, 11);
        LayoutOptions options;
        options.direction = Direction(direction);
        SimpleLayout engine;
        const Diagram diagram = engine.layout(workflow, options);
        const QStringList problems = Test::diagramProblems(workflow, diagram);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(u'\n')));
    }

    void layoutJsonShape()
    {
        const Workflow workflow = sample();
        GraphvizLayout engine;
        const Diagram diagram = engine.layout(workflow, {});
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(layoutJson(diagram), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.keys(), QStringList({ "containers", "edges", "height", "nodes", "width" }));
        QSet<QString> ids;
        QSet<QString> containerIds;
        for (const QJsonValue& v : root.value(QStringLiteral("containers")).toArray()) {
            const QJsonObject c = v.toObject();
            QCOMPARE(c.keys(), QStringList({ "height", "id", "label", "parent", "width", "x", "y" }));
            QVERIFY(c.value(QStringLiteral("parent")).isNull() || containerIds.contains(c.value(QStringLiteral("parent")).toString()));
            QVERIFY(!ids.contains(c.value(QStringLiteral("id")).toString()));
            ids.insert(c.value(QStringLiteral("id")).toString());
            containerIds.insert(c.value(QStringLiteral("id")).toString());
        }
        for (const QJsonValue& v : root.value(QStringLiteral("nodes")).toArray()) {
            const QJsonObject n = v.toObject();
            QCOMPARE(n.keys(), QStringList({ "container", "height", "id", "name", "type", "width", "x", "y" }));
            QVERIFY(n.value(QStringLiteral("container")).isNull() || containerIds.contains(n.value(QStringLiteral("container")).toString()));
            QVERIFY(!ids.contains(n.value(QStringLiteral("id")).toString()));
            ids.insert(n.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(root.value(QStringLiteral("nodes")).toArray().size(), workflow.states.size());
        const QStringList kinds { "next", "choice", "default", "catch" };
        for (const QJsonValue& v : root.value(QStringLiteral("edges")).toArray()) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.keys(), QStringList({ "from", "kind", "label", "points", "to" }));
            QVERIFY(ids.contains(e.value(QStringLiteral("from")).toString()));
            QVERIFY(ids.contains(e.value(QStringLiteral("to")).toString()));
            QVERIFY(kinds.contains(e.value(QStringLiteral("kind")).toString()));
            QVERIFY(e.value(QStringLiteral("points")).toArray().size() >= 4);
            QCOMPARE(e.value(QStringLiteral("points")).toArray().first().toArray().size(), 2);
        }
        // Edges into the Map attach to its group container.
        bool intoGroup = false;
        for (const QJsonValue& v : root.value(QStringLiteral("edges")).toArray())
            intoGroup = intoGroup || v.toObject().value(QStringLiteral("to")).toString() == QLatin1String("ProcessOrders#group");
        QVERIFY(intoGroup);
    }
};

QTEST_MAIN(TestGraphvizLayout)
#include "tst_graphvizlayout.moc"
