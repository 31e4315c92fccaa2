#include "definition/definition.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Stepscope;

// Opens every definition and template of the real-world corpus in-process. Selection: files named like JSON, JSON5
// or YAML (or *.asl*), kept as definitions when their content mentions StartAt or a state machine resource type;
// the rest (inputs, package files, templates of other things) is opened too and must get a clear diagnostic.
class TestDefinitionCorpus : public QObject {
    Q_OBJECT

private:
    static bool namedLikeADocument(const QString& name)
    {
        static const QStringList suffixes { QStringLiteral(".json"), QStringLiteral(".json5"), QStringLiteral(".yaml"),
            QStringLiteral(".yml") };
        for (const QString& suffix : suffixes) {
            if (name.endsWith(suffix, Qt::CaseInsensitive))
                return true;
        }
        return name.contains(QLatin1String(".asl"), Qt::CaseInsensitive);
    }

    static bool looksLikeADefinition(const QByteArray& content)
    {
        return content.contains("StartAt") || content.contains("AWS::StepFunctions::StateMachine")
            || content.contains("AWS::Serverless::StateMachine");
    }

    static QString firstProblem(const OpenedDefinition& opened)
    {
        for (const Diagnostic& d : opened.diagnostics) {
            if (d.isError())
                return formatDiagnostic(d, opened.loaded.file);
        }
        return opened.diagnostics.isEmpty() ? QStringLiteral("no workflow") : formatDiagnostic(opened.diagnostics.first(), opened.loaded.file);
    }

private Q_SLOTS:
    void openEveryDefinition()
    {
        STEPSCOPE_REQUIRE_CORPUS(corpus);
        const QString root = corpus + QStringLiteral("/definitions");
        int definitions = 0, loaded = 0, withErrors = 0, others = 0;
        QElapsedTimer timer;
        timer.start();
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files.append(it.next());
        files.sort();
        for (const QString& path : files) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            const QString relative = QDir(root).relativeFilePath(path);
            QElapsedTimer one;
            one.start();
            const OpenedDefinition opened = openDefinition(path); // must not crash, whatever the file
            QVERIFY2(one.elapsed() < 10000, qPrintable(relative + QStringLiteral(" took too long")));
            QVERIFY2(opened.hasWorkflow() || hasErrors(opened.diagnostics),
                qPrintable(relative + QStringLiteral(": neither a workflow nor an error")));
            if (!namedLikeADocument(path) || !looksLikeADefinition(content)) {
                ++others;
                continue;
            }
            ++definitions;
            if (opened.hasWorkflow())
                ++loaded;
            if (hasErrors(opened.diagnostics)) {
                ++withErrors;
                qInfo().noquote() << "with errors:" << relative << "--" << firstProblem(opened);
            }
        }
        qInfo().noquote() << QStringLiteral("%1 definitions and templates: %2 loaded as workflows, %3 with errors; "
                                            "%4 other files; %5 ms")
                                 .arg(definitions)
                                 .arg(loaded)
                                 .arg(withErrors)
                                 .arg(others)
                                 .arg(timer.elapsed());
        // Measured on the corpus as shipped: 625 definitions and templates, 609 drawn as workflows (the rest: 8 LocalStack
        // TestState single states, S3 or missing DefinitionUri, invalid YAML or JSON as shipped). Must not regress.
        QVERIFY2(definitions >= MinDefinitions, qPrintable(QString::number(definitions)));
        QVERIFY2(loaded >= MinLoaded, qPrintable(QString::number(loaded)));
    }

    void invalidJsonAsShippedIsReportedWithItsPosition()
    {
        STEPSCOPE_REQUIRE_CORPUS(corpus);
        const QString path = corpus
            + QStringLiteral("/definitions/step-functions-workflows-collection/sfn-iot-data-analytics-dataset/"
                             "statemachine/statemachine.asl.json");
        const OpenedDefinition opened = openDefinition(path);
        QVERIFY(!opened.hasWorkflow());
        QCOMPARE(opened.diagnostics.size(), 1);
        const Diagnostic& d = opened.diagnostics.first();
        QCOMPARE(d.message, QStringLiteral("expected ',' or '}', found ':'"));
        QCOMPARE(d.pos, (SourcePos { 10, 33 })); // where Python's json module also stops
        QCOMPARE(d.file, path);
    }

    void terraformFilesGetAClearError()
    {
        STEPSCOPE_REQUIRE_CORPUS(corpus);
        QDirIterator it(corpus + QStringLiteral("/definitions"), { QStringLiteral("*.tf") }, QDir::Files,
            QDirIterator::Subdirectories);
        int count = 0;
        while (it.hasNext()) {
            const OpenedDefinition opened = openDefinition(it.next());
            QVERIFY(!opened.hasWorkflow());
            QCOMPARE(opened.diagnostics.size(), 1);
            QVERIFY2(opened.diagnostics.first().message.startsWith(QStringLiteral("this is a Terraform file")),
                qPrintable(it.filePath() + QStringLiteral(": ") + opened.diagnostics.first().message));
            ++count;
        }
        QVERIFY(count > 0);
    }

private:
    static constexpr int MinDefinitions = 625;
    static constexpr int MinLoaded = 609;
};

QTEST_GUILESS_MAIN(TestDefinitionCorpus)
#include "tst_definitioncorpus.moc"
