#include "controllers/heatmap.h"

#include "archive/archive.h"
#include "controllers/archivesession.h"
#include "controllers/documentcontroller.h"
#include "render/heatcolor.h"
#include "support/futurewatch.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace Stepscope {

namespace {

// Runs in a worker thread with its own connection.
HeatMap::Query runQuery(HeatMap::Query query)
{
    if (!QFileInfo(query.path).isFile()) {
        query.message = QStringLiteral("No archive at %1 yet: File › Import executions… adds executions.").arg(query.path);
        return query;
    }
    Archive archive;
    if (!archive.open(query.path, Archive::Access::ReadOnly)) {
        query.message = archive.errorString();
        return query;
    }
    try {
        const auto machines = archive.stateMachines();
        for (const auto& machine : machines)
            query.machines.append(machine.first);
        QString chosen, error;
        if (!chooseStateMachine(machines, query.given, query.workflowName, &chosen, &error)) {
            query.message = error;
            return query;
        }
        query.statistics = archive.statistics(chosen);
        query.statistics.stateMachine = chosen;
        query.ok = true;
    } catch (const ArchiveError& e) {
        query.message = QString::fromUtf8(e.what());
    }
    return query;
}

} // namespace

void HeatNodeModel::setRows(const QList<Row>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int HeatNodeModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant HeatNodeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];
    switch (role) {
    case BoxRole:
        return row.box;
    case ColorRole:
        return row.color;
    case TextColorRole:
        return row.textColor;
    case Qt::DisplayRole:
    case LabelRole:
        return row.label;
    case NoteRole:
        return row.note;
    case TypeRole:
        return row.typeName;
    case StateIdRole:
        return row.stateId;
    default:
        return {};
    }
}

QHash<int, QByteArray> HeatNodeModel::roleNames() const
{
    return { { BoxRole, "box" }, { ColorRole, "heatColor" }, { TextColorRole, "textColor" }, { LabelRole, "label" },
        { NoteRole, "note" }, { TypeRole, "typeName" }, { StateIdRole, "stateId" } };
}

HeatMap::HeatMap(QObject* parent)
    : QObject(parent)
{
    m_nodes.setParent(this);
    m_timer.setSingleShot(true);
    m_timer.setInterval(0); // several settings change together: query once
    connect(&m_timer, &QTimer::timeout, this, &HeatMap::refresh);
}


void HeatMap::setController(DocumentController* controller)
{
    if (m_controller == controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &DocumentController::loaded, this, &HeatMap::schedule);
        connect(m_controller, &DocumentController::diagramChanged, this, &HeatMap::rebuildNodes);
    }
    Q_EMIT controllerChanged();
    schedule();
}

void HeatMap::setArchive(ArchiveSession* archive)
{
    if (m_archive == archive)
        return;
    if (m_archive)
        disconnect(m_archive, nullptr, this, nullptr);
    m_archive = archive;
    if (m_archive)
        connect(m_archive, &ArchiveSession::changed, this, &HeatMap::schedule);
    Q_EMIT archiveChanged();
    schedule();
}

void HeatMap::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    Q_EMIT settingsChanged();
    schedule();
}

void HeatMap::setMeasure(const QString& key)
{
    HeatMeasure measure = m_measure;
    if (!heatMeasureFromKey(key, &measure) || measure == m_measure)
        return;
    m_measure = measure;
    Q_EMIT settingsChanged();
    schedule();
}

void HeatMap::setStateMachine(const QString& name)
{
    if (m_stateMachine == name)
        return;
    m_stateMachine = name;
    Q_EMIT settingsChanged();
    schedule();
}

void HeatMap::schedule() { m_timer.start(); }

void HeatMap::clear(const QString& message)
{
    m_heat.clear();
    m_legend.clear();
    m_title.clear();
    m_message = message;
    m_nodes.setRows({});
    ++m_revision;
    Q_EMIT changed();
}

void HeatMap::refresh()
{
    if (!m_enabled) {
        clear(QString());
        return;
    }
    if (!m_controller || !m_controller->document() || m_controller->document()->workflow.states.isEmpty()) {
        clear(QStringLiteral("Open a definition to see its heat map."));
        return;
    }
    if (!m_archive) {
        clear(QStringLiteral("No archive."));
        return;
    }
    if (m_querying) {
        m_pending = true; // a query cannot be interrupted: run again when it ends
        return;
    }
    Query query;
    query.path = m_archive->path();
    query.workflowName = m_controller->document()->workflow.name;
    query.given = m_stateMachine;
    ++m_generation;
    m_querying = true;
    whenFinished(this, QtConcurrent::run(runQuery, query), [this](const Query& result) { finished(result); });
    Q_EMIT busyChanged();
}

void HeatMap::finished(const Query& query)
{
    m_querying = false;
    Q_EMIT busyChanged();
    if (m_pending) {
        m_pending = false;
        refresh();
        return;
    }
    m_stateMachines = query.machines;
    if (!m_enabled || !m_controller || !m_controller->document())
        return clear(QString());
    if (!query.ok) {
        m_statistics = {};
        return clear(query.message);
    }
    m_statistics = query.statistics;
    const Workflow& workflow = m_controller->document()->workflow;
    m_heat = stateHeat(m_statistics, workflow, m_measure);
    m_legend.clear();
    for (const HeatLegendEntry& entry : heatLegend(m_statistics, m_measure))
        m_legend.append(QVariantMap { { QStringLiteral("label"), entry.label },
            { QStringLiteral("color"), heatColor(entry.level) } });
    m_title = heatMeasureTitle(m_measure);
    m_message = QStringLiteral("%1 · %2 executions").arg(m_statistics.stateMachine).arg(m_statistics.executions);
    if (m_heat.isEmpty())
        m_message = QStringLiteral("None of the archived states of %1 is a state of %2.")
                        .arg(m_statistics.stateMachine, workflow.name);
    rebuildNodes();
    ++m_revision;
    Q_EMIT changed();
}

void HeatMap::rebuildNodes()
{
    QList<HeatNodeModel::Row> rows;
    if (m_controller && !m_heat.isEmpty()) {
        for (const DiagramNode& node : m_controller->diagram().nodes) {
            if (node.ghostOf >= 0)
                continue;
            const auto it = m_heat.constFind(node.id);
            if (it == m_heat.cend())
                continue;
            HeatNodeModel::Row row;
            row.box = node.box;
            row.color = heatColor(it->level);
            row.textColor = row.color.lightnessF() < 0.45 ? QColor(Qt::white) : QColor(0x21, 0x21, 0x21);
            row.label = node.label.isEmpty() ? node.name : node.label;
            row.note = heatValueText(it->value, m_measure);
            row.typeName = node.typeName;
            row.stateId = node.id;
            rows.append(row);
        }
    }
    m_nodes.setRows(rows);
}

QString HeatMap::labelFor(const QString& stateId) const
{
    if (!active())
        return {};
    const auto it = m_heat.constFind(stateId);
    return it == m_heat.cend() ? QString() : it->label;
}

void HeatMap::addTo(StatusOverlay& overlay) const
{
    if (!active() || !m_controller || !m_controller->document())
        return;
    applyHeat(overlay, m_statistics, m_controller->document()->workflow, m_measure);
    overlay.heatScale.title = QStringLiteral("%1 · %2 executions").arg(m_title).arg(m_statistics.executions);
}

QString HeatMap::exportDiagram(const QString& path, bool withStatuses) const
{
    if (!m_controller)
        return QStringLiteral("Nothing to export.");
    StatusOverlay overlay = withStatuses ? m_controller->exporter()->statusOverlay() : StatusOverlay();
    addTo(overlay);
    return m_controller->exporter()->exportWith(path, &overlay);
}

} // namespace Stepscope
