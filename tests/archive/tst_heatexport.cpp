#include "archive/archive.h"
#include "generated.h"
#include "render/heatcolor.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Stepscope;
using Stepscope::Test::runStepscope;

// `stepscope export --heat` as a real process, over an archive of generated executions (generated.h: Orders runs
// Validate → Fanout/0/Charge → Ship; Charge fails in 5 of 20 executions, Ship and Validate never fail).
class TestHeatExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_orders; ///< a definition named like the archived state machine
    QString m_other; ///< a definition with the same states under another name

    static QStringList texts(const QByteArray& svg)
    {
        QStringList list;
        QXmlStreamReader reader(svg);
        bool inText = false;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement())
                inText = reader.name() == QLatin1String("text");
            else if (reader.isEndElement())
                inText = false;
            else if (inText && reader.isCharacters())
                list << reader.text().toString();
        }
        return reader.hasError() ? QStringList { QStringLiteral("<malformed: %1>").arg(reader.errorString()) } : list;
    }

    QString writeDefinition(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(R"({"StartAt": "Validate", "States": {
  "Validate": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:v", "Next": "Fanout"},
  "Fanout": {"Type": "Parallel", "Next": "Ship", "Branches": [
    {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:c", "End": true}}}]},
  "Ship": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:s", "End": true}}})");
        return path;
    }

    QByteArray readAll(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("heat.sqlite"));
        Archive archive;
        QVERIFY2(archive.open(m_db), qPrintable(archive.errorString()));
        for (int n = 0; n < 20; ++n)
            archive.importExecution(Test::generatedExecution(n));
        for (int n = 0; n < 3; ++n)
            archive.importExecution(Test::generatedExecution(n, QStringLiteral("Billing")));
        m_orders = writeDefinition(QStringLiteral("Orders.asl.json"));
        m_other = writeDefinition(QStringLiteral("other.asl.json"));
        QVERIFY(!m_orders.isEmpty() && !m_other.isEmpty());
    }

    void svgHasHeatFillsAndLegend()
    {
        const QString out = m_dir.filePath(QStringLiteral("orders.svg"));
        const auto result = runStepscope({ "export", m_orders, "-o", out, "--heat", "--db", m_db });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QByteArray svg = readAll(out);
        const QStringList list = texts(svg);
        QVERIFY2(!list.value(0).startsWith(QLatin1String("<malformed")), qPrintable(list.value(0)));
        // The legend: the measure (with the executions it covers) and five entries.
        QVERIFY2(list.contains(QStringLiteral("Failure rate · 20 executions")), qPrintable(list.join(u'|')));
        for (const char* entry : { "0% failed", "25% failed", "50% failed", "75% failed", "100% failed" })
            QVERIFY2(list.contains(QLatin1String(entry)), entry);
        // Each state's value under its name (as well as in the legend), and its fill: Charge failed in 25% of
        // executions, Validate in none.
        QVERIFY2(list.count(QStringLiteral("25% failed")) == 2, qPrintable(list.join(u'|')));
        QVERIFY(list.count(QStringLiteral("0% failed")) >= 2);
        QVERIFY(svg.contains(heatColor(0.25).name().toLatin1()));
        QVERIFY(svg.contains(heatColor(0.0).name().toLatin1()));
        // No status legend: there is no execution history.
        QVERIFY(!list.contains(QStringLiteral("succeeded")));
    }

    void measures_data()
    {
        QTest::addColumn<QString>("measure");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("note");
        QTest::addColumn<int>("count");
        QTest::addRow("runs") << "runs" << "Runs · 20 executions" << "20 runs" << 3; // Validate, Charge, the legend's top
        QTest::addRow("p95") << "p95" << "p95 duration · 20 executions" << "p95 50 ms" << 1; // Ship: 50 ms
    }
    void measures()
    {
        QFETCH(QString, measure);
        QFETCH(QString, title);
        QFETCH(QString, note);
        QFETCH(int, count);
        const QString out = m_dir.filePath(QStringLiteral("measure-%1.svg").arg(measure));
        const auto result = runStepscope({ "export", m_orders, "-o", out, "--heat", "--db", m_db, "--heat-measure", measure });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QStringList list = texts(readAll(out));
        QVERIFY2(list.contains(title), qPrintable(list.join(u'|')));
        QVERIFY2(list.count(note) == count, qPrintable(list.join(u'|')));
    }

    void pngHasHeatAndLegend()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain.png"));
        const QString heat = m_dir.filePath(QStringLiteral("heat.png"));
        QCOMPARE(runStepscope({ "export", m_orders, "-o", plain }).exitCode, 0);
        const auto result = runStepscope({ "export", m_orders, "-o", heat, "--heat", "--db", m_db });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QImage a(plain), b(heat);
        QVERIFY(!a.isNull() && !b.isNull());
        QVERIFY2(b.width() > a.width(), "the legend widens the picture");
    }

    void chooseStateMachineByName()
    {
        // other.asl.json is not named like an archived state machine, and the archive holds two: the user must choose.
        const QString out = m_dir.filePath(QStringLiteral("other.svg"));
        auto result = runStepscope({ "export", m_other, "-o", out, "--heat", "--db", m_db });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("--state-machine-name") && result.err.contains("Billing (3 executions)")
                && result.err.contains("Orders (20 executions)"),
            result.err.constData());
        result = runStepscope({ "export", m_other, "-o", out, "--heat", "--db", m_db, "--state-machine-name", "Billing" });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QStringList billing = texts(readAll(out));
        QVERIFY2(billing.contains(QStringLiteral("Failure rate · 3 executions")), qPrintable(billing.join(u'|')));
        result = runStepscope({ "export", m_other, "-o", out, "--heat", "--db", m_db, "--state-machine-name", "Nope" });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("no executions of state machine \"Nope\""), result.err.constData());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addRow("missing archive") << QStringList { "--heat", "--db", "/nonexistent/a.sqlite" } << 1 << "no archive there";
        QTest::addRow("bad measure") << QStringList { "--heat", "--heat-measure", "speed" } << 2 << "--heat-measure takes";
        QTest::addRow("db without heat") << QStringList { "--db", "x.sqlite" } << 2 << "go with --heat";
        QTest::addRow("text format") << QStringList { "--heat", "-o", "x.dot" } << 2 << "use .svg, .png or .pdf";
    }
    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QStringList all { "export", m_orders };
        if (!arguments.contains(QStringLiteral("-o")))
            all << "-o" << m_dir.filePath(QStringLiteral("err.svg"));
        const auto result = runStepscope(all + arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    }

    void refusesNonArchiveAndEmptyArchive()
    {
        const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not an archive\n");
        file.close();
        auto result = runStepscope({ "export", m_orders, "-o", m_dir.filePath("n.svg"), "--heat", "--db", notes });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("is not a Stepscope archive"), result.err.constData());
        QCOMPARE(readAll(notes), QByteArray("not an archive\n"));

        const QString empty = m_dir.filePath(QStringLiteral("empty.sqlite"));
        {
            Archive archive;
            QVERIFY(archive.open(empty));
        }
        result = runStepscope({ "export", m_orders, "-o", m_dir.filePath("e.svg"), "--heat", "--db", empty });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("holds no executions"), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestHeatExport)
#include "tst_heatexport.moc"
