#pragma once

#include <QAbstractItemModel>
#include <nlohmann/json.hpp>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

namespace Stepscope {

/// A JSON payload (a state's input, output, a Lambda cause, a definition) as a tree for the inspector.
/// Parsed once when the text is set (in payload key order); children are built on first access, so a 256 KB
/// payload costs one parse and only the rows a user opens.
/// Text that is not JSON is shown as one string row, never dropped.
class JsonTreeModel : public QAbstractItemModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(bool isJson READ isJson NOTIFY textChanged)
    Q_PROPERTY(bool isEmpty READ isEmpty NOTIFY textChanged)
    Q_PROPERTY(QString parseError READ parseError NOTIFY textChanged)
public:
    enum Role { KeyRole = Qt::UserRole + 1, ValueRole, KindRole, PathRole, SummaryRole };
    Q_ENUM(Role)

    explicit JsonTreeModel(QObject* parent = nullptr);
    ~JsonTreeModel() override;

    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString& text);
    [[nodiscard]] bool isJson() const { return m_isJson; }
    [[nodiscard]] bool isEmpty() const { return m_text.isEmpty(); }
    [[nodiscard]] QString parseError() const { return m_parseError; }

    /// The value at `index`: strings as they are (unquoted), everything else as indented JSON.
    [[nodiscard]] Q_INVOKABLE QString valueText(const QModelIndex& index) const;
    /// The JSONPath of the value at `index`: $.order.lines[17]["odd key"].
    [[nodiscard]] Q_INVOKABLE QString pathText(const QModelIndex& index) const;
    /// The whole payload, indented (or the text as it came when it is not JSON).
    [[nodiscard]] Q_INVOKABLE QString allText() const;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex& child) const override;
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] bool hasChildren(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void textChanged();

private:
    struct Node {
        Node* parent = nullptr;
        int row = 0;
        QString key; ///< object key, or empty for array elements and the root
        int arrayIndex = -1; ///< array element index, -1 otherwise
        const nlohmann::ordered_json* value = nullptr; ///< points into m_document
        bool populated = false;
        std::vector<std::unique_ptr<Node>> children;
    };

    [[nodiscard]] Node* nodeFor(const QModelIndex& index) const;
    void populate(Node* node) const;
    [[nodiscard]] static int childCountOf(const nlohmann::ordered_json* value);

    QString m_text;
    bool m_isJson = false;
    QString m_parseError;
    nlohmann::ordered_json m_document; ///< keeps keys in payload order, as the user wrote them
    std::unique_ptr<Node> m_root; ///< invisible root whose only child is the payload
};

} // namespace Stepscope
