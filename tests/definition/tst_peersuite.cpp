// The peer validator's own test suite (asl-validator): every valid-* definition must open without an error, every
// invalid-* must be rejected with at least one error.
#include "definition/definition.h"
#include "testsupport.h"

#include <QDir>
#include <QTest>

using namespace Stepscope;

class TestPeerSuite : public QObject {
    Q_OBJECT

private:
    static QString firstError(const Diagnostics& diagnostics)
    {
        for (const Diagnostic& d : diagnostics) {
            if (d.isError())
                return d.pointer + QStringLiteral(": ") + d.message;
        }
        return {};
    }

private Q_SLOTS:
    void peerSuite()
    {
        STEPSCOPE_REQUIRE_CORPUS(corpus);
        const QDir dir(corpus + QStringLiteral("/validator/asl-validator/definitions"));
        const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 100, qPrintable(QStringLiteral("only %1 files in %2").arg(files.size()).arg(dir.path())));
        QStringList failures;
        int valid = 0;
        int invalid = 0;
        int validPassed = 0;
        int invalidPassed = 0;
        for (const QString& name : files) {
            const OpenedDefinition opened = openDefinition(dir.filePath(name));
            const QString error = firstError(opened.diagnostics);
            if (name.startsWith(QLatin1String("valid-"))) {
                ++valid;
                if (error.isEmpty())
                    ++validPassed;
                else
                    failures.append(QStringLiteral("%1: unexpected error %2").arg(name, error));
            } else if (name.startsWith(QLatin1String("invalid-"))) {
                ++invalid;
                if (!error.isEmpty())
                    ++invalidPassed;
                else
                    failures.append(QStringLiteral("%1: accepted, expected an error").arg(name));
            }
        }
        qInfo("valid accepted: %d/%d, invalid rejected: %d/%d", validPassed, valid, invalidPassed, invalid);
        QVERIFY2(failures.isEmpty(), qPrintable(QLatin1Char('\n') + failures.join(QLatin1Char('\n'))));
        QCOMPARE(validPassed, valid);
        QCOMPARE(invalidPassed, invalid);
    }
};

QTEST_GUILESS_MAIN(TestPeerSuite)
#include "tst_peersuite.moc"
