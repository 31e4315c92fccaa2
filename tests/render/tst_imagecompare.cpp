#include "testsupport.h"

#include "definition/definition.h"
#include "layout/graphvizlayout.h"
#include "render/diagramexport.h"

#include <QtTest>

using namespace Stepscope;

// Rendered PNGs of our own samples against reference images in tests/data/render/, with a tolerance for
// anti-aliasing and font-hinting differences.
//
// To regenerate the references after an intended change to layout or drawing, run
//     STEPSCOPE_UPDATE_REFERENCES=1 QT_QPA_PLATFORM=offscreen ./build/tests/render/tst_imagecompare
// then look at the new images before committing them.
class TestImageCompare : public QObject {
    Q_OBJECT

    static constexpr int ChannelTolerance = 40; ///< per colour channel, 0-255
    static constexpr double MaxDifferingFraction = 0.01; ///< of all pixels

private Q_SLOTS:
    void compare_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("theme");
        QTest::addColumn<int>("direction");
        QTest::addRow("order-processing") << Test::samplePath(QStringLiteral("order-processing.asl.json"))
                                          << "order-processing-light.png" << "light" << int(Direction::TopToBottom);
        QTest::addRow("order-processing dark LR") << Test::samplePath(QStringLiteral("order-processing.asl.json"))
                                                  << "order-processing-dark-lr.png" << "dark" << int(Direction::LeftToRight);
        QTest::addRow("retry-catch") << Test::testDataPath(QStringLiteral("render/retry-catch.asl.json"))
                                     << "retry-catch-light.png" << "light" << int(Direction::TopToBottom);
        QTest::addRow("nested") << Test::testDataPath(QStringLiteral("render/nested.asl.json")) << "nested-light.png"
                                << "light" << int(Direction::TopToBottom);
    }
    void compare()
    {
        QFETCH(QString, definition);
        QFETCH(QString, reference);
        QFETCH(QString, theme);
        QFETCH(int, direction);
        const OpenedDefinition opened = openDefinition(definition);
        QVERIFY(opened.hasWorkflow());
        LayoutOptions layoutOptions;
        layoutOptions.direction = Direction(direction);
        GraphvizLayout engine;
        const Diagram diagram = engine.layout(opened.workflow, layoutOptions);
        QCOMPARE(diagram.engine, LayoutEngineKind::Graphviz);
        RenderOptions options;
        options.theme = Theme::byName(theme);
        const QImage actual = renderImage(diagram, options).convertToFormat(QImage::Format_ARGB32);

        const QString referencePath = Test::testDataPath(QStringLiteral("render/") + reference);
        if (qEnvironmentVariableIsSet("STEPSCOPE_UPDATE_REFERENCES")) {
            QVERIFY(actual.save(referencePath, "PNG"));
            QSKIP("reference written");
        }
        QImage expected(referencePath);
        QVERIFY2(!expected.isNull(), qPrintable(referencePath));
        expected = expected.convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(actual.size(), expected.size());
        qint64 differing = 0;
        for (int y = 0; y < actual.height(); ++y) {
            const QRgb* a = reinterpret_cast<const QRgb*>(actual.constScanLine(y));
            const QRgb* b = reinterpret_cast<const QRgb*>(expected.constScanLine(y));
            for (int x = 0; x < actual.width(); ++x) {
                if (std::abs(qRed(a[x]) - qRed(b[x])) > ChannelTolerance || std::abs(qGreen(a[x]) - qGreen(b[x])) > ChannelTolerance
                    || std::abs(qBlue(a[x]) - qBlue(b[x])) > ChannelTolerance || std::abs(qAlpha(a[x]) - qAlpha(b[x])) > ChannelTolerance)
                    ++differing;
            }
        }
        const double fraction = double(differing) / (double(actual.width()) * actual.height());
        if (fraction > MaxDifferingFraction) {
            const QString actualPath = QDir::temp().filePath(QStringLiteral("actual-") + reference);
            actual.save(actualPath, "PNG");
            QFAIL(qPrintable(QStringLiteral("%1% of pixels differ (limit %2%); actual image: %3")
                                 .arg(fraction * 100, 0, 'f', 2).arg(MaxDifferingFraction * 100).arg(actualPath)));
        }
    }

    void detectsADifference()
    {
        // The comparison is not vacuous: a different theme is far past the tolerance.
        const OpenedDefinition opened = openDefinition(Test::samplePath(QStringLiteral("order-processing.asl.json")));
        GraphvizLayout engine;
        const Diagram diagram = engine.layout(opened.workflow, {});
        RenderOptions dark;
        dark.theme = Theme::dark();
        const QImage actual = renderImage(diagram, dark).convertToFormat(QImage::Format_ARGB32);
        const QImage expected = QImage(Test::testDataPath(QStringLiteral("render/order-processing-light.png"))).convertToFormat(QImage::Format_ARGB32);
        if (expected.isNull())
            QSKIP("no reference yet");
        QCOMPARE(actual.size(), expected.size());
        qint64 differing = 0;
        for (int y = 0; y < actual.height(); ++y)
            for (int x = 0; x < actual.width(); ++x)
                differing += std::abs(qRed(actual.pixel(x, y)) - qRed(expected.pixel(x, y))) > ChannelTolerance ? 1 : 0;
        QVERIFY(double(differing) / (actual.width() * actual.height()) > MaxDifferingFraction);
    }
};

QTEST_MAIN(TestImageCompare)
#include "tst_imagecompare.moc"
