// SourcePositions: exact and nearest-ancestor lookups, first-wins duplicates, re-rooted views, and the same answers
// with and without the index.
#include "definition/sourcepositions.h"

#include <QTest>

#include <string>

using namespace Stepscope;

class TestSourcePositions : public QObject {
    Q_OBJECT

private:
    static SourcePositions sample(bool indexed)
    {
        SourcePositions positions;
        positions.insert("", { 1, 1 });
        positions.insert("/States", { 2, 3 });
        positions.insert("/States/A", { 3, 5 });
        positions.insert("/States/A/Next", { 4, 7 });
        positions.insert("/States/a~1b", { 9, 5 }); // key "a/b"
        positions.insert("/States/A", { 20, 5 }); // a duplicate key: the first position stays
        if (indexed)
            positions.buildIndex();
        return positions;
    }

private Q_SLOTS:
    void lookups_data()
    {
        QTest::addColumn<bool>("indexed");
        QTest::addRow("indexed") << true;
        QTest::addRow("not indexed") << false;
    }

    void lookups()
    {
        QFETCH(bool, indexed);
        const SourcePositions positions = sample(indexed);
        QCOMPARE(positions.size(), std::size_t(6));
        QCOMPARE(positions.at("/States/A/Next"), std::optional<SourcePos>(SourcePos { 4, 7 }));
        QCOMPARE(positions.at("/States/A"), std::optional<SourcePos>(SourcePos { 3, 5 }));
        QCOMPARE(positions.at("/States/a~1b"), std::optional<SourcePos>(SourcePos { 9, 5 }));
        QVERIFY(!positions.at("/States/A/Type"));
        QVERIFY(!positions.at("/States/a/b"));
        // Nearest ancestor for values without a position of their own.
        QCOMPARE(positions.find("/States/A/Parameters/x.$"), (SourcePos { 3, 5 }));
        QCOMPARE(positions.find("/Comment"), (SourcePos { 1, 1 }));
        QCOMPARE(positions.find("/States/A/Next"), (SourcePos { 4, 7 }));
    }

    void viewsBelowAPointer()
    {
        const SourcePositions positions = sample(true);
        const SourcePositions state = positions.below("/States/A");
        QCOMPARE(state.find(""), (SourcePos { 3, 5 }));
        QCOMPARE(state.find("/Next"), (SourcePos { 4, 7 }));
        QCOMPARE(state.find("/Retry/0"), (SourcePos { 3, 5 }));
        // A view never climbs above its root.
        const SourcePositions missing = positions.below("/Missing");
        QCOMPARE(missing.find("/X"), SourcePos {});
    }

    void transformLeavesCopiesAlone()
    {
        const SourcePositions original = sample(true);
        SourcePositions shifted = original;
        shifted.transform([](SourcePos pos) { return SourcePos { pos.line + 100, pos.column }; });
        QCOMPARE(shifted.find("/States/A"), (SourcePos { 103, 5 }));
        QCOMPARE(original.find("/States/A"), (SourcePos { 3, 5 }));
    }

    void manyEntries()
    {
        SourcePositions positions;
        constexpr int count = 100000;
        for (int i = 0; i < count; ++i)
            positions.insert("/States/S" + std::to_string(i), { i + 1, 3 });
        positions.buildIndex();
        for (int i = 0; i < count; i += 997)
            QCOMPARE(positions.find("/States/S" + std::to_string(i) + "/Next"), (SourcePos { i + 1, 3 }));
        QVERIFY(!positions.at("/States/S" + std::to_string(count)));
    }
};

QTEST_GUILESS_MAIN(TestSourcePositions)
#include "tst_sourcepositions.moc"
