// The validator's checks, one small definition each: every row names the exact finding (severity, pointer, part of
// the message) so that a broken check fails here.
#include "definition/definition.h"
#include "definition/jsonatacheck.h"
#include "definition/jsonpathcheck.h"
#include "definition/validator.h"
#include "testsupport.h"
#include "validatorcases.h"

#include <QTest>

using namespace Stepscope;

namespace {

QString describe(const Diagnostics& diagnostics)
{
    QStringList lines;
    for (const Diagnostic& d : diagnostics)
        lines.append(QStringLiteral("  %1 [%2] %3").arg(severityName(d.severity), d.pointer, d.message));
    return lines.join(QLatin1Char('\n'));
}

Diagnostics validate(const QByteArray& json)
{
    SourceDocument doc;
    doc.root = Json::parse(json.constData());
    doc.file = QStringLiteral("inline.asl.json");
    return validateDefinition(doc);
}

} // namespace

class TestValidator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findings_data()
    {
        QTest::addColumn<QByteArray>("definition");
        QTest::addColumn<QString>("severity"); // "none": no finding at all
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("pointer");
        addFindingRows();
    }

    void findings()
    {
        QFETCH(QByteArray, definition);
        QFETCH(QString, severity);
        QFETCH(QString, message);
        QFETCH(QString, pointer);
        const Diagnostics diagnostics = validate(definition);
        if (severity == QLatin1String("none")) {
            QVERIFY2(diagnostics.isEmpty(), qPrintable(QLatin1Char('\n') + describe(diagnostics)));
            return;
        }
        const Severity expected = severity == QLatin1String("error") ? Severity::Error : Severity::Warning;
        const bool found = std::any_of(diagnostics.cbegin(), diagnostics.cend(), [&](const Diagnostic& d) {
            return d.severity == expected && d.pointer == pointer && d.message.contains(message);
        });
        QVERIFY2(found, qPrintable(QStringLiteral("expected %1 at \"%2\" containing \"%3\", got:\n%4")
                                       .arg(severity, pointer, message, describe(diagnostics))));
        if (expected == Severity::Warning)
            QVERIFY2(!hasErrors(diagnostics), qPrintable(describe(diagnostics)));
    }

    // The JSONata grammar: accepts what real definitions use, rejects what the service rejects.
    void jsonataExpressions_data()
    {
        QTest::addColumn<QByteArray>("expression");
        QTest::addColumn<bool>("valid");
        addJsonataRows();
    }

    void jsonataExpressions()
    {
        QFETCH(QByteArray, expression);
        QFETCH(bool, valid);
        const QString problem = Validation::jsonataSyntaxError(std::string_view(expression.constData(), expression.size()));
        QVERIFY2(problem.isEmpty() == valid, qPrintable(problem.isEmpty() ? QStringLiteral("accepted") : problem));
    }

    void paths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("reference");
        QTest::addColumn<bool>("valid");
        QTest::addRow("root") << QStringLiteral("$") << true << true;
        QTest::addRow("field") << QStringLiteral("$.a.b") << true << true;
        QTest::addRow("index and quoted") << QStringLiteral("$.a[0]['b c']") << true << true;
        QTest::addRow("reference with filter") << QStringLiteral("$.a[?(@.x)]") << true << false;
        QTest::addRow("reference wildcard") << QStringLiteral("$.a.*") << true << false;
        QTest::addRow("reference variable") << QStringLiteral("$var") << true << false;
        QTest::addRow("context") << QStringLiteral("$$.Execution.Id") << false << true;
        QTest::addRow("variable") << QStringLiteral("$var.field[0]") << false << true;
        QTest::addRow("descendants") << QStringLiteral("$..price") << false << true;
        QTest::addRow("slice") << QStringLiteral("$.list[1:]") << false << true;
        QTest::addRow("filter") << QStringLiteral("$.list[?(@.a == 'x]')].b") << false << true;
        QTest::addRow("script") << QStringLiteral("$[(@.length-1)].bar") << false << true;
        QTest::addRow("dot bracket") << QStringLiteral("$.[0]") << false << true;
        QTest::addRow("no dollar") << QStringLiteral("a.b") << false << false;
        QTest::addRow("trailing dot") << QStringLiteral("$.a.") << false << false;
        QTest::addRow("three dots") << QStringLiteral("$...a") << false << false;
        QTest::addRow("unclosed bracket") << QStringLiteral("$.a[0") << false << false;
        QTest::addRow("empty brackets") << QStringLiteral("$.a[]") << false << false;
    }

    void paths()
    {
        QFETCH(QString, path);
        QFETCH(bool, reference);
        QFETCH(bool, valid);
        const std::string text = path.toStdString();
        const QString problem = reference ? Validation::checkReferencePath(text) : Validation::checkPath(text);
        QVERIFY2(problem.isEmpty() == valid, qPrintable(problem.isEmpty() ? QStringLiteral("accepted") : problem));
    }

    // Through the loader: findings carry the line and column of the member they point at.
    void positions()
    {
        const QByteArray json = "{\n"
                                "  \"StartAt\": \"A\",\n"
                                "  \"States\": {\n"
                                "    \"A\": {\n"
                                "      \"Type\": \"Pass\",\n"
                                "      \"Next\": \"Missing\"\n"
                                "    }\n"
                                "  }\n"
                                "}\n";
        const OpenedDefinition opened = openDefinitionData(json, QStringLiteral("positions.asl.json"));
        const auto it = std::find_if(opened.diagnostics.cbegin(), opened.diagnostics.cend(),
            [](const Diagnostic& d) { return d.pointer == QLatin1String("/States/A/Next"); });
        QVERIFY2(it != opened.diagnostics.cend(), qPrintable(describe(opened.diagnostics)));
        QVERIFY(it->isError());
        QVERIFY(it->message.contains(QLatin1String("\"Missing\"")));
        QCOMPARE(it->pos.line, 6);
        QCOMPARE(it->pos.column, 7);
        QCOMPARE(it->file, QStringLiteral("positions.asl.json"));
    }

    // Each diagnostic once: the builder's findings about the same place are not repeated.
    void noDuplicateFindings()
    {
        const OpenedDefinition opened = openDefinitionData(unknownStartAt(), QStringLiteral("x.json"));
        int startAt = 0;
        for (const Diagnostic& d : opened.diagnostics)
            startAt += d.pointer == QLatin1String("/StartAt") ? 1 : 0;
        QCOMPARE(startAt, 1);
    }

    // Bad input never throws or crashes: deep nesting, odd types everywhere.
    void hostileInput_data()
    {
        QTest::addColumn<QByteArray>("definition");
        addHostileRows();
    }

    void hostileInput()
    {
        QFETCH(QByteArray, definition);
        Diagnostics diagnostics;
        try {
            diagnostics = validate(definition);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        QVERIFY(hasErrors(diagnostics));
        for (const Diagnostic& d : diagnostics)
            QVERIFY(!d.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
