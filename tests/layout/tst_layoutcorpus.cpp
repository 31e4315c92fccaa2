#include "diagramchecks.h"
#include "testsupport.h"

#include "definition/definition.h"
#include "layout/graphvizlayout.h"
#include "layout/layoutjson.h"
#include "render/diagramexport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Stepscope;

// Every corpus definition that opens without errors must lay out soundly and export to layout JSON, SVG and PNG.
// Count-driven: whatever the loaders accept is checked; the test fails only if nothing loads or a check fails.
class TestLayoutCorpus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyValidDefinition()
    {
        STEPSCOPE_REQUIRE_CORPUS(corpus);
        QDirIterator it(corpus + QStringLiteral("/definitions"), QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        int checked = 0;
        int largest = 0;
        QString largestFile;
        QStringList failures;
        for (const QString& file : files) {
            const OpenedDefinition opened = openDefinition(file);
            if (!opened.hasWorkflow() || hasErrors(opened.diagnostics))
                continue;
            ++checked;
            const Workflow& workflow = opened.workflow;
            const QString relative = QDir(corpus).relativeFilePath(file);
            GraphvizLayout engine;
            const Diagram diagram = engine.layout(workflow, {});
            if (diagram.engine != LayoutEngineKind::Graphviz)
                failures << relative + QStringLiteral(": Graphviz failed: ") + diagram.diagnostics.value(0).message;
            for (const QString& problem : Test::diagramProblems(workflow, diagram))
                failures << relative + QStringLiteral(": ") + problem;

            // Layout JSON: parses, one node per state.
            const QJsonObject json = QJsonDocument::fromJson(layoutJson(diagram)).object();
            if (json.value(QStringLiteral("nodes")).toArray().size() < workflow.states.size())
                failures << relative + QStringLiteral(": layout JSON misses states");

            // SVG: well-formed XML holding every state name as text (drawn, or its <title> when elided).
            const QByteArray svg = renderSvg(diagram, {});
            QXmlStreamReader reader(svg);
            QSet<QString> texts;
            while (!reader.atEnd()) {
                reader.readNext();
                if (reader.isCharacters())
                    texts.insert(reader.text().toString());
            }
            if (reader.hasError())
                failures << relative + QStringLiteral(": SVG does not parse: ") + reader.errorString();
            for (const State& state : workflow.states) {
                if (!texts.contains(state.name))
                    failures << relative + QStringLiteral(": SVG lacks the name ") + state.name;
            }

            // PNG: the canvas size.
            RenderOptions options;
            const QImage image = renderImage(diagram, options);
            if (image.isNull() || image.width() < diagram.size.width() - 1 || image.height() < diagram.size.height() - 1)
                failures << relative + QStringLiteral(": PNG has the wrong size");

            if (workflow.states.size() > largest) {
                largest = int(workflow.states.size());
                largestFile = file;
            }
        }
        qInfo("checked %d corpus definitions (of %lld files); largest %d states: %s", checked,
            qlonglong(files.size()), largest, qPrintable(QDir(corpus).relativeFilePath(largestFile)));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 30).join(u'\n')));
        QVERIFY(checked > 0);

        // The largest corpus definition: layout + SVG well under 100 ms (median of 5).
        const Workflow workflow = openDefinition(largestFile).workflow;
        QList<qint64> times;
        for (int round = 0; round < 5; ++round) {
            QElapsedTimer timer;
            timer.start();
            GraphvizLayout engine;
            const QByteArray svg = renderSvg(engine.layout(workflow, {}), {});
            QVERIFY(!svg.isEmpty());
            times << timer.elapsed();
        }
        std::sort(times.begin(), times.end());
        qInfo("largest corpus definition: layout + SVG median %lld ms", times[2]);
#if !defined(__SANITIZE_ADDRESS__) // sanitizers make everything several times slower
        QVERIFY2(times[2] < 100, qPrintable(QString::number(times[2])));
#endif
    }
};

QTEST_MAIN(TestLayoutCorpus)
#include "tst_layoutcorpus.moc"
