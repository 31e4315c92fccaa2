#pragma once

#include "archive/archivetypes.h"
#include "controllers/archivesession.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Stepscope {


/// The archived executions matching the filters, newest first, for the executions browser. Filters mean what
/// `stepscope search` options mean (Archive::search). The model is virtual: it knows the number of matches and
/// reads pages of rows off the UI thread as the view shows them, so 10,000 or 1,000,000 executions scroll alike.
class ExecutionListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Stepscope::ArchiveSession* archive READ archive WRITE setArchive NOTIFY archiveChanged)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filtersChanged) ///< "" all; "FAILED" or "FAILED,ABORTED"
    Q_PROPERTY(QString error READ error WRITE setError NOTIFY filtersChanged) ///< exact or with * wildcards
    Q_PROPERTY(QString state READ state WRITE setState NOTIFY filtersChanged) ///< ran this state (name or state id)
    Q_PROPERTY(QString stateMachine READ stateMachine WRITE setStateMachine NOTIFY filtersChanged)
    Q_PROPERTY(QString since READ since WRITE setSince NOTIFY filtersChanged) ///< like search --since
    Q_PROPERTY(QString until READ until WRITE setUntil NOTIFY filtersChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY filtersChanged) ///< full-text words
    Q_PROPERTY(int total READ total NOTIFY totalChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString message READ message NOTIFY totalChanged) ///< why the list is empty or a filter is ignored
    Q_PROPERTY(QStringList stateMachines READ stateMachines NOTIFY totalChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        StatusRole,
        StateMachineRole,
        StartRole,
        DurationRole,
        ErrorRole,
        RootCauseRole,
        SourceFileRole,
        LoadedRole, ///< false while the row's page is being read
    };
    Q_ENUM(Role)
    static constexpr int PageSize = 200;

    explicit ExecutionListModel(QObject* parent = nullptr);
    ~ExecutionListModel() override;

    [[nodiscard]] ArchiveSession* archive() const { return m_archive; }
    void setArchive(ArchiveSession* archive);
    [[nodiscard]] QString status() const { return m_status; }
    void setStatus(const QString& value) { setFilter(m_status, value); }
    [[nodiscard]] QString error() const { return m_error; }
    void setError(const QString& value) { setFilter(m_error, value); }
    [[nodiscard]] QString state() const { return m_state; }
    void setState(const QString& value) { setFilter(m_state, value); }
    [[nodiscard]] QString stateMachine() const { return m_stateMachine; }
    void setStateMachine(const QString& value) { setFilter(m_stateMachine, value); }
    [[nodiscard]] QString since() const { return m_since; }
    void setSince(const QString& value) { setFilter(m_since, value); }
    [[nodiscard]] QString until() const { return m_until; }
    void setUntil(const QString& value) { setFilter(m_until, value); }
    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString& value) { setFilter(m_text, value); }
    [[nodiscard]] int total() const { return m_total; }
    [[nodiscard]] bool loading() const { return m_loading > 0; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QStringList stateMachines() const { return m_stateMachines; }

    /// The query the filters make (no paging); sets `problem` when a time cannot be read (that filter is ignored).
    [[nodiscard]] SearchQuery query(QString* problem = nullptr) const;
    /// Queries again now (the archive changed).
    Q_INVOKABLE void refresh();
    /// One row as tab-separated text, for the clipboard.
    [[nodiscard]] Q_INVOKABLE QString rowText(int row) const;

    /// Opens the execution of `row` in the window: reads it off the UI thread, then emits openRequested with what to
    /// open. `definition` / `workflowName`: the definition the window shows, used when it is the same state machine.
    Q_INVOKABLE void open(int row, const QString& definition, const QString& workflowName);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void archiveChanged();
    void filtersChanged();
    void totalChanged();
    void loadingChanged();
    /// What to open for an archived execution; `note` says what is missing when the history had to be rebuilt.
    void openRequested(const QString& definition, const QString& history, const QString& executionArn, const QString& note);
    void openFailed(const QString& message);

private:
    void setFilter(QString& member, const QString& value);
    void requestPage(int page) const;
    void pageArrived(int generation, int page, qint64 total, const QList<ExecutionSummary>& rows);
    void setLoading(int delta);

    QPointer<ArchiveSession> m_archive;
    QString m_status, m_error, m_state, m_stateMachine, m_since, m_until, m_text;
    QString m_message;
    QStringList m_stateMachines;
    int m_total = 0;
    int m_generation = 0;
    int m_loading = 0;
    QHash<int, QList<ExecutionSummary>> m_pages;
    mutable QSet<int> m_requested; ///< pages asked for in this generation (data() asks for missing pages)
    QTimer m_debounce;
    std::unique_ptr<QTemporaryDir> m_tempDir; ///< rebuilt histories and archived definitions opened from here
};

} // namespace Stepscope
