// The executable keeps the graphics stack out of commands that only read files (app/modules.h): it must not link
// QtGui, must run those commands alone, and must say clearly when a module it needs is missing.
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope::Test;

class TestModules : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_lonelyBinary; ///< a copy of the executable in a folder without its modules

    static ProcessResult run(const QString& program, const QStringList& arguments)
    {
        QProcess process;
        process.start(program, arguments);
        ProcessResult result;
        result.crashed = !process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit;
        result.exitCode = process.exitCode();
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_lonelyBinary = m_dir.filePath(QStringLiteral("stepscope"));
        QVERIFY(QFile::copy(QStringLiteral(STEPSCOPE_BINARY), m_lonelyBinary));
    }

    void executableDoesNotLinkTheGraphicsStack()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("readelf")).isEmpty())
            QSKIP("readelf is not installed");
        const ProcessResult elf = run(QStringLiteral("readelf"), { QStringLiteral("-d"), QStringLiteral(STEPSCOPE_BINARY) });
        QCOMPARE(elf.exitCode, 0);
        QVERIFY2(elf.out.contains("libQt6Core.so"), elf.out.constData());
        for (const char* library : { "libQt6Gui.so", "libQt6Svg.so", "libQt6Quick.so", "libQt6Qml.so", "libgvc.so" })
            QVERIFY2(!elf.out.contains(library), library);
    }

    // An empty element in a RUNPATH or RPATH means the current folder: a library planted in whatever folder the user
    // starts Stepscope from would be loaded in place of Qt's. (Qt's default install RPATH had CMake pad the build
    // tree's with empty elements.)
    void librariesAreNotLookedForInTheCurrentFolder_data()
    {
        QTest::addColumn<QString>("file");
        const QString folder = QFileInfo(QStringLiteral(STEPSCOPE_BINARY)).absolutePath();
        QTest::newRow("stepscope") << QStringLiteral(STEPSCOPE_BINARY);
        for (const char* module : { "stepscope-export.so", "stepscope-desktop.so" }) {
            if (QFile::exists(folder + u'/' + QLatin1String(module)))
                QTest::newRow(module) << folder + u'/' + QLatin1String(module);
        }
    }

    void librariesAreNotLookedForInTheCurrentFolder()
    {
        QFETCH(QString, file);
        if (QStandardPaths::findExecutable(QStringLiteral("readelf")).isEmpty())
            QSKIP("readelf is not installed");
        const ProcessResult elf = run(QStringLiteral("readelf"), { QStringLiteral("-d"), file });
        QCOMPARE(elf.exitCode, 0);
        static const QRegularExpression searchPath(QStringLiteral("\\((?:RUNPATH|RPATH)\\)[^\\[]*\\[([^\\]]*)\\]"));
        for (auto it = searchPath.globalMatch(QString::fromUtf8(elf.out)); it.hasNext();) {
            const QString path = it.next().captured(1);
            for (const QString& element : path.split(u':'))
                QVERIFY2(!element.isEmpty() && element != QLatin1String("."), qPrintable(file + QStringLiteral(": ") + path));
        }
    }

    void readingCommandsRunWithoutModules()
    {
        const ProcessResult result = run(m_lonelyBinary, { QStringLiteral("validate"), samplePath(QStringLiteral("order-processing.asl.json")) });
        QVERIFY(!result.crashed);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const ProcessResult inspect = run(m_lonelyBinary,
            { QStringLiteral("inspect"), samplePath(QStringLiteral("order-processing-failed.history.json")) });
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        QVERIFY(inspect.out.contains("PaymentDeclined"));
    }

    void missingModuleIsReported()
    {
        const QString svg = m_dir.filePath(QStringLiteral("out.svg"));
        const ProcessResult result = run(m_lonelyBinary,
            { QStringLiteral("export"), samplePath(QStringLiteral("order-processing.asl.json")), QStringLiteral("-o"), svg });
        QVERIFY(!result.crashed);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("cannot load the diagram export module: stepscope-export.so is not in"),
            result.err.constData());
        QVERIFY(!QFile::exists(svg));
    }

    void moduleCommandsRunFromTheBuildTree()
    {
        const QString svg = m_dir.filePath(QStringLiteral("tree.svg"));
        const ProcessResult result = runStepscope(
            { QStringLiteral("export"), samplePath(QStringLiteral("order-processing.asl.json")), QStringLiteral("-o"), svg });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<title>ChargeCard</title>"));
    }
};

QTEST_GUILESS_MAIN(TestModules)
#include "tst_modules.moc"
