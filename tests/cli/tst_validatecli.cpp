#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Stepscope;

/// `stepscope validate`, `--help` and `--version` as a user runs them.
class TestValidateCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }

private Q_SLOTS:
    void validFileExitsZero()
    {
        const auto result = Test::runStepscope({ QStringLiteral("validate"), Test::samplePath(QStringLiteral("order-processing.asl.json")) });
        QVERIFY(!result.crashed);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(!result.out.contains(": error: "), result.out.constData());
    }

    void anyInvalidFileExitsOne()
    {
        const QString good = Test::samplePath(QStringLiteral("order-processing.asl.json"));
        const QString bad = write(QStringLiteral("bad.asl.json"), R"({"StartAt":"Nope","States":{"A":{"Type":"Succeed"}}})");
        const auto result = Test::runStepscope({ QStringLiteral("validate"), good, bad });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains(bad.toUtf8() + ":"), result.out.constData());
        QVERIFY(result.out.contains(": error: "));
        QVERIFY(result.out.contains("Nope"));
        QVERIFY(!result.out.contains(good.toUtf8()));
    }

    void missingFileExitsOne()
    {
        const auto result = Test::runStepscope({ QStringLiteral("validate"), m_dir.filePath(QStringLiteral("absent.json")) });
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains("absent.json"));
        QVERIFY(result.out.contains(": error: "));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("no file") << QStringList { QStringLiteral("validate") };
        QTest::addRow("unknown option") << QStringList { QStringLiteral("validate"), QStringLiteral("--frobnicate"), QStringLiteral("x.json") };
        QTest::addRow("state machine without id") << QStringList { QStringLiteral("validate"), QStringLiteral("x.json"), QStringLiteral("--state-machine") };
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        const auto result = Test::runStepscope(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.err.isEmpty());
    }

    void jsonOutput()
    {
        const QString bad = write(QStringLiteral("json.asl.json"), R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Gone"}}})");
        const auto result = Test::runStepscope({ QStringLiteral("validate"), QStringLiteral("--json"), bad });
        QCOMPARE(result.exitCode, 1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(result.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(doc.isArray());
        const QJsonObject entry = doc.array().at(0).toObject();
        QCOMPARE(entry.value(QLatin1String("file")).toString(), bad);
        QCOMPARE(entry.value(QLatin1String("valid")).toBool(true), false);
        const QJsonArray diagnostics = entry.value(QLatin1String("diagnostics")).toArray();
        QVERIFY(!diagnostics.isEmpty());
        bool found = false;
        for (const auto& value : diagnostics) {
            const QJsonObject d = value.toObject();
            QVERIFY(d.contains(QLatin1String("line")) && d.contains(QLatin1String("column")));
            found = found || (d.value(QLatin1String("pointer")).toString() == QLatin1String("/States/A/Next")
                                 && d.value(QLatin1String("severity")).toString() == QLatin1String("error"));
        }
        QVERIFY2(found, result.out.constData());
    }

    void helpAndVersion()
    {
        const auto help = Test::runStepscope({ QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("validate"));
        const auto version = Test::runStepscope({ QStringLiteral("--version") });
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("stepscope " STEPSCOPE_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestValidateCli)
#include "tst_validatecli.moc"
