#include "definition/definition.h"
#include "guitestsupport.h"
#include "layout/simplelayout.h"
#include "render/diagramexport.h"
#include "render/statuspalette.h"
#include "testsupport.h"

#include <QStandardPaths>
#include <QTest>

using namespace Stepscope;
using namespace Stepscope::Test;

// One status palette: the canvas, its legend, the exports and their legend draw each status in the same colour.
class TestStatusColours : public QObject {
    Q_OBJECT

    // Eight Pass states, one per status, painted with that status.
    static QImage exportWithEveryStatus(const Theme& theme)
    {
        QByteArray definition = R"({"StartAt":"S0","States":{)";
        const int count = int(std::size(AllRunStatuses));
        for (int i = 0; i < count; ++i) {
            definition += QStringLiteral(R"("S%1":{"Type":"Pass",%2})")
                              .arg(i)
                              .arg(i + 1 < count ? QStringLiteral(R"("Next":"S%1")").arg(i + 1) : QStringLiteral(R"("End":true)"))
                              .toUtf8();
            definition += i + 1 < count ? "," : "";
        }
        definition += "}}";
        const OpenedDefinition opened = openDefinitionData(definition, QStringLiteral("statuses.asl.json"));
        if (!opened.hasWorkflow())
            return {};
        StatusOverlay overlay;
        for (int i = 0; i < count; ++i)
            overlay.byStateId.insert(QStringLiteral("S%1").arg(i), { AllRunStatuses[i], QString() });
        RenderOptions options;
        options.theme = theme;
        options.overlay = &overlay;
        options.scale = 2;
        return renderImage(SimpleLayout().layout(opened.workflow, {}), options);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void exportsUseThePalette_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addRow("light") << false;
        QTest::addRow("dark") << true;
    }

    void exportsUseThePalette()
    {
        QFETCH(bool, dark);
        const QImage image = exportWithEveryStatus(dark ? Theme::dark() : Theme::light());
        QVERIFY(!image.isNull());
        for (RunStatus status : AllRunStatuses) {
            // The status icon on the state and the legend's icon are filled (or, for not run, ringed) with it.
            QVERIFY2(countColor(image, statusColor(status, dark), 2) >= 12,
                qPrintable(runStatusKey(status) + QStringLiteral(" ") + statusColor(status, dark).name()));
        }
    }

    void canvasAndLegendUseThePalette()
    {
        auto main = openMainWindow(
            { { QStringLiteral("initialFile"), samplePath(QStringLiteral("order-processing.asl.json")) },
                { QStringLiteral("initialHistory"), samplePath(QStringLiteral("order-processing-failed.history.json")) } });
        QVERIFY(main && QTest::qWaitForWindowExposed(main->window));
        QObject* c = main->controller();
        QVERIFY(QTest::qWaitFor([c] { return c->property("hasDocument").toBool() && !c->property("busy").toBool(); }));
        QQuickItem* layer = main->item("nodeLayer");
        QVERIFY(layer);
        const QVariantMap borders = layer->property("statusColors").toMap();
        const bool dark = main->window->color().lightnessF() < 0.5;
        for (RunStatus status : AllRunStatuses)
            QCOMPARE(borders.value(runStatusKey(status)).value<QColor>(), statusColor(status, dark));

        // The legend's symbols, one per status, in the palette's colours.
        QQuickItem* legend = main->item("legend");
        QVERIFY(legend && legend->isVisible());
        QList<QColor> symbols;
        std::function<void(QQuickItem*)> collect = [&](QQuickItem* item) {
            for (QQuickItem* child : item->childItems()) {
                if (child->inherits("QQuickText") && child->property("font").value<QFont>().bold())
                    symbols.append(child->property("color").value<QColor>());
                collect(child);
            }
        };
        collect(legend);
        QCOMPARE(symbols.size(), int(std::size(AllRunStatuses)));
        for (RunStatus status : AllRunStatuses)
            QVERIFY2(symbols.contains(statusColor(status, dark)), qPrintable(runStatusKey(status)));

        // And on screen: the failed state's border and the succeeded states' borders, drawn in those colours.
        QVERIFY(waitForFrame(main->window));
        const QImage image = main->window->grabWindow();
        QVERIFY(countColor(image, statusColor(RunStatus::Failed, dark), 2) > 50);
        QVERIFY(countColor(image, statusColor(RunStatus::Succeeded, dark), 2) > 50);
    }
};

QTEST_MAIN(TestStatusColours)
#include "tst_statuscolours.moc"
