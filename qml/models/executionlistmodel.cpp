#include "models/executionlistmodel.h"

#include "archive/archive.h"
#include "archive/archivedhistory.h"
#include "archive/timefilter.h"
#include "controllers/archivesession.h"
#include "definition/definition.h"
#include "support/futurewatch.h"
#include "workflow/durationtext.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace Stepscope {

namespace {

struct PageResult {
    int generation = 0;
    int page = 0;
    qint64 total = 0;
    QList<ExecutionSummary> rows;
    QStringList machines; ///< first page only
    QString message;
};

// Runs in a worker thread with its own read-only connection.
PageResult readPage(const QString& path, SearchQuery query, int generation, int page)
{
    PageResult result;
    result.generation = generation;
    result.page = page;
    if (!QFileInfo(path).isFile()) {
        result.message = QStringLiteral("No archive at %1 yet: File › Import executions… adds executions.").arg(path);
        return result;
    }
    Archive archive;
    if (!archive.open(path, Archive::Access::ReadOnly)) {
        result.message = archive.errorString();
        return result;
    }
    try {
        query.offset = page * ExecutionListModel::PageSize;
        query.limit = ExecutionListModel::PageSize;
        SearchResult found = archive.search(query);
        result.total = found.total;
        result.rows = std::move(found.executions);
        if (page == 0) {
            for (const auto& machine : archive.stateMachines())
                result.machines.append(machine.first);
        }
    } catch (const ArchiveError& e) {
        result.message = QString::fromUtf8(e.what());
    }
    return result;
}

struct OpenResult {
    QString definition;
    QString history;
    QString arn;
    QString note;
    QString error;
};

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// Runs in a worker thread: what to open for an archived execution. The archive keeps a summary, the state runs with
// their payloads and the definition when the source held one, not the events: the source file is opened when it is
// still there, otherwise a history rebuilt from the runs (and the note says what that lacks).
OpenResult prepareOpen(const QString& path, qint64 id, const QString& currentDefinition, const QString& workflowName,
    const QString& tempDir)
{
    OpenResult result;
    Archive archive;
    if (!archive.open(path, Archive::Access::ReadOnly)) {
        result.error = archive.errorString();
        return result;
    }
    std::optional<ArchivedExecution> execution;
    try {
        execution = archive.loadExecution(id);
    } catch (const ArchiveError& e) {
        result.error = QString::fromUtf8(e.what());
        return result;
    }
    if (!execution) {
        result.error = QStringLiteral("The execution is no longer in the archive.");
        return result;
    }
    const ArchivedExecution& e = *execution;
    if (!currentDefinition.isEmpty() && !workflowName.isEmpty() && workflowName == e.stateMachine) {
        result.definition = currentDefinition;
    } else if (!e.definition.isEmpty()) {
        result.definition = QStringLiteral("%1/%2-definition.asl.json").arg(tempDir).arg(id);
        if (!writeFile(result.definition, e.definition))
            result.definition.clear();
    }
    if (!e.sourceFile.isEmpty() && QFileInfo(e.sourceFile).isFile()) {
        result.history = e.sourceFile;
        result.arn = isRealArn(e.arn) ? e.arn : QString();
        return result;
    }
    QHash<QString, QString> types;
    if (!result.definition.isEmpty()) {
        const OpenedDefinition opened = openDefinition(result.definition);
        for (const State& state : opened.workflow.states)
            types.insert(state.name, state.typeName);
    }
    result.history = QStringLiteral("%1/%2-rebuilt.history.json").arg(tempDir).arg(id);
    if (!writeFile(result.history, historyFromArchived(e, types))) {
        result.error = QStringLiteral("Could not write %1.").arg(result.history);
        return result;
    }
    result.note = QStringLiteral("Rebuilt from the archive: the source history %1 is no longer there. The archive keeps "
                                 "each state's status, times, error, cause, input and output, not the events: task "
                                 "scheduling, retry waits and Parallel / Map structure events are missing, and states "
                                 "inside branches or iterations are matched by name.")
                      .arg(e.sourceFile.isEmpty() ? QStringLiteral("(none recorded)") : e.sourceFile);
    return result;
}

QString formatStart(qint64 ms)
{
    return ms == NoTime ? QString() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

} // namespace

ExecutionListModel::ExecutionListModel(QObject* parent)
    : QAbstractListModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150); // typing in a filter field: query once the user pauses
    connect(&m_debounce, &QTimer::timeout, this, &ExecutionListModel::refresh);
}

ExecutionListModel::~ExecutionListModel() = default;

void ExecutionListModel::setArchive(ArchiveSession* archive)
{
    if (m_archive == archive)
        return;
    if (m_archive)
        disconnect(m_archive, nullptr, this, nullptr);
    m_archive = archive;
    if (m_archive)
        connect(m_archive, &ArchiveSession::changed, this, &ExecutionListModel::refresh);
    Q_EMIT archiveChanged();
    refresh();
}

void ExecutionListModel::setFilter(QString& member, const QString& value)
{
    if (member == value)
        return;
    member = value;
    Q_EMIT filtersChanged();
    m_debounce.start();
}

SearchQuery ExecutionListModel::query(QString* problem) const
{
    SearchQuery q;
    for (const QString& status : m_status.split(u',', Qt::SkipEmptyParts))
        q.statuses.append(status.trimmed().toUpper());
    q.error = m_error.trimmed();
    q.state = m_state.trimmed();
    q.stateMachine = m_stateMachine;
    q.text = m_text.trimmed();
    QStringList bad;
    if (!m_since.trimmed().isEmpty() && (q.sinceMs = parseTimeFilter(m_since)) == NoTime)
        bad.append(QStringLiteral("since"));
    if (!m_until.trimmed().isEmpty() && (q.untilMs = parseTimeFilter(m_until)) == NoTime)
        bad.append(QStringLiteral("until"));
    if (problem && !bad.isEmpty())
        *problem = QStringLiteral("Cannot read the %1 time (ignored): use 2024-11-18, 2024-11-18T14:00:00Z, 24h or 7d.")
                       .arg(bad.join(QStringLiteral(" and ")));
    return q;
}

void ExecutionListModel::setLoading(int delta)
{
    const bool was = loading();
    m_loading += delta;
    if (was != loading())
        Q_EMIT loadingChanged();
}

void ExecutionListModel::refresh()
{
    m_debounce.stop();
    ++m_generation;
    m_requested.clear();
    if (!m_archive)
        return;
    QString problem;
    const SearchQuery q = query(&problem);
    const int generation = m_generation;
    m_requested.insert(0);
    setLoading(1);
    whenFinished(this, QtConcurrent::run(readPage, m_archive->path(), q, generation, 0), [this, problem](PageResult result) {
        setLoading(-1);
        if (!problem.isEmpty())
            result.message = result.message.isEmpty() ? problem : result.message + u' ' + problem;
        if (result.generation != m_generation)
            return;
        // The first page of a new query replaces everything; the old rows stay on screen until then.
        beginResetModel();
        m_pages.clear();
        m_total = int(std::min<qint64>(result.total, std::numeric_limits<int>::max()));
        if (!result.rows.isEmpty())
            m_pages.insert(0, result.rows);
        m_message = result.message;
        m_stateMachines = result.machines;
        endResetModel();
        Q_EMIT totalChanged();
    });
}

void ExecutionListModel::requestPage(int page) const
{
    if (m_requested.contains(page) || !m_archive)
        return;
    m_requested.insert(page);
    // data() must not change the model: read the page from the event loop.
    auto* self = const_cast<ExecutionListModel*>(this);
    const int generation = m_generation;
    QMetaObject::invokeMethod(self, [self, page, generation] {
        if (generation != self->m_generation || !self->m_archive)
            return;
        self->setLoading(1);
        whenFinished(self, QtConcurrent::run(readPage, self->m_archive->path(), self->query(), generation, page),
            [self](const PageResult& result) {
                self->setLoading(-1);
                self->pageArrived(result.generation, result.page, result.total, result.rows);
            });
    }, Qt::QueuedConnection);
}

void ExecutionListModel::pageArrived(int generation, int page, qint64 total, const QList<ExecutionSummary>& rows)
{
    Q_UNUSED(total);
    if (generation != m_generation || rows.isEmpty())
        return;
    m_pages.insert(page, rows);
    const int first = page * PageSize;
    const int last = std::min(m_total, first + int(rows.size())) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(first), index(last));
}

int ExecutionListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_total; }

QVariant ExecutionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int page = index.row() / PageSize;
    const auto it = m_pages.constFind(page);
    const int inPage = index.row() % PageSize;
    if (it == m_pages.cend() || inPage >= it->size()) {
        requestPage(page);
        switch (role) {
        case LoadedRole:
            return false;
        case IdRole:
        case DurationRole:
            return role == IdRole ? QVariant(qint64(-1)) : QVariant(QString());
        default:
            return role == NameRole ? QStringLiteral("…") : QString();
        }
    }
    const ExecutionSummary& s = it->at(inPage);
    switch (role) {
    case LoadedRole:
        return true;
    case IdRole:
        return s.id;
    case Qt::DisplayRole:
    case NameRole:
        return s.name.isEmpty() ? s.identity : s.name;
    case StatusRole:
        return s.status;
    case StateMachineRole:
        return s.stateMachine;
    case StartRole:
        return formatStart(s.startMs);
    case DurationRole:
        return s.durationMs < 0 ? QString() : durationText(s.durationMs);
    case ErrorRole:
        return s.error;
    case RootCauseRole:
        return s.rootCausePath.isEmpty() ? s.rootCauseState : s.rootCausePath;
    case SourceFileRole:
        return s.sourceFile;
    default:
        return {};
    }
}

QHash<int, QByteArray> ExecutionListModel::roleNames() const
{
    return { { IdRole, "executionId" }, { NameRole, "name" }, { StatusRole, "status" },
        { StateMachineRole, "stateMachine" }, { StartRole, "start" }, { DurationRole, "duration" },
        { ErrorRole, "error" }, { RootCauseRole, "rootCause" }, { SourceFileRole, "sourceFile" },
        { LoadedRole, "loaded" } };
}

QString ExecutionListModel::rowText(int row) const
{
    const QModelIndex i = index(row);
    if (!i.isValid() || !data(i, LoadedRole).toBool())
        return {};
    QStringList parts;
    for (const Role role : { NameRole, StatusRole, StateMachineRole, StartRole, DurationRole, ErrorRole, RootCauseRole,
             SourceFileRole })
        parts.append(data(i, role).toString());
    return parts.join(u'\t');
}

void ExecutionListModel::open(int row, const QString& definition, const QString& workflowName)
{
    const QModelIndex i = index(row);
    const qint64 id = i.isValid() ? data(i, IdRole).toLongLong() : -1;
    if (id < 0 || !m_archive) {
        Q_EMIT openFailed(QStringLiteral("That execution is still being read; try again."));
        return;
    }
    if (!m_tempDir)
        m_tempDir = std::make_unique<QTemporaryDir>();
    setLoading(1);
    whenFinished(this, QtConcurrent::run(prepareOpen, m_archive->path(), id, definition, workflowName, m_tempDir->path()),
        [this](const OpenResult& result) {
            setLoading(-1);
            if (!result.error.isEmpty())
                Q_EMIT openFailed(result.error);
            else
                Q_EMIT openRequested(result.definition, result.history, result.arn, result.note);
        });
}

} // namespace Stepscope
