#include "models/jsontreemodel.h"

#include <QRegularExpression>

#include <cmath>

namespace Stepscope {

namespace {

using Json = nlohmann::ordered_json;

constexpr int MaxShownString = 200; // longer strings are elided in the row; copy value gives them whole

QString toQ(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString kindOf(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::object:
        return QStringLiteral("object");
    case Json::value_t::array:
        return QStringLiteral("array");
    case Json::value_t::string:
        return QStringLiteral("string");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return QStringLiteral("number");
    case Json::value_t::boolean:
        return QStringLiteral("boolean");
    case Json::value_t::null:
        return QStringLiteral("null");
    default:
        return QStringLiteral("other");
    }
}

/// Strings as they are (no quotes, no escapes), everything else as JSON; objects and arrays indented.
QString valueString(const Json& value)
{
    if (value.is_string())
        return toQ(value.get_ref<const std::string&>());
    if (value.is_structured())
        return toQ(value.dump(2, ' ', false, Json::error_handler_t::replace));
    return toQ(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->populated = true;
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setText(const QString& text)
{
    if (text == m_text)
        return;
    beginResetModel();
    m_text = text;
    m_root = std::make_unique<Node>();
    m_root->populated = true;
    m_parseError.clear();
    m_isJson = false;
    m_document = Json();
    if (!text.isEmpty()) {
        const QByteArray utf8 = text.toUtf8();
        try {
            m_document = Json::parse(utf8.constBegin(), utf8.constEnd());
            m_isJson = true;
        } catch (const Json::exception& e) {
            // Not JSON (a plain-text cause, a truncated payload): shown as one string, with the reason.
            m_parseError = QString::fromUtf8(e.what());
            m_document = Json(utf8.toStdString());
        }
        auto top = std::make_unique<Node>();
        top->parent = m_root.get();
        top->value = &m_document;
        m_root->children.push_back(std::move(top));
    }
    endResetModel();
    Q_EMIT textChanged();
}

JsonTreeModel::Node* JsonTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

int JsonTreeModel::childCountOf(const Json* value)
{
    return value && value->is_structured() ? static_cast<int>(value->size()) : 0;
}

void JsonTreeModel::populate(Node* node) const
{
    if (node->populated)
        return;
    node->populated = true;
    const Json& value = *node->value;
    if (value.is_object()) {
        node->children.reserve(value.size());
        int row = 0;
        for (auto it = value.begin(); it != value.end(); ++it) {
            auto child = std::make_unique<Node>();
            child->parent = node;
            child->row = row++;
            child->key = toQ(it.key());
            child->value = &it.value();
            node->children.push_back(std::move(child));
        }
    } else if (value.is_array()) {
        node->children.reserve(value.size());
        for (size_t i = 0; i < value.size(); ++i) {
            auto child = std::make_unique<Node>();
            child->parent = node;
            child->row = static_cast<int>(i);
            child->arrayIndex = static_cast<int>(i);
            child->value = &value[i];
            node->children.push_back(std::move(child));
        }
    }
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0 || parent.column() > 0)
        return {};
    Node* node = nodeFor(parent);
    populate(node);
    if (row >= static_cast<int>(node->children.size()))
        return {};
    return createIndex(row, 0, node->children[static_cast<size_t>(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    Node* parent = nodeFor(child)->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, 0, parent);
}

int JsonTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    Node* node = nodeFor(parent);
    if (node == m_root.get())
        return static_cast<int>(node->children.size());
    return childCountOf(node->value);
}

int JsonTreeModel::columnCount(const QModelIndex&) const
{
    return 1;
}

bool JsonTreeModel::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0;
}

QVariant JsonTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* node = nodeFor(index);
    const Json& value = *node->value;
    switch (role) {
    case KeyRole:
        if (node->arrayIndex >= 0)
            return QStringLiteral("[%1]").arg(node->arrayIndex);
        if (node->parent == m_root.get())
            return m_isJson ? QStringLiteral("$") : QStringLiteral("(not JSON)");
        return node->key;
    case Qt::DisplayRole:
    case ValueRole: {
        if (value.is_structured())
            return data(index, SummaryRole);
        QString text = valueString(value);
        if (text.size() > MaxShownString)
            text = text.left(MaxShownString) + QStringLiteral("… (%1 characters)").arg(text.size());
        // One line per row: a multi-line string (a stack trace) is read whole through copy value.
        text.replace(u'\n', QStringLiteral(" ⏎ "));
        if (value.is_string() && m_isJson)
            return u'"' + text + u'"';
        return text;
    }
    case KindRole:
        return kindOf(value);
    case PathRole:
        return pathText(index);
    case SummaryRole: {
        const int n = childCountOf(&value);
        if (value.is_object())
            return n == 1 ? QStringLiteral("{1 key}") : QStringLiteral("{%1 keys}").arg(n);
        if (value.is_array())
            return n == 1 ? QStringLiteral("[1 item]") : QStringLiteral("[%1 items]").arg(n);
        return QString();
    }
    default:
        return {};
    }
}

QString JsonTreeModel::valueText(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    return valueString(*nodeFor(index)->value);
}

QString JsonTreeModel::pathText(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QStringList parts;
    for (const Node* node = nodeFor(index); node && node->parent && node->parent != m_root.get();
         node = node->parent) {
        if (node->arrayIndex >= 0) {
            parts.prepend(QStringLiteral("[%1]").arg(node->arrayIndex));
        } else if (identifier.match(node->key).hasMatch()) {
            parts.prepend(u'.' + node->key);
        } else {
            QString escaped = node->key;
            escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
            parts.prepend(QStringLiteral("['%1']").arg(escaped));
        }
    }
    return u'$' + parts.join(QString());
}

QString JsonTreeModel::allText() const
{
    if (m_root->children.empty())
        return {};
    return m_isJson ? valueString(m_document) : m_text;
}

QHash<int, QByteArray> JsonTreeModel::roleNames() const
{
    return { { Qt::DisplayRole, "display" }, { KeyRole, "key" }, { ValueRole, "value" }, { KindRole, "kind" },
        { PathRole, "path" }, { SummaryRole, "summary" } };
}

} // namespace Stepscope
