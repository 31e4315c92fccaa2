#include "compare.h"

#include <nlohmann/json.hpp>

#include <QHash>

namespace Stepscope {

namespace {

using Json = nlohmann::ordered_json;

QString shortText(const Json& value)
{
    QString text = QString::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace));
    if (text.size() > 80)
        text = text.left(77) + QStringLiteral("…");
    return text;
}

std::string escapeToken(const std::string& key)
{
    std::string out;
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

void diff(const Json& a, const Json& b, const std::string& pointer, QStringList& lines, int& extra, int maxLines)
{
    auto add = [&](const QString& line) {
        if (lines.size() < maxLines)
            lines.append(line);
        else
            ++extra;
    };
    const QString where = QString::fromStdString(pointer.empty() ? std::string("/") : pointer);
    if (a.is_object() && b.is_object()) {
        for (auto it = a.begin(); it != a.end(); ++it) {
            const std::string child = pointer + "/" + escapeToken(it.key());
            const auto other = b.find(it.key());
            if (other == b.end())
                add(QStringLiteral("%1: removed %2").arg(QString::fromStdString(child), shortText(it.value())));
            else
                diff(it.value(), *other, child, lines, extra, maxLines);
        }
        for (auto it = b.begin(); it != b.end(); ++it) {
            if (!a.contains(it.key()))
                add(QStringLiteral("%1: added %2")
                        .arg(QString::fromStdString(pointer + "/" + escapeToken(it.key())), shortText(it.value())));
        }
        return;
    }
    if (a.is_array() && b.is_array()) {
        const size_t common = std::min(a.size(), b.size());
        for (size_t i = 0; i < common; ++i)
            diff(a[i], b[i], pointer + "/" + std::to_string(i), lines, extra, maxLines);
        for (size_t i = common; i < a.size(); ++i)
            add(QStringLiteral("%1/%2: removed %3").arg(where == u'/' ? QString() : where).arg(i).arg(shortText(a[i])));
        for (size_t i = common; i < b.size(); ++i)
            add(QStringLiteral("%1/%2: added %3").arg(where == u'/' ? QString() : where).arg(i).arg(shortText(b[i])));
        return;
    }
    if (a != b)
        add(QStringLiteral("%1: %2 → %3").arg(where, shortText(a), shortText(b)));
}

struct StateSide {
    QString status;
    qint64 duration = -1;
    int runs = 0;
    QByteArray input;
    QByteArray output;
};

QHash<QString, StateSide> sides(const ArchivedExecution& e, QStringList& order)
{
    QHash<QString, StateSide> map;
    for (const ArchivedStateRun& run : e.runs) {
        const QString id = run.stateId();
        auto it = map.find(id);
        if (it == map.end()) {
            order.append(id);
            it = map.insert(id, {});
        }
        StateSide& side = it.value();
        ++side.runs;
        side.status = run.status;
        if (run.durationMs >= 0)
            side.duration = std::max<qint64>(side.duration, 0) + run.durationMs;
        side.input = run.input;
        side.output = run.output;
    }
    return map;
}

} // namespace

QStringList jsonDifferences(const QByteArray& a, const QByteArray& b, int maxLines)
{
    if (a == b)
        return {};
    QStringList lines;
    int extra = 0;
    const Json ja = Json::parse(a.constData(), a.constData() + a.size(), nullptr, false);
    const Json jb = Json::parse(b.constData(), b.constData() + b.size(), nullptr, false);
    if (a.isNull() || b.isNull() || ja.is_discarded() || jb.is_discarded()) {
        auto show = [](const QByteArray& t) {
            if (t.isNull())
                return QStringLiteral("(none)");
            QString s = QString::fromUtf8(t);
            return s.size() > 80 ? s.left(77) + QStringLiteral("…") : s;
        };
        return { QStringLiteral("/: %1 → %2").arg(show(a), show(b)) };
    }
    diff(ja, jb, std::string(), lines, extra, maxLines);
    if (extra > 0)
        lines.append(QStringLiteral("… %1 more").arg(extra));
    return lines;
}

ExecutionComparison compareExecutions(const ArchivedExecution& a, const ArchivedExecution& b)
{
    ExecutionComparison c;
    const QHash<QString, StateSide> sa = sides(a, c.pathA);
    const QHash<QString, StateSide> sb = sides(b, c.pathB);
    while (c.commonPrefix < c.pathA.size() && c.commonPrefix < c.pathB.size()
        && c.pathA.at(c.commonPrefix) == c.pathB.at(c.commonPrefix))
        ++c.commonPrefix;
    QStringList all = c.pathA;
    for (const QString& id : c.pathB) {
        if (!sa.contains(id)) {
            c.onlyInB.append(id);
            all.append(id);
        }
    }
    for (const QString& id : c.pathA) {
        if (!sb.contains(id))
            c.onlyInA.append(id);
    }
    for (const QString& id : all) {
        StateDifference d;
        d.stateId = id;
        const auto ia = sa.constFind(id);
        const auto ib = sb.constFind(id);
        if (ia != sa.constEnd()) {
            d.statusA = ia->status;
            d.durationA = ia->duration;
            d.runsA = ia->runs;
        }
        if (ib != sb.constEnd()) {
            d.statusB = ib->status;
            d.durationB = ib->duration;
            d.runsB = ib->runs;
        }
        if (ia != sa.constEnd() && ib != sb.constEnd()) {
            d.inputChanges = jsonDifferences(ia->input, ib->input);
            d.outputChanges = jsonDifferences(ia->output, ib->output);
        }
        c.states.append(std::move(d));
    }
    return c;
}

} // namespace Stepscope
