#pragma once

#include "archive/heatmap.h"
#include "controllers/archivesession.h"
#include "controllers/documentcontroller.h"
#include "layout/diagram.h"

#include <QAbstractListModel>
#include <QColor>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {


/// The state boxes that carry heat, for the canvas layer drawn over the nodes.
class HeatNodeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by HeatMap")
public:
    enum Role { BoxRole = Qt::UserRole + 1, ColorRole, TextColorRole, LabelRole, NoteRole, TypeRole, StateIdRole };
    Q_ENUM(Role)

    struct Row {
        QRectF box;
        QColor color;
        QColor textColor;
        QString label;
        QString note;
        QString typeName;
        QString stateId;
    };

    using QAbstractListModel::QAbstractListModel;
    void setRows(const QList<Row>& rows);
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    QList<Row> m_rows;
};

/// What the archive's statistics say about the open workflow, as a heat map on the canvas: View › Heat map.
/// Statistics are read off the UI thread (own archive connection) whenever the archive, the document, the measure or
/// the chosen state machine changes; the state machine is chosen like `stepscope export --heat` does.
class HeatMap : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Stepscope::DocumentController* controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(Stepscope::ArchiveSession* archive READ archive WRITE setArchive NOTIFY archiveChanged)
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY settingsChanged)
    Q_PROPERTY(QString measure READ measure WRITE setMeasure NOTIFY settingsChanged) ///< failures, runs, p95
    Q_PROPERTY(QString stateMachine READ stateMachine WRITE setStateMachine NOTIFY settingsChanged) ///< "" automatic
    Q_PROPERTY(QStringList stateMachines READ stateMachines NOTIFY changed)
    Q_PROPERTY(QString shownStateMachine READ shownStateMachine NOTIFY changed)
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QVariantList legend READ legend NOTIFY changed)
    Q_PROPERTY(int revision READ revision NOTIFY changed)
    Q_PROPERTY(Stepscope::HeatNodeModel* nodes READ nodes CONSTANT)
public:
    explicit HeatMap(QObject* parent = nullptr);

    [[nodiscard]] DocumentController* controller() const { return m_controller; }
    void setController(DocumentController* controller);
    [[nodiscard]] ArchiveSession* archive() const { return m_archive; }
    void setArchive(ArchiveSession* archive);
    [[nodiscard]] bool enabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    [[nodiscard]] QString measure() const { return heatMeasureKey(m_measure); }
    void setMeasure(const QString& key);
    [[nodiscard]] QString stateMachine() const { return m_stateMachine; }
    void setStateMachine(const QString& name);
    [[nodiscard]] QStringList stateMachines() const { return m_stateMachines; }
    [[nodiscard]] QString shownStateMachine() const { return m_statistics.stateMachine; }
    [[nodiscard]] bool active() const { return m_enabled && !m_heat.isEmpty(); }
    [[nodiscard]] bool busy() const { return m_querying; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QVariantList legend() const { return m_legend; }
    [[nodiscard]] int revision() const { return m_revision; }
    [[nodiscard]] HeatNodeModel* nodes() { return &m_nodes; }

    /// The tooltip line of a state ("25% failed (5/20), p50 …, top error …"), empty without heat.
    [[nodiscard]] Q_INVOKABLE QString labelFor(const QString& stateId) const;
    /// The heat as the renderer draws it (fills and legend), for exports of what the canvas shows.
    void addTo(StatusOverlay& overlay) const;
    /// Writes the diagram with the heat map (and the statuses when asked); returns an error message, empty on success.
    [[nodiscard]] Q_INVOKABLE QString exportDiagram(const QString& path, bool withStatuses) const;

    struct Query {
        QString path;
        QString workflowName;
        QString given;
        bool ok = false;
        QString message;
        QStringList machines;
        StateMachineStatistics statistics;
    };

Q_SIGNALS:
    void controllerChanged();
    void archiveChanged();
    void settingsChanged();
    void changed();
    void busyChanged();

private:
    void schedule();
    void refresh();
    void finished(const Query& query);
    void rebuildNodes();
    void clear(const QString& message);

    QPointer<DocumentController> m_controller;
    QPointer<ArchiveSession> m_archive;
    bool m_enabled = false;
    HeatMeasure m_measure = HeatMeasure::FailureRate;
    QString m_stateMachine;
    QStringList m_stateMachines;
    StateMachineStatistics m_statistics;
    QHash<QString, StateHeat> m_heat;
    QString m_message;
    QString m_title;
    QVariantList m_legend;
    int m_revision = 0;
    int m_generation = 0;
    bool m_pending = false;
    QTimer m_timer;
    bool m_querying = false; ///< a query runs (it cannot be interrupted: m_pending runs another after it)
    HeatNodeModel m_nodes;
};

} // namespace Stepscope
