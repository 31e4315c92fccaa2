#include "layoutjson.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace Stepscope {

namespace {
using Json = nlohmann::ordered_json;

double round2(double v)
{
    return std::round(v * 100) / 100;
}

std::string str(const QString& text)
{
    return text.toStdString();
}
} // namespace

QByteArray layoutJson(const Diagram& diagram)
{
    Json root;
    root["width"] = round2(diagram.size.width());
    root["height"] = round2(diagram.size.height());
    auto containerId = [&](int c) { return c >= 0 ? Json(str(diagram.containers[c].id)) : Json(nullptr); };
    Json nodes = Json::array();
    for (const DiagramNode& node : diagram.nodes) {
        Json item;
        item["id"] = str(node.id);
        item["name"] = str(node.name);
        item["type"] = str(node.typeName);
        item["x"] = round2(node.box.x());
        item["y"] = round2(node.box.y());
        item["width"] = round2(node.box.width());
        item["height"] = round2(node.box.height());
        item["container"] = containerId(node.container);
        nodes.push_back(std::move(item));
    }
    root["nodes"] = std::move(nodes);
    Json containers = Json::array();
    for (const DiagramContainer& container : diagram.containers) {
        Json item;
        item["id"] = str(container.id);
        item["label"] = str(container.label);
        item["x"] = round2(container.box.x());
        item["y"] = round2(container.box.y());
        item["width"] = round2(container.box.width());
        item["height"] = round2(container.box.height());
        item["parent"] = containerId(container.parent);
        containers.push_back(std::move(item));
    }
    root["containers"] = std::move(containers);
    Json edges = Json::array();
    for (const DiagramEdge& edge : diagram.edges) {
        Json item;
        item["from"] = edge.fromContainer >= 0 ? str(diagram.containers[edge.fromContainer].id) : str(diagram.nodes[edge.from].id);
        item["to"] = edge.toContainer >= 0 ? str(diagram.containers[edge.toContainer].id) : str(diagram.nodes[edge.to].id);
        item["kind"] = str(edgeKindName(edge.kind));
        item["label"] = str(edge.label);
        Json points = Json::array();
        for (const QPointF& p : edge.points)
            points.push_back(Json::array({ round2(p.x()), round2(p.y()) }));
        item["points"] = std::move(points);
        edges.push_back(std::move(item));
    }
    root["edges"] = std::move(edges);
    return QByteArray::fromStdString(root.dump(1, ' ', false, Json::error_handler_t::replace)) + '\n';
}

} // namespace Stepscope
