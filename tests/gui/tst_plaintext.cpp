// Text from users' files is plain text on screen: a state named like HTML must show its tags literally, in every
// Text, TextEdit and combo box of the real window (QML's default AutoText would render it as rich text).
#include "guitestsupport.h"
#include "testsupport.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

using namespace Stepscope::Test;

namespace {

const QString HostileName = QStringLiteral("<b>Bold</b><img src=\"x\">");

const char* const HostileDefinition = "{\"Comment\": \"<i>comment</i>\", \"StartAt\": \"<b>Bold</b><img src=\\\"x\\\">\","
                                      " \"States\": {\"<b>Bold</b><img src=\\\"x\\\">\": {\"Type\": \"Task\","
                                      " \"Resource\": \"arn:aws:lambda:eu-west-1:1:function:f\", \"Next\": \"Done\","
                                      " \"Catch\": [{\"ErrorEquals\": [\"<u>Err</u>\"], \"Next\": \"Done\"}]},"
                                      " \"Done\": {\"Type\": \"Succeed\"}}}";

// Every text-showing item under `root` whose text contains `needle`, with its class name and text format.
void collectTexts(QQuickItem* root, const QString& needle, QList<QPair<QQuickItem*, int>>& found)
{
    if (!root)
        return;
    const bool showsText = root->inherits("QQuickText") || root->inherits("QQuickTextEdit") || root->inherits("QQuickTextInput");
    if (showsText && root->property("text").toString().contains(needle)) {
        // QQuickTextInput has no textFormat: it is always plain.
        const QVariant format = root->property("textFormat");
        found.append({ root, format.isValid() ? format.toInt() : 0 });
    }
    for (QQuickItem* child : root->childItems())
        collectTexts(child, needle, found);
}

} // namespace

class TestPlainText : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("StepscopeTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_plaintext"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void hostileStateNamesStayLiteral()
    {
        const QString path = m_dir.filePath(QStringLiteral("hostile.asl.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(HostileDefinition);
        file.close();

        auto main = openMainWindow({ { QStringLiteral("initialFile"), path } });
        QVERIFY(main);
        QVERIFY(QTest::qWaitForWindowExposed(main->window));
        QObject* c = main->controller();
        QVERIFY(QTest::qWaitFor(
            [c] { return c->property("hasDocument").toBool() && !c->property("busy").toBool(); }, 30000));
        QCOMPARE(c->property("stateCount").toInt(), 2);
        QMetaObject::invokeMethod(main->selection(), "selectState", Q_ARG(int, 0));
        QTRY_COMPARE(c->property("inspector").value<QObject*>()->property("name").toString(), HostileName);
        QTest::qWait(200); // let the inspector and the canvas update

        QQuickItem* root = main->window->contentItem(); // and its ancestors: popups and overlays are there
        while (root->parentItem())
            root = root->parentItem();
        QList<QPair<QQuickItem*, int>> texts;
        collectTexts(root, QStringLiteral("<b>Bold</b>"), texts);
        QVERIFY2(!texts.isEmpty(), "the state's name is shown nowhere as text");
        for (const auto& [item, format] : texts) {
            QVERIFY2(format == 0 /* PlainText */,
                qPrintable(QStringLiteral("%1 \"%2\" has text format %3")
                               .arg(QString::fromLatin1(item->metaObject()->className()), item->objectName())
                               .arg(format)));
        }
        // Nothing shows the tags' content without the tags (what rich text would display).
        QList<QPair<QQuickItem*, int>> bare;
        collectTexts(root, QStringLiteral("Bold"), bare);
        for (const auto& [item, format] : bare)
            QVERIFY2(item->property("text").toString().contains(QStringLiteral("<b>Bold</b>")),
                qPrintable(item->property("text").toString()));
    }
};

QTEST_MAIN(TestPlainText)
#include "tst_plaintext.moc"
