#include "archiveprivate.h"
#include "columnlist.h"

#include <QRegularExpression>
#include <QVariant>

#include <algorithm>

// Archive's reading side: search and its SQL, summaries, whole executions, look-ups by key, the state machine list.
namespace Stepscope {

namespace {

constexpr Sql::ColumnList SummaryColumns { "e.id", "e.identity", "e.arn", "e.name", "e.state_machine", "e.status",
    "e.start_ms", "e.stop_ms", "e.duration_ms", "e.redrive_count", "e.error", "e.cause", "e.root_state", "e.root_path",
    "e.source_file" };
// A search page: the summary columns (readSummary reads them by the same indexes) and the total of all matches.
constexpr auto SearchPageColumns = SummaryColumns.with("count(*) OVER ()");

// Whole executions and their state runs, as loadExecution reads them.
constexpr Sql::ColumnList ExecutionColumns { "e.arn", "e.name", "e.state_machine", "e.status", "e.start_ms",
    "e.stop_ms", "e.redrive_count", "e.error", "e.cause", "e.root_state", "e.root_path", "i.content AS input",
    "o.content AS output", "def.content AS definition", "e.event_count", "e.source_file", "e.content_hash" };
constexpr Sql::ColumnList RunColumns { "r.state", "r.container_path", "r.iteration", "r.status", "r.start_ms",
    "r.duration_ms", "r.attempts", "r.error", "c.content AS cause", "i.content AS input", "o.content AS output" };

// What an ExecutionSummary and an ArchivedExecution both hold, from a row of `columns` (either list above).
template <const auto& columns, typename Execution>
void readCommonColumns(const Sql::Statement& s, Execution& e)
{
    e.arn = s.text(columns.at("e.arn"));
    e.name = s.text(columns.at("e.name"));
    e.stateMachine = s.text(columns.at("e.state_machine"));
    e.status = s.text(columns.at("e.status"));
    e.startMs = s.int64Or(columns.at("e.start_ms"), NoTime);
    e.stopMs = s.int64Or(columns.at("e.stop_ms"), NoTime);
    e.redriveCount = int(s.int64(columns.at("e.redrive_count")));
    e.error = s.text(columns.at("e.error"));
    e.cause = s.text(columns.at("e.cause"));
    e.rootCauseState = s.text(columns.at("e.root_state"));
    e.rootCausePath = s.text(columns.at("e.root_path"));
    e.sourceFile = s.text(columns.at("e.source_file"));
}

ExecutionSummary readSummary(const Sql::Statement& s)
{
    constexpr auto& c = SummaryColumns;
    ExecutionSummary summary;
    readCommonColumns<SummaryColumns>(s, summary);
    summary.id = s.int64(c.at("e.id"));
    summary.identity = s.text(c.at("e.identity"));
    summary.durationMs = s.int64Or(c.at("e.duration_ms"), -1);
    return summary;
}

// LIKE pattern for a user pattern with * wildcards; % _ and \ are escaped so they match themselves.
QString likePattern(const QString& pattern)
{
    QString out;
    out.reserve(pattern.size() + 4);
    for (const QChar c : pattern) {
        if (c == u'%' || c == u'_' || c == u'\\')
            out += u'\\';
        out += c == u'*' ? u'%' : c;
    }
    return out;
}

QByteArray buildSearch(const SearchQuery& query, bool countOnly, QList<QVariant>* binds)
{
    // The page carries the total of all matches (a window count): one pass instead of a second COUNT query.
    QByteArray sql = countOnly ? QByteArray("SELECT count(*) FROM executions e WHERE 1")
                               : "SELECT " + SearchPageColumns.joined() + " FROM executions e WHERE 1";
    auto param = [&](const QVariant& value) {
        if (binds)
            binds->append(value);
        return QByteArray("?");
    };
    if (!query.statuses.isEmpty()) {
        sql += " AND e.status IN (";
        for (qsizetype i = 0; i < query.statuses.size(); ++i)
            sql += (i ? "," : "") + param(upperStatus(query.statuses.at(i)));
        sql += ")";
    }
    if (!query.error.isEmpty()) {
        const bool wildcard = query.error.contains(u'*');
        const QByteArray op = wildcard ? " LIKE ? ESCAPE '\\'" : " = ?";
        const QString value = wildcard ? likePattern(query.error) : query.error;
        sql += " AND (e.error" + op;
        param(value);
        sql += " OR EXISTS (SELECT 1 FROM state_runs r WHERE r.error" + op;
        param(value);
        sql += " AND r.execution_id = e.id))";
    }
    if (!query.state.isEmpty()) {
        sql += " AND EXISTS (SELECT 1 FROM state_runs r WHERE r.execution_id = e.id AND (r.state = " + param(query.state);
        sql += " OR r.state_id = " + param(query.state) + "))";
    }
    if (!query.stateMachine.isEmpty())
        sql += " AND e.state_machine = " + param(query.stateMachine);
    if (query.sinceMs != NoTime)
        sql += " AND e.start_ms >= " + param(query.sinceMs);
    if (query.untilMs != NoTime)
        sql += " AND e.start_ms < " + param(query.untilMs);
    if (!query.text.trimmed().isEmpty()) {
        const QString fts = ftsQueryFromWords(query.text);
        if (fts.isEmpty())
            sql += " AND 0"; // words without letters or digits match nothing
        else
            sql += " AND e.id IN (SELECT rowid FROM execution_text WHERE execution_text MATCH " + param(fts) + ")";
    }
    if (!countOnly) {
        sql += " ORDER BY e.start_ms IS NULL, e.start_ms DESC, e.id DESC";
        if (query.limit >= 0) {
            // Two statements: the operands of one expression are evaluated in no fixed order.
            sql += " LIMIT " + param(qint64(query.limit));
            sql += " OFFSET " + param(qint64(std::max(0, query.offset)));
        }
    }
    return sql;
}

// The search statement for `query`, prepared with its parameters bound.
Sql::Statement searchStatement(Sql::Database& db, const SearchQuery& query, bool countOnly)
{
    QList<QVariant> binds;
    Sql::Statement statement(db, buildSearch(query, countOnly, &binds));
    for (qsizetype i = 0; i < binds.size(); ++i) {
        const QVariant& value = binds.at(i);
        if (value.typeId() == QMetaType::QString)
            statement.bind(int(i + 1), value.toString());
        else
            statement.bind(int(i + 1), value.toLongLong());
    }
    return statement;
}

} // namespace

QString ftsQueryFromWords(const QString& words)
{
    QStringList terms;
    for (QString word : words.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        const bool prefix = word.size() > 1 && word.endsWith(u'*');
        if (prefix)
            word.chop(1);
        const bool searchable = std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        if (!searchable)
            continue;
        // A quoted FTS5 string: only the double quote is special inside, and it is doubled.
        QString term = u'"' + QString(word).replace(u'"', QLatin1String("\"\"")) + u'"';
        if (prefix)
            term += u'*';
        terms.append(term);
    }
    return terms.join(u' ');
}

QByteArray Archive::searchSql(const SearchQuery& query, bool countOnly) { return buildSearch(query, countOnly, nullptr); }

SearchResult Archive::search(const SearchQuery& query)
{
    return d->run(Private::Need::Reading, [&] {
        SearchResult result;
        Sql::Statement rows = searchStatement(d->db, query, false);
        while (rows.step()) {
            result.executions.append(readSummary(rows));
            result.total = rows.int64(SearchPageColumns.at("count(*) OVER ()"));
        }
        // An empty page (limit 0, or an offset past the end) does not tell the total.
        if (result.executions.isEmpty() && (query.limit == 0 || query.offset > 0))
            result.total = count(query);
        return result;
    });
}

qint64 Archive::count(const SearchQuery& query)
{
    return d->run(Private::Need::Reading, [&] {
        Sql::Statement statement = searchStatement(d->db, query, true);
        return statement.step() ? statement.int64(0) : 0;
    });
}

qint64 Archive::executionCount()
{
    return d->run(Private::Need::Reading, [&] { return d->db.scalar("SELECT count(*) FROM executions"); });
}

std::optional<ExecutionSummary> Archive::summary(qint64 id)
{
    return d->run(Private::Need::Reading, [&]() -> std::optional<ExecutionSummary> {
        Sql::Statement s(d->db, "SELECT " + SummaryColumns.joined() + " FROM executions e WHERE e.id = ?1");
        s.bind(1, id);
        if (!s.step())
            return std::nullopt;
        return readSummary(s);
    });
}

std::optional<ArchivedExecution> Archive::loadExecution(qint64 id)
{
    return d->run(Private::Need::Reading, [&]() -> std::optional<ArchivedExecution> {
        constexpr auto& c = ExecutionColumns;
        Sql::Statement s(d->db,
            "SELECT " + c.joined()
                + " FROM executions e LEFT JOIN payloads i ON i.id = e.input_id "
                  "LEFT JOIN payloads o ON o.id = e.output_id LEFT JOIN definitions def ON def.id = e.definition_id "
                  "WHERE e.id = ?1");
        s.bind(1, id);
        if (!s.step())
            return std::nullopt;
        ArchivedExecution e;
        readCommonColumns<ExecutionColumns>(s, e);
        e.input = s.bytes(c.at("input"));
        e.output = s.bytes(c.at("output"));
        e.definition = s.bytes(c.at("definition"));
        e.eventCount = int(s.int64(c.at("e.event_count")));
        e.contentHash = s.bytes(c.at("e.content_hash"));

        constexpr auto& rc = RunColumns;
        Sql::Statement runs(d->db,
            "SELECT " + rc.joined()
                + " FROM state_runs r LEFT JOIN payloads c ON c.id = r.cause_id "
                  "LEFT JOIN payloads i ON i.id = r.input_id LEFT JOIN payloads o ON o.id = r.output_id "
                  "WHERE r.execution_id = ?1 ORDER BY r.seq");
        runs.bind(1, id);
        while (runs.step()) {
            ArchivedStateRun run;
            run.state = runs.text(rc.at("r.state"));
            run.containerPath = runs.text(rc.at("r.container_path"));
            run.iteration = int(runs.int64Or(rc.at("r.iteration"), -1));
            run.status = runs.text(rc.at("r.status"));
            run.startMs = runs.int64Or(rc.at("r.start_ms"), NoTime);
            run.durationMs = runs.int64Or(rc.at("r.duration_ms"), -1);
            run.attempts = int(runs.int64(rc.at("r.attempts")));
            run.error = runs.text(rc.at("r.error"));
            run.cause = runs.text(rc.at("cause"));
            run.input = runs.bytes(rc.at("input"));
            run.output = runs.bytes(rc.at("output"));
            e.runs.append(std::move(run));
        }
        return e;
    });
}

std::optional<qint64> Archive::findExecution(const QString& key)
{
    return d->run(Private::Need::Reading, [&]() -> std::optional<qint64> {
        bool isNumber = false;
        const qint64 number = key.toLongLong(&isNumber);
        if (isNumber && summary(number))
            return number;
        // Unique matches only: a name shared by two executions is ambiguous.
        for (const char* column : { "identity", "arn", "name", "source_file" }) {
            Sql::Statement s(d->db, QByteArray("SELECT id FROM executions WHERE ") + column + " = ?1 LIMIT 2");
            s.bind(1, key);
            if (!s.step())
                continue;
            const qint64 id = s.int64(0);
            if (!s.step())
                return id;
        }
        return std::nullopt;
    });
}

QList<QPair<QString, qint64>> Archive::stateMachines()
{
    return d->run(Private::Need::Reading, [&] {
        constexpr Sql::ColumnList c { "ifnull(state_machine, '') AS machine", "count(*) AS total" };
        QList<QPair<QString, qint64>> list;
        Sql::Statement s(d->db,
            "SELECT " + c.joined() + " FROM executions GROUP BY machine ORDER BY total DESC, machine");
        while (s.step())
            list.append({ s.text(c.at("machine")), s.int64(c.at("total")) });
        return list;
    });
}

} // namespace Stepscope
