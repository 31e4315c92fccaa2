#include "definition/definition.h"
#include "definition/workflowbuilder.h"
#include "testsupport.h"

#include <QTest>

using namespace Stepscope;

class TestWorkflowBuilder : public QObject {
    Q_OBJECT

private:
    static Workflow build(const char* json, Diagnostics* diagnostics = nullptr)
    {
        SourceDocument doc;
        doc.root = Json::parse(json);
        Diagnostics local;
        Workflow workflow = buildWorkflow(doc, QStringLiteral("test"), diagnostics ? *diagnostics : local);
        return workflow;
    }

    static const Edge* findEdge(const Workflow& w, const QString& from, const QString& to)
    {
        for (const Edge& e : w.edges) {
            if (w.states[e.from].id == from && w.states[e.to].id == to)
                return &e;
        }
        return nullptr;
    }

private Q_SLOTS:
    void sampleOrderProcessing()
    {
        const OpenedDefinition opened = openDefinition(Test::samplePath(QStringLiteral("order-processing.asl.json")));
        QVERIFY2(!hasErrors(opened.diagnostics),
            qPrintable(opened.diagnostics.isEmpty() ? QString() : opened.diagnostics.first().message));
        const Workflow& w = opened.workflow;
        QCOMPARE(w.name, QStringLiteral("order-processing"));
        QCOMPARE(w.states.size(), 15);
        QCOMPARE(w.containers.size(), 3); // Map processor + two Parallel branches
        QCOMPARE(w.states[w.start].name, QStringLiteral("ValidateOrder"));
        QVERIFY(w.states[w.start].isStart);

        const StateIndex charge = w.findStateById(QStringLiteral("ProcessOrders/processor/ChargeCard"));
        QVERIFY(charge != NoIndex);
        QCOMPARE(w.states[charge].type, StateType::Task);
        QCOMPARE(w.states[charge].retries.size(), 1);
        QCOMPARE(w.states[charge].retries[0].maxAttempts, 2);
        QCOMPARE(w.states[charge].catches.size(), 1);
        QCOMPARE(w.states[charge].catches[0].errorEquals, QStringList { QStringLiteral("InsufficientFunds") });
        QVERIFY(w.states[charge].isEnd);
        QCOMPARE(w.containers[w.states[charge].container].kind, ContainerKind::MapProcessor);
        QVERIFY(w.containers[w.states[charge].container].details.contains(QStringLiteral("Mode: INLINE")));

        const Edge* caught = findEdge(w, QStringLiteral("ProcessOrders/processor/ChargeCard"),
            QStringLiteral("ProcessOrders/processor/ReleaseItem"));
        QVERIFY(caught);
        QCOMPARE(caught->kind, EdgeKind::Catch);
        QCOMPARE(caught->label, QStringLiteral("InsufficientFunds"));

        const Edge* review = findEdge(w, QStringLiteral("CheckInventory"), QStringLiteral("ManualReview"));
        QVERIFY(review);
        QCOMPARE(review->kind, EdgeKind::Choice);
        QCOMPARE(review->label, QStringLiteral("$.total > 10000 and $.customer.verified == false"));
        const Edge* def = findEdge(w, QStringLiteral("CheckInventory"), QStringLiteral("ProcessOrders"));
        QVERIFY(def);
        QCOMPARE(def->kind, EdgeKind::Default);

        const StateIndex email = w.findStateById(QStringLiteral("NotifyCustomer/0/SendConfirmationEmail"));
        QVERIFY(email != NoIndex);
        QCOMPARE(w.containers[w.states[email].container].label, QStringLiteral("Branch 1"));
        QVERIFY(w.states[email].pos.line > 0 || opened.loaded.definition->positions.size() == 0);
    }

    void choiceLabels_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("label");
        QTest::addRow("string equals") << R"({"Variable":"$.status","StringEquals":"FAILED"})"
                                       << R"($.status == "FAILED")";
        QTest::addRow("and") << R"({"And":[{"Variable":"$.total","NumericGreaterThan":100},{"Variable":"$.country","StringEquals":"DE"}]})"
                             << R"($.total > 100 and $.country == "DE")";
        QTest::addRow("or nested in and")
            << R"({"And":[{"Or":[{"Variable":"$.a","NumericEquals":1},{"Variable":"$.a","NumericEquals":2}]},{"Variable":"$.b","IsPresent":true}]})"
            << R"(($.a == 1 or $.a == 2) and $.b is present)";
        QTest::addRow("not") << R"({"Not":{"Variable":"$.type","StringEquals":"Private"}})"
                             << R"(not ($.type == "Private"))";
        QTest::addRow("path operand") << R"({"Variable":"$.a","NumericLessThanEqualsPath":"$.b"})"
                                      << R"($.a <= $.b)";
        QTest::addRow("is null false") << R"({"Variable":"$.a","IsNull":false})" << R"($.a is not null)";
        QTest::addRow("timestamp") << R"({"Variable":"$.t","TimestampGreaterThan":"2024-01-01T00:00:00Z"})"
                                   << R"($.t > "2024-01-01T00:00:00Z")";
        QTest::addRow("matches") << R"({"Variable":"$.f","StringMatches":"*.log"})" << R"($.f matches "*.log")";
        QTest::addRow("jsonata") << R"({"Condition":"{% $states.input.total > 100 %}"})"
                                 << R"($states.input.total > 100)";
    }

    void choiceLabels()
    {
        QFETCH(QString, rule);
        QFETCH(QString, label);
        QCOMPARE(choiceRuleLabel(Json::parse(rule.toStdString())), label);
    }

    void unknownTargetsAreReportedNotDrawn()
    {
        Diagnostics diagnostics;
        const Workflow w = build(R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}})", &diagnostics);
        QCOMPARE(w.states.size(), 1);
        QVERIFY(w.edges.isEmpty());
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics[0].pointer, QStringLiteral("/States/A/Next"));
    }

    void placeholdersAndUnknownTypesAreKept()
    {
        Diagnostics diagnostics;
        const Workflow w = build(R"({"StartAt":"A","States":{"A":{"Type":"${StateType}","Next":"B"},"B":{"Type":"Teleport","End":true}}})",
            &diagnostics);
        QCOMPARE(w.states.size(), 2);
        QCOMPARE(w.states[0].typeName, QStringLiteral("${StateType}"));
        QCOMPARE(w.states[0].type, StateType::Unknown);
        QCOMPARE(w.states[1].typeName, QStringLiteral("Teleport"));
        QCOMPARE(w.edges.size(), 1);
    }

    void statesAsArrayIsADiagnostic()
    {
        Diagnostics diagnostics;
        const Workflow w = build(R"({"StartAt":"A","States":[{"Type":"Pass"}]})", &diagnostics);
        QVERIFY(w.states.isEmpty());
        QVERIFY(hasErrors(diagnostics));
    }

    void deepNestingIsCut()
    {
        std::string json = R"({"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}})";
        for (int i = 0; i < 150; ++i)
            json = R"({"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[)" + json + "]}}}";
        Diagnostics diagnostics;
        const Workflow w = build(json.c_str(), &diagnostics);
        QVERIFY(w.states.size() > 50);
        QVERIFY(std::any_of(diagnostics.begin(), diagnostics.end(),
            [](const Diagnostic& d) { return d.message.contains(QLatin1String("nested more than")); }));
    }
};

QTEST_GUILESS_MAIN(TestWorkflowBuilder)
#include "tst_workflowbuilder.moc"
