#pragma once

#include "definition/definition.h"
#include "diagnosticlistmodel.h"
#include "statelistmodel.h"

#include <QFutureWatcher>
#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// Opens files off the UI thread and publishes the results to QML through its models.
class DocumentController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString workflowName READ workflowName NOTIFY loaded)
    Q_PROPERTY(QString filePath READ filePath NOTIFY loaded)
    Q_PROPERTY(QString formatName READ formatName NOTIFY loaded)
    Q_PROPERTY(int stateCount READ stateCount NOTIFY loaded)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY loaded)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(StateListModel* states READ states CONSTANT)
    Q_PROPERTY(DiagnosticListModel* diagnostics READ diagnostics CONSTANT)
public:
    explicit DocumentController(QObject* parent = nullptr);
    ~DocumentController() override;

    Q_INVOKABLE void openFile(const QString& path);
    Q_INVOKABLE void openUrl(const QUrl& url);

    [[nodiscard]] QString workflowName() const { return m_opened.workflow.name; }
    [[nodiscard]] QString filePath() const { return m_opened.loaded.file; }
    [[nodiscard]] QString formatName() const;
    [[nodiscard]] int stateCount() const { return static_cast<int>(m_opened.workflow.states.size()); }
    [[nodiscard]] int errorCount() const;
    [[nodiscard]] bool busy() const { return m_watcher.isRunning(); }
    [[nodiscard]] StateListModel* states() { return &m_states; }
    [[nodiscard]] DiagnosticListModel* diagnostics() { return &m_diagnostics; }

Q_SIGNALS:
    void loaded();
    void busyChanged();

private:
    void publish();

    QFutureWatcher<OpenedDefinition> m_watcher;
    OpenedDefinition m_opened;
    StateListModel m_states;
    DiagnosticListModel m_diagnostics;
};

} // namespace Stepscope
