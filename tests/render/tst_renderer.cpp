#include "testsupport.h"

#include "definition/definition.h"
#include "layout/graphvizlayout.h"
#include "render/diagramexport.h"
#include "render/diagramrenderer.h"
#include "render/heatcolor.h"

#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Stepscope;

class TestRenderer : public QObject {
    Q_OBJECT

    struct Svg {
        bool wellFormed = false;
        QString error;
        QStringList texts; ///< character data of <text>
        QStringList titles; ///< character data of <title>
    };

    static Svg parse(const QByteArray& data)
    {
        Svg svg;
        QXmlStreamReader reader(data);
        QStringList elements;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement())
                elements << reader.name().toString();
            else if (reader.isEndElement() && !elements.isEmpty())
                elements.removeLast();
            else if (reader.isCharacters() && !reader.isWhitespace() && !elements.isEmpty()) {
                if (elements.last() == QLatin1String("title"))
                    svg.titles << reader.text().toString();
                else if (elements.last() == QLatin1String("text"))
                    svg.texts << reader.text().toString();
            }
        }
        svg.wellFormed = !reader.hasError();
        svg.error = reader.errorString();
        return svg;
    }

    static Workflow load(const QString& path)
    {
        const OpenedDefinition opened = openDefinition(path);
        return opened.workflow;
    }

    Workflow m_sample;
    Diagram m_diagram;

private Q_SLOTS:
    void initTestCase()
    {
        m_sample = load(Test::samplePath(QStringLiteral("order-processing.asl.json")));
        QVERIFY(!m_sample.states.isEmpty());
        GraphvizLayout engine;
        m_diagram = engine.layout(m_sample, {});
        QCOMPARE(m_diagram.engine, LayoutEngineKind::Graphviz);
    }

    void svgHasNamesAsTextAndTitles()
    {
        RenderOptions options;
        options.title = QStringLiteral("order-processing");
        const Svg svg = parse(renderSvg(m_diagram, options));
        QVERIFY2(svg.wellFormed, qPrintable(svg.error));
        for (const State& state : m_sample.states) {
            QVERIFY2(svg.texts.contains(state.name), qPrintable(state.name));
            QVERIFY2(svg.titles.contains(state.name), qPrintable(state.name));
        }
        QCOMPARE(svg.titles.first(), QStringLiteral("order-processing"));
        // Labels and badges are text, not paths.
        QVERIFY(svg.texts.contains(QStringLiteral("Default")));
        QVERIFY(svg.texts.contains(QStringLiteral("Item processor")));
    }

    // QSvgGenerator cannot write rounded rectangles: the export writes state and container boxes as <rect> elements
    // with rx / ry (not nine-curve paths), with the radii the other outputs paint.
    void svgBoxesAreRoundedRects()
    {
        const QByteArray data = renderSvg(m_diagram, RenderOptions {});
        QList<QPair<QRectF, qreal>> rects; // geometry and rx (-1: none)
        QXmlStreamReader reader(data);
        while (!reader.atEnd()) {
            if (reader.readNext() != QXmlStreamReader::StartElement || reader.name() != QLatin1String("rect"))
                continue;
            const QXmlStreamAttributes a = reader.attributes();
            const QRectF rect(a.value(QLatin1String("x")).toDouble(), a.value(QLatin1String("y")).toDouble(),
                a.value(QLatin1String("width")).toDouble(), a.value(QLatin1String("height")).toDouble());
            QCOMPARE(a.value(QLatin1String("rx")), a.value(QLatin1String("ry")));
            rects.append({ rect, a.hasAttribute(QLatin1String("rx")) ? a.value(QLatin1String("rx")).toDouble() : -1 });
        }
        QVERIFY(!reader.hasError());
        auto radiusOf = [&](const QRectF& box) {
            for (const auto& [rect, rx] : rects) {
                if (std::abs(rect.x() - box.x()) < 0.01 && std::abs(rect.y() - box.y()) < 0.01
                    && std::abs(rect.width() - box.width()) < 0.01 && std::abs(rect.height() - box.height()) < 0.01)
                    return rx;
            }
            return -2.0;
        };
        for (const DiagramNode& node : m_diagram.nodes) {
            if (node.ghostOf >= 0)
                continue;
            const bool terminal = node.type == StateType::Succeed || node.type == StateType::Fail;
            QCOMPARE(radiusOf(node.box), terminal ? std::round(node.box.height() / 2 * 1e3) / 1e3 : 5.0);
        }
        for (const DiagramContainer& container : m_diagram.containers)
            QCOMPARE(radiusOf(container.box), 6.0);
    }

    void hostileNamesStayText()
    {
        const Workflow workflow = load(Test::testDataPath(QStringLiteral("render/hostile.asl.json")));
        QVERIFY(workflow.states.size() >= 4);
        GraphvizLayout engine;
        const Diagram diagram = engine.layout(workflow, {});
        RenderOptions options;
        options.title = QStringLiteral("<title>&\"");
        const QByteArray data = renderSvg(diagram, options);
        const Svg svg = parse(data);
        QVERIFY2(svg.wellFormed, qPrintable(svg.error));
        QVERIFY(!data.contains("<script"));
        QVERIFY(svg.texts.contains(QStringLiteral("</text><script>alert(1)</script>")));
        QVERIFY(svg.titles.contains(QStringLiteral("a\"]; B-->C[\"x")));
        QCOMPARE(svg.titles.first(), options.title);
        // Control characters, which XML forbids, are replaced in text and titles.
        QVERIFY(svg.texts.contains(QStringLiteral("ctl\ufffd\ufffdname")));
        QVERIFY(svg.titles.contains(QStringLiteral("ctl\ufffd\ufffdname")));
    }

    void pngSizeAndBackground()
    {
        RenderOptions options;
        QImage image = renderImage(m_diagram, options);
        QCOMPARE(image.size(), QSize(int(std::ceil(m_diagram.size.width())), int(std::ceil(m_diagram.size.height()))));
        QCOMPARE(image.pixelColor(1, 1), QColor(Qt::white));
        options.scale = 2;
        image = renderImage(m_diagram, options);
        QCOMPARE(image.width(), int(std::ceil(m_diagram.size.width() * 2)));
        options.transparent = true;
        image = renderImage(m_diagram, options);
        QCOMPARE(image.pixelColor(1, 1).alpha(), 0);
        // Something is drawn: not every pixel is transparent.
        int opaque = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                opaque += image.pixelColor(x, y).alpha() > 0 ? 1 : 0;
        QVERIFY(opaque > 100);
    }

    // The desktop application asks for full hinting in its application font (prepareQuick); a diagram exported from
    // the window must still be drawn like the same export from the command line.
    void pngIgnoresTheApplicationFontHinting()
    {
        const QFont applicationFont = QGuiApplication::font();
        const auto restore = qScopeGuard([&] { QGuiApplication::setFont(applicationFont); });
        const QImage before = renderImage(m_diagram, {});
        QFont hinted = applicationFont;
        hinted.setHintingPreference(QFont::PreferFullHinting);
        QGuiApplication::setFont(hinted);
        const QImage after = renderImage(m_diagram, {});
        QCOMPARE(after.size(), before.size());
        QVERIFY(after == before);
    }

    void darkThemeDiffers()
    {
        RenderOptions light;
        RenderOptions dark;
        dark.theme = Theme::dark();
        const QImage a = renderImage(m_diagram, light);
        const QImage b = renderImage(m_diagram, dark);
        QCOMPARE(a.size(), b.size());
        QVERIFY(a != b);
        QCOMPARE(b.pixelColor(1, 1), Theme::dark().background);
        QVERIFY(renderSvg(m_diagram, dark).contains(Theme::dark().background.name().toLatin1()));
    }

    void pdfWritten_data()
    {
        QTest::addColumn<int>("page");
        QTest::addRow("fit") << int(PdfPage::Fit);
        QTest::addRow("a4") << int(PdfPage::A4);
        QTest::addRow("letter") << int(PdfPage::Letter);
    }
    void pdfWritten()
    {
        QFETCH(int, page);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.pdf"));
        RenderOptions options;
        options.page = PdfPage(page);
        QString error;
        QVERIFY2(writePdf(m_diagram, path, options, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        QVERIFY(data.startsWith("%PDF-"));
        QVERIFY(data.size() > 2000);
        const QByteArray box = page == int(PdfPage::A4) ? "595" : page == int(PdfPage::Letter) ? "612" : "";
        if (!box.isEmpty())
            QVERIFY(data.contains("/MediaBox [0 0 " + box) || data.contains("/MediaBox [0 0 842") || data.contains("/MediaBox [0 0 792"));
    }

    void overlayLegendAndIcons()
    {
        StatusOverlay overlay;
        overlay.byStateId.insert(QStringLiteral("ValidateOrder"), { RunStatus::Succeeded, {} });
        overlay.byStateId.insert(QStringLiteral("ProcessOrders/processor/ChargeCard"), { RunStatus::Failed, QStringLiteral("3/1000 failed") });
        RenderOptions plain;
        RenderOptions withOverlay;
        withOverlay.overlay = &overlay;
        const DiagramRenderer renderer(m_diagram, Theme::light(), &overlay);
        QVERIFY(renderer.canvasSize().width() > m_diagram.size.width());
        const QImage a = renderImage(m_diagram, plain);
        const QImage b = renderImage(m_diagram, withOverlay);
        QVERIFY(b.width() > a.width());
        const Svg svg = parse(renderSvg(m_diagram, withOverlay));
        QVERIFY(svg.wellFormed);
        for (const RunStatus status : { RunStatus::Succeeded, RunStatus::Failed, RunStatus::Caught, RunStatus::NotRun })
            QVERIFY2(svg.texts.contains(runStatusName(status)), qPrintable(runStatusName(status)));
        QVERIFY(svg.texts.contains(QStringLiteral("Task · 3/1000 failed")));
        // The failed state is painted in the failure colour.
        const QRectF box = m_diagram.nodes[m_diagram.nodeForState(m_sample.findStateById(QStringLiteral("ProcessOrders/processor/ChargeCard")))].box;
        const QColor icon = b.pixelColor(int(box.right() - 9), int(box.top() + 5)); // inside the icon's disc, off its mark
        QVERIFY2(icon.red() > 150 && icon.green() < 120, qPrintable(icon.name()));
        overlay.showLegend = false;
        QCOMPARE(DiagramRenderer(m_diagram, Theme::light(), &overlay).canvasSize(), m_diagram.size);
    }

    void heatFillAndLegend()
    {
        // Statistics in which ChargeCard failed in every execution and ValidateOrder in none.
        StateMachineStatistics statistics;
        statistics.stateMachine = QStringLiteral("order-processing");
        statistics.executions = 8;
        auto addState = [&](const QString& id, qint64 failed) {
            StateStatistics s;
            s.stateId = id;
            s.state = id.section(u'/', -1);
            s.executions = s.runs = 8;
            s.failedExecutions = s.failedRuns = failed;
            s.failureRate = double(failed) / 8.0;
            statistics.states.append(s);
        };
        addState(QStringLiteral("ProcessOrders/processor/ChargeCard"), 8);
        addState(QStringLiteral("ValidateOrder"), 0);
        StatusOverlay overlay;
        QCOMPARE(applyHeat(overlay, statistics, m_sample, HeatMeasure::FailureRate), 2);
        overlay.heatScale.title = QStringLiteral("Rate <b>&amp;"); // user text in the title stays text
        RenderOptions options;
        options.overlay = &overlay;
        const QImage image = renderImage(m_diagram, options);
        QVERIFY(image.width() > int(m_diagram.size.width()));
        auto corner = [&](const QString& id) {
            const QRectF box = m_diagram.nodes[m_diagram.nodeForState(m_sample.findStateById(id))].box;
            return image.pixelColor(int(box.right() - 7), int(box.bottom() - 5)); // inside, away from text and icons
        };
        const QColor hot = corner(QStringLiteral("ProcessOrders/processor/ChargeCard"));
        QVERIFY2(hot.red() > 130 && hot.green() < 40 && hot.blue() < 80, qPrintable(hot.name())); // dark red
        const QColor cold = corner(QStringLiteral("ValidateOrder"));
        QVERIFY2(cold.red() > 240 && cold.green() > 230 && cold.blue() > 180 && cold.blue() < 230, qPrintable(cold.name())); // light yellow
        const QColor none = corner(QStringLiteral("CheckInventory"));
        QCOMPARE(none, Theme::light().nodeFill); // not in the statistics: drawn as usual

        const QByteArray data = renderSvg(m_diagram, options);
        const Svg svg = parse(data);
        QVERIFY2(svg.wellFormed, qPrintable(svg.error));
        QVERIFY(!data.contains("<b>"));
        QVERIFY2(svg.texts.contains(overlay.heatScale.title), qPrintable(svg.texts.join(u'|')));
        for (const char* entry : { "0% failed", "25% failed", "50% failed", "75% failed", "100% failed" })
            QVERIFY2(svg.texts.contains(QLatin1String(entry)), entry);
        QCOMPARE(svg.texts.count(QStringLiteral("100% failed")), 2); // ChargeCard's value and the legend's top
        // Heat alone draws no status legend; statuses and heat together draw both.
        QVERIFY(!svg.texts.contains(runStatusName(RunStatus::Succeeded)));
        overlay.byStateId.insert(QStringLiteral("ValidateOrder"), { RunStatus::Succeeded, {} });
        const Svg both = parse(renderSvg(m_diagram, options));
        QVERIFY(both.texts.contains(runStatusName(RunStatus::Succeeded)));
        QVERIFY(both.texts.contains(QStringLiteral("100% failed")));
    }

    void exportCommandFormats_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QByteArray>("magic");
        QTest::addRow("svg") << "svg" << QByteArray("<?xml");
        QTest::addRow("png") << "png" << QByteArray("\x89PNG");
        QTest::addRow("pdf") << "pdf" << QByteArray("%PDF");
        QTest::addRow("dot") << "dot" << QByteArray("digraph");
        QTest::addRow("mmd") << "mmd" << QByteArray("flowchart");
        QTest::addRow("json") << "json" << QByteArray("{");
    }
    void exportCommandFormats()
    {
        QFETCH(QString, extension);
        QFETCH(QByteArray, magic);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.") + extension);
        const Test::ProcessResult result = Test::runStepscope({ QStringLiteral("export"),
            Test::samplePath(QStringLiteral("order-processing.asl.json")), QStringLiteral("-o"), out,
            QStringLiteral("--direction"), QStringLiteral("LR"), QStringLiteral("--theme"), QStringLiteral("dark"),
            QStringLiteral("--scale"), QStringLiteral("2") });
        QVERIFY(!result.crashed);
        QCOMPARE(result.exitCode, 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith(magic));
    }

    void exportCommandErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        const QString sample = Test::samplePath(QStringLiteral("order-processing.asl.json"));
        QTest::addRow("no output") << QStringList { "export", sample } << 2;
        QTest::addRow("unknown extension") << QStringList { "export", sample, "-o", "x.gif" } << 2;
        QTest::addRow("bad direction") << QStringList { "export", sample, "-o", "x.svg", "--direction", "UP" } << 2;
        QTest::addRow("bad theme") << QStringList { "export", sample, "-o", "x.svg", "--theme", "pink" } << 2;
        QTest::addRow("bad scale") << QStringList { "export", sample, "-o", "x.png", "--scale", "-1" } << 2;
        QTest::addRow("missing history") << QStringList { "export", sample, "-o", "x.svg", "--history", "/nonexistent/h.json" } << 1;
        QTest::addRow("history without file") << QStringList { "export", sample, "-o", "x.svg", "--history" } << 2;
        QTest::addRow("missing file") << QStringList { "export", "/nonexistent/file.json", "-o", "/tmp/x.svg" } << 1;
        QTest::addRow("unwritable") << QStringList { "export", sample, "-o", "/nonexistent/dir/x.svg" } << 1;
    }
    void exportCommandErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const Test::ProcessResult result = Test::runStepscope(arguments);
        QVERIFY(!result.crashed);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY(!result.err.isEmpty());
    }
};

QTEST_MAIN(TestRenderer)
#include "tst_renderer.moc"
