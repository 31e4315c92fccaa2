#pragma once

#include "document/documentloader.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// The Gantt rows of an execution: one row per state run in start order, with its lane (branch / iteration),
/// its task attempts as segments (retry waits are the gaps between them) and its status.
class TimelineModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
    Q_PROPERTY(double totalMs READ totalMs NOTIFY totalChanged)
    Q_PROPERTY(int laneCount READ laneCount NOTIFY totalChanged)
public:
    enum Role { LabelRole = Qt::UserRole + 1, LaneRole, StartRole, EndRole, StatusRole, SegmentsRole, StateRole,
        TimesRole };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;
    /// Shows the runs of `document`'s execution (none without one); the model shares the document.
    void setDocument(std::shared_ptr<const LoadedDocument> document);

    [[nodiscard]] double totalMs() const { return m_totalMs; }
    [[nodiscard]] int laneCount() const { return m_laneCount; }
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void totalChanged();

private:
    [[nodiscard]] double offset(const QDateTime& t) const;

    std::shared_ptr<const LoadedDocument> m_doc;
    QDateTime m_origin;
    QList<int> m_rows; ///< indexes into RunIndex::runs(), in start order
    double m_totalMs = 0;
    int m_laneCount = 1;
};

} // namespace Stepscope
