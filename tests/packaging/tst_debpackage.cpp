#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Runs the real cpack on the build tree, then reads the package back with dpkg-deb.
class TestDebPackage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void containsInstalledFiles_data();
    void containsInstalledFiles();
    void declaresRuntimeDependencies_data();
    void declaresRuntimeDependencies();
    void desktopEntryNamesMimeTypes();
    void installedCommandsFindTheirModules();

private:
    static QByteArray run(const QString& program, const QStringList& arguments, const QString& dir = {});
    QTemporaryDir m_dir;
    QString m_deb;
    QByteArray m_info;
    QByteArray m_contents;
};

QByteArray TestDebPackage::run(const QString& program, const QStringList& arguments, const QString& dir)
{
    QProcess process;
    if (!dir.isEmpty())
        process.setWorkingDirectory(dir);
    process.start(program, arguments);
    if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << program << arguments.join(u' ') << "failed:" << process.readAllStandardError()
                             << process.readAllStandardOutput();
        return {};
    }
    return process.readAllStandardOutput();
}

void TestDebPackage::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty())
        QSKIP("dpkg-deb is not installed");
    QVERIFY(m_dir.isValid());
    const QByteArray out = run(QStringLiteral("cpack"),
        { QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
            QStringLiteral(STEPSCOPE_BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), m_dir.path() },
        m_dir.path());
    QVERIFY2(!out.isEmpty(), "cpack failed");
    const QStringList debs = QDir(m_dir.path()).entryList({ QStringLiteral("stepscope_*.deb") }, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = m_dir.filePath(debs.first());
    QVERIFY(m_deb.endsWith(QStringLiteral("_amd64.deb")) || m_deb.endsWith(QStringLiteral(".deb")));
    m_info = run(QStringLiteral("dpkg-deb"), { QStringLiteral("-I"), m_deb });
    m_contents = run(QStringLiteral("dpkg-deb"), { QStringLiteral("-c"), m_deb });
    QVERIFY(!m_info.isEmpty());
    QVERIFY(!m_contents.isEmpty());
}

void TestDebPackage::containsInstalledFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("binary") << "./usr/bin/stepscope";
    QTest::addRow("export module") << "./usr/lib/stepscope/stepscope-export.so";
    if (STEPSCOPE_GUI_BUILT)
        QTest::addRow("desktop module") << "./usr/lib/stepscope/stepscope-desktop.so";
    QTest::addRow("desktop entry") << "./usr/share/applications/stepscope.desktop";
    QTest::addRow("icon") << "./usr/share/icons/hicolor/scalable/apps/stepscope.svg";
    QTest::addRow("mime types") << "./usr/share/mime/packages/stepscope.xml";
    QTest::addRow("appstream") << "./usr/share/metainfo/io.github.stepscope.Stepscope.metainfo.xml";
}

// The executable loads its drawing module from the installed module folder (app/modules.h): run the unpacked
// package's binary, so that a wrong install path fails here rather than on a user's machine.
void TestDebPackage::installedCommandsFindTheirModules()
{
    const QString root = m_dir.filePath(QStringLiteral("unpacked"));
    QVERIFY(QDir().mkpath(root));
    run(QStringLiteral("dpkg-deb"), { QStringLiteral("-x"), m_deb, root });
    const QString binary = root + QStringLiteral("/usr/bin/stepscope");
    QVERIFY2(QFileInfo::exists(binary), m_contents.constData());
    const QString sample = QStringLiteral(STEPSCOPE_SOURCE_DIR "/resources/samples/order-processing.asl.json");
    const QString svg = m_dir.filePath(QStringLiteral("installed.svg"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary, { QStringLiteral("export"), sample, QStringLiteral("-o"), svg });
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAll().constData());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("ChargeCard"));
}

void TestDebPackage::containsInstalledFiles()
{
    QFETCH(QString, path);
    QVERIFY2(m_contents.contains(path.toUtf8()), m_contents.constData());
}

void TestDebPackage::declaresRuntimeDependencies_data()
{
    QTest::addColumn<QString>("package");
    QTest::addRow("Qt core") << "libqt6core6";
    QTest::addRow("Qt SVG") << "libqt6svg6";
    QTest::addRow("Graphviz") << "libgvc6";
    QTest::addRow("fontconfig") << "libfontconfig1";
    QTest::addRow("yaml-cpp") << "libyaml-cpp0.7";
    QTest::addRow("simdjson") << "libsimdjson14";
    QTest::addRow("SQLite") << "libsqlite3-0";
    if (STEPSCOPE_GUI_BUILT) {
        // QML modules are separate Debian packages: without them the window fails with "module not installed".
        for (const char* qml : { "qml6-module-qtquick", "qml6-module-qtquick-window", "qml6-module-qtquick-controls",
                 "qml6-module-qtquick-templates", "qml6-module-qtquick-layouts", "qml6-module-qtquick-dialogs",
                 "qml6-module-qtqml-workerscript", "libqt6quick6" })
            QTest::addRow("%s", qml) << qml;
    }
}

void TestDebPackage::declaresRuntimeDependencies()
{
    QFETCH(QString, package);
    QByteArray depends;
    for (const QByteArray& line : m_info.split('\n')) {
        if (line.trimmed().startsWith("Depends:"))
            depends = line;
    }
    QVERIFY2(!depends.isEmpty(), m_info.constData());
    const QList<QByteArray> names = depends.mid(depends.indexOf(':') + 1).split(',');
    bool found = false;
    for (const QByteArray& entry : names)
        found = found || entry.trimmed().split(' ').first() == package.toUtf8();
    QVERIFY2(found, depends.constData());
    // Every named package must exist in this Debian (the test machine is the target).
    const QByteArray policy = run(QStringLiteral("dpkg-query"), { QStringLiteral("-W"), package });
    QVERIFY2(!policy.isEmpty(), qPrintable(package + QStringLiteral(" is not a known installed package")));
}

void TestDebPackage::desktopEntryNamesMimeTypes()
{
    QFile desktop(QStringLiteral(STEPSCOPE_SOURCE_DIR "/packaging/stepscope.desktop"));
    QVERIFY(desktop.open(QIODevice::ReadOnly));
    const QByteArray text = desktop.readAll();
    QVERIFY(text.contains("Exec=stepscope %f"));
    QVERIFY(text.contains("application/x-amazon-states-language+json"));
    QFile mime(QStringLiteral(STEPSCOPE_SOURCE_DIR "/packaging/stepscope-mime.xml"));
    QVERIFY(mime.open(QIODevice::ReadOnly));
    const QByteArray mimeText = mime.readAll();
    QVERIFY(mimeText.contains("*.asl.json"));
    QVERIFY(mimeText.contains("*.asl.yaml"));
}

QTEST_GUILESS_MAIN(TestDebPackage)
#include "tst_debpackage.moc"
