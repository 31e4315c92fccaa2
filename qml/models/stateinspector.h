#pragma once

#include "models/eventmodel.h"
#include "models/jsontreemodel.h"
#include "document/documentloader.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// What the inspector panel shows for the selected state: one of its runs (visits), with input, output, error,
/// retries and events, plus the state's definition.
class StateInspector : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
    Q_PROPERTY(int stateIndex READ stateIndex NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString typeName READ typeName NOTIFY changed)
    Q_PROPERTY(QString location READ location NOTIFY changed)
    Q_PROPERTY(QString statusName READ statusName NOTIFY changed)
    Q_PROPERTY(QStringList runLabels READ runLabels NOTIFY changed)
    Q_PROPERTY(int currentRun READ currentRun WRITE setCurrentRun NOTIFY changed)
    Q_PROPERTY(bool hasRun READ hasRun NOTIFY changed)
    Q_PROPERTY(QString runSummary READ runSummary NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString cause READ cause NOTIFY changed)
    Q_PROPERTY(QString lambdaErrorType READ lambdaErrorType NOTIFY changed)
    Q_PROPERTY(QString lambdaMessage READ lambdaMessage NOTIFY changed)
    Q_PROPERTY(QStringList stackTrace READ stackTrace NOTIFY changed)
    Q_PROPERTY(QVariantList attempts READ attempts NOTIFY changed)
    Q_PROPERTY(QStringList retryRules READ retryRules NOTIFY changed)
    Q_PROPERTY(QStringList catchRules READ catchRules NOTIFY changed)
    Q_PROPERTY(Stepscope::JsonTreeModel* input READ input CONSTANT)
    Q_PROPERTY(Stepscope::JsonTreeModel* output READ output CONSTANT)
    Q_PROPERTY(Stepscope::JsonTreeModel* causeTree READ causeTree CONSTANT)
    Q_PROPERTY(Stepscope::JsonTreeModel* definition READ definition CONSTANT)
    Q_PROPERTY(Stepscope::EventFilterModel* events READ events CONSTANT)
public:
    explicit StateInspector(QObject* parent = nullptr);

    /// Points the inspector at a document (null: nothing open), which it shares, and the events model it filters.
    void setDocument(std::shared_ptr<const LoadedDocument> document, EventModel* events);
    /// Shows `state`, on the run `preferredRun` (index into RunIndex::runs()) when it is one of its runs,
    /// else its last failed run, else its first run.
    void show(StateIndex state, int preferredRun = -1);

    [[nodiscard]] int stateIndex() const { return m_state; }
    [[nodiscard]] QString name() const;
    [[nodiscard]] QString typeName() const;
    [[nodiscard]] QString location() const;
    [[nodiscard]] QString statusName() const;
    [[nodiscard]] QStringList runLabels() const;
    [[nodiscard]] int currentRun() const { return m_currentRun; }
    void setCurrentRun(int run);
    [[nodiscard]] bool hasRun() const { return run() != nullptr; }
    [[nodiscard]] QString runSummary() const;
    [[nodiscard]] QString error() const;
    [[nodiscard]] QString cause() const;
    [[nodiscard]] QString lambdaErrorType() const { return m_lambda ? m_lambda->errorType : QString(); }
    [[nodiscard]] QString lambdaMessage() const { return m_lambda ? m_lambda->errorMessage : QString(); }
    [[nodiscard]] QStringList stackTrace() const { return m_lambda ? m_lambda->stackTrace : QStringList(); }
    [[nodiscard]] QVariantList attempts() const;
    [[nodiscard]] QStringList retryRules() const;
    [[nodiscard]] QStringList catchRules() const;
    [[nodiscard]] JsonTreeModel* input() { return &m_input; }
    [[nodiscard]] JsonTreeModel* output() { return &m_output; }
    [[nodiscard]] JsonTreeModel* causeTree() { return &m_causeTree; }
    [[nodiscard]] JsonTreeModel* definition() { return &m_definition; }
    [[nodiscard]] EventFilterModel* events() { return &m_events; }
    /// Everything the panel shows, as text (copy all).
    [[nodiscard]] Q_INVOKABLE QString summaryText() const;

Q_SIGNALS:
    void changed();

private:
    [[nodiscard]] const StateRun* run() const;
    void refreshRun();

    [[nodiscard]] const Workflow& workflow() const { return m_doc->workflow; }

    std::shared_ptr<const LoadedDocument> m_doc;
    StateIndex m_state = NoIndex;
    QList<int> m_stateRuns; ///< indexes into RunIndex::runs()
    int m_currentRun = -1; ///< index into m_stateRuns
    std::optional<LambdaCause> m_lambda;
    JsonTreeModel m_input;
    JsonTreeModel m_output;
    JsonTreeModel m_causeTree;
    JsonTreeModel m_definition;
    EventFilterModel m_events;
};

} // namespace Stepscope
