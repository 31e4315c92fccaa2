#pragma once

#include "document/documentloader.h"

#include <QAbstractListModel>
#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Stepscope {

/// Every event of an execution, one row each; the text of a row is built when the row is shown.
class EventModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TimeRole, ///< "+1.234 s" since the execution started
        TimestampRole, ///< ISO 8601 with milliseconds
        TypeRole,
        CategoryRole, ///< "failure", "task", "state", "map", "parallel", "execution", "other"
        StateRole, ///< the state's name (from the event or from the run it belongs to)
        StateIndexRole,
        DetailRole, ///< one line: error, resource, or the start of the payload
        EventIndexRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;
    /// Shows the events of `document`'s execution (none without one); the model shares the document.
    void setDocument(std::shared_ptr<const LoadedDocument> document);

    [[nodiscard]] const Execution* execution() const { return m_doc ? m_doc->execution.get() : nullptr; }
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    /// Everything about one event as text, for "copy row".
    [[nodiscard]] QString eventText(int row) const;

    [[nodiscard]] static QString categoryOf(HistoryEventType type, const QString& typeName);
    [[nodiscard]] QString stateNameOf(int row) const;
    [[nodiscard]] StateIndex stateIndexOf(int row) const;

private:
    std::shared_ptr<const LoadedDocument> m_doc;
};

/// Filters the event table by category, state and text; keeps id order (no sorting: the order is the story).
class EventFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY filterChanged)
    Q_PROPERTY(QString stateName READ stateName WRITE setStateName NOTIFY filterChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    explicit EventFilterModel(QObject* parent = nullptr);

    [[nodiscard]] QString category() const { return m_category; }
    void setCategory(const QString& category);
    [[nodiscard]] QString stateName() const { return m_stateName; }
    void setStateName(const QString& name);
    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString& text);
    /// Only these event indexes (a state run's events); empty list: no restriction.
    void setEventSubset(const QList<int>& events, bool restrict);
    [[nodiscard]] int count() const { return rowCount(); }

    /// The source row (event index) of a filtered row, -1 if out of range.
    [[nodiscard]] Q_INVOKABLE int eventIndex(int row) const;
    /// The filtered row showing an event, -1 when it is filtered out.
    [[nodiscard]] Q_INVOKABLE int rowOfEvent(int eventIndex) const;
    [[nodiscard]] Q_INVOKABLE QString rowText(int row) const;

Q_SIGNALS:
    void filterChanged();
    void countChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void refilter();

    QString m_category;
    QString m_stateName;
    QString m_text;
    QList<bool> m_subset;
    bool m_restricted = false;
};

} // namespace Stepscope
