#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTest>

namespace Stepscope::Test {

/// The real-world corpus (STEPSCOPE_CORPUS), or an empty string when it is not there.
inline QString corpusDir()
{
    QString dir = qEnvironmentVariable("STEPSCOPE_CORPUS");
    if (dir.isEmpty())
        dir = QStringLiteral(STEPSCOPE_SOURCE_DIR "/../shared/corpus");
    return QDir(dir).exists() ? QDir(dir).absolutePath() : QString();
}

/// Skips the test when the corpus is absent locally; under CI (CI=true) its absence is a failure.
#define STEPSCOPE_REQUIRE_CORPUS(dirVar)                                                                              \
    const QString dirVar = Stepscope::Test::corpusDir();                                                              \
    if (dirVar.isEmpty()) {                                                                                           \
        if (qEnvironmentVariableIsSet("CI"))                                                                          \
            QFAIL("STEPSCOPE_CORPUS is not set or does not exist");                                                   \
        QSKIP("STEPSCOPE_CORPUS is not set");                                                                         \
    }

inline QString samplePath(const QString& name)
{
    return QStringLiteral(STEPSCOPE_SOURCE_DIR "/resources/samples/") + name;
}

inline QString testDataPath(const QString& name)
{
    return QStringLiteral(STEPSCOPE_TEST_DATA "/") + name;
}

/// Writes a test file whole, making its folder first; false when it could not.
inline bool writeFile(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

/// Result of running the stepscope executable.
struct ProcessResult {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

inline ProcessResult runStepscope(const QStringList& arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(QStringLiteral(STEPSCOPE_BINARY), arguments);
    ProcessResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
        return result;
    }
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace Stepscope::Test
