#include "graphvizlayout.h"

#include "simplelayout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <QElapsedTimer>
#include <QHash>

#include <cerrno>
#include <dlfcn.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Stepscope {

namespace {

std::mutex& graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

// gvContext() registers every installed plugin and then lays text out with pango and fontconfig: 20-40 ms before
// any work, per call. Node sizes are ours, so only the dot layout plugin is needed: load just that (once).
const lt_symlist_t* dotOnlyPlugins()
{
    static lt_symlist_t symbols[2] = { { nullptr, nullptr }, { nullptr, nullptr } };
    static const bool loaded = [] {
#ifdef STEPSCOPE_GRAPHVIZ_DOT_PLUGIN
        void* handle = ::dlopen(STEPSCOPE_GRAPHVIZ_DOT_PLUGIN, RTLD_NOW | RTLD_LOCAL);
        void* library = handle ? ::dlsym(handle, "gvplugin_dot_layout_LTX_library") : nullptr;
        if (library) {
            symbols[0].name = "gvplugin_dot_layout_LTX_library";
            symbols[0].address = library;
            return true;
        }
#endif
        return false;
    }();
    return loaded ? symbols : nullptr;
}

// ---- child side: plain C and write(2) only, then _exit ----

void appendf(std::string& out, const char* format, double a, double b, double c, double d)
{
    char buffer[160];
    const int n = std::snprintf(buffer, sizeof buffer, format, a, b, c, d);
    out.append(buffer, size_t(std::max(0, n)));
}

void writeAll(int fd, const std::string& data)
{
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += size_t(n);
    }
}

void collectClusters(Agraph_t* graph, std::string& out)
{
    for (int i = 1; i <= GD_n_cluster(graph); ++i) {
        Agraph_t* sub = GD_clust(graph)[i];
        out += "C ";
        out += agnameof(sub);
        const boxf bb = GD_bb(sub);
        appendf(out, " %.3f %.3f %.3f %.3f\n", bb.LL.x, bb.LL.y, bb.UR.x, bb.UR.y);
        collectClusters(sub, out);
    }
}

[[noreturn]] void childMain(int fd, const std::string& dot, const lt_symlist_t* plugins, GraphvizLayout::Fault fault)
{
    // The parent's crash handlers (Qt Test's, a crash reporter's) must not run here: a crash just ends the child.
    for (const int sig : { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTERM, SIGPIPE })
        std::signal(sig, SIG_DFL);
    if (fault == GraphvizLayout::Fault::Crash)
        std::abort();
    if (fault == GraphvizLayout::Fault::Hang) {
        for (;;)
            ::pause();
    }
    if (fault == GraphvizLayout::Fault::Error) {
        writeAll(fd, "ERROR injected failure\n");
        _exit(3);
    }
    GVC_t* gvc = plugins ? gvContextPlugins(plugins, 0) : gvContext();
    Agraph_t* graph = agmemread(dot.c_str());
    if (!graph) {
        writeAll(fd, "ERROR Graphviz could not read the graph\n");
        _exit(3);
    }
    if (gvLayout(gvc, graph, "dot") != 0) {
        writeAll(fd, "ERROR Graphviz layout failed\n");
        _exit(3);
    }
    std::string out;
    out.reserve(dot.size() * 2);
    const boxf bb = GD_bb(graph);
    appendf(out, "B %.3f %.3f %.3f %.3f\n", bb.LL.x, bb.LL.y, bb.UR.x, bb.UR.y);
    for (Agnode_t* node = agfstnode(graph); node; node = agnxtnode(graph, node)) {
        out += "N ";
        out += agnameof(node);
        appendf(out, " %.3f %.3f %.3f %.3f\n", ND_coord(node).x, ND_coord(node).y, ND_width(node) * 72,
            ND_height(node) * 72);
    }
    collectClusters(graph, out);
    for (Agnode_t* node = agfstnode(graph); node; node = agnxtnode(graph, node)) {
        for (Agedge_t* edge = agfstout(graph, node); edge; edge = agnxtout(graph, edge)) {
            const char* id = agget(edge, const_cast<char*>("id"));
            if (!id || !*id)
                continue;
            out += "E ";
            out += id;
            const splines* spl = ED_spl(edge);
            if (spl && spl->size > 0) {
                const bezier& bz = spl->list[0];
                char buffer[96];
                // sp / ep are uninitialised unless their flag is set.
                std::snprintf(buffer, sizeof buffer, " %d %d %.3f %.3f %d %.3f %.3f %d", bz.sflag ? 1 : 0, 0,
                    bz.sflag ? bz.sp.x : 0.0, bz.sflag ? bz.sp.y : 0.0, bz.eflag ? 1 : 0, bz.eflag ? bz.ep.x : 0.0,
                    bz.eflag ? bz.ep.y : 0.0, bz.size);
                out += buffer;
                for (int i = 0; i < bz.size; ++i) {
                    std::snprintf(buffer, sizeof buffer, " %.3f %.3f", bz.list[i].x, bz.list[i].y);
                    out += buffer;
                }
            } else {
                out += " 0 0 0 0 0 0 0 0";
            }
            const textlabel_t* label = ED_label(edge);
            if (label && label->set)
                appendf(out, " L %.3f %.3f %.3f %.3f\n", label->pos.x, label->pos.y, label->dimen.x, label->dimen.y);
            else
                out += " -\n";
        }
    }
    out += "END\n";
    writeAll(fd, out);
    _exit(0); // no gvFreeLayout: 2.42 has double-freed there; the process is gone anyway
}

// ---- parent side ----

struct Parsed {
    double height = 0; // graph bounding box top, for flipping y
    QRectF bounds;
    QHash<QByteArray, QRectF> nodes; // centre-based boxes, y up
    QHash<QByteArray, QRectF> clusters;
    struct EdgeData {
        bool sflag = false, eflag = false;
        QPointF sp, ep;
        QList<QPointF> points;
        bool hasLabel = false;
        QPointF labelPos;
    };
    QHash<int, EdgeData> edges;
};

bool parseOutput(const QByteArray& text, Parsed& parsed, QString* error)
{
    const QList<QByteArray> lines = text.split('\n');
    bool complete = false;
    for (const QByteArray& line : lines) {
        if (line.isEmpty())
            continue;
        if (line.startsWith("ERROR ")) {
            *error = QString::fromUtf8(line.mid(6));
            return false;
        }
        if (line == "END") {
            complete = true;
            break;
        }
        const QList<QByteArray> f = line.split(' ');
        auto num = [&](int i) { return i < f.size() ? f[i].toDouble() : 0.0; };
        if (f[0] == "B" && f.size() >= 5) {
            parsed.bounds = QRectF(QPointF(num(1), num(2)), QPointF(num(3), num(4)));
        } else if (f[0] == "N" && f.size() >= 6) {
            const QSizeF size(num(4), num(5));
            parsed.nodes.insert(f[1], QRectF(QPointF(num(2), num(3)) - QPointF(size.width() / 2, size.height() / 2), size));
        } else if (f[0] == "C" && f.size() >= 6) {
            parsed.clusters.insert(f[1], QRectF(QPointF(num(2), num(3)), QPointF(num(4), num(5))));
        } else if (f[0] == "E" && f.size() >= 10) {
            Parsed::EdgeData data;
            const int id = f[1].mid(1).toInt();
            data.sflag = num(2) != 0;
            data.sp = QPointF(num(4), num(5));
            data.eflag = num(6) != 0;
            data.ep = QPointF(num(7), num(8));
            const int count = int(num(9));
            int i = 10;
            for (int k = 0; k < count && i + 1 < f.size(); ++k, i += 2)
                data.points.append(QPointF(num(i), num(i + 1)));
            if (i < f.size() && f[i] == "L") {
                data.hasLabel = true;
                data.labelPos = QPointF(num(i + 1), num(i + 2));
            }
            parsed.edges.insert(id, data);
        }
    }
    if (!complete)
        *error = QStringLiteral("Graphviz output was incomplete");
    return complete;
}

GraphvizLayout::Fault faultFromEnvironment(GraphvizLayout::Fault fault)
{
    const QByteArray value = qgetenv("STEPSCOPE_TEST_GRAPHVIZ");
    if (value == "crash")
        return GraphvizLayout::Fault::Crash;
    if (value == "hang")
        return GraphvizLayout::Fault::Hang;
    if (value == "error")
        return GraphvizLayout::Fault::Error;
    return fault;
}

} // namespace

std::optional<LayoutGeometry> GraphvizLayout::run(const LayoutGraph& graph, int timeoutMs, Fault fault, QString* error)
{
    const std::string dot = graph.toDot();
    QByteArray output;
    int status = 0;
    {
        const std::lock_guard lock(graphvizMutex());
        const lt_symlist_t* plugins = dotOnlyPlugins();
        int fds[2];
        if (::pipe(fds) != 0) {
            *error = QStringLiteral("could not create a pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return std::nullopt;
        }
        const pid_t pid = ::fork();
        if (pid < 0) {
            ::close(fds[0]);
            ::close(fds[1]);
            *error = QStringLiteral("could not start the layout process: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return std::nullopt;
        }
        if (pid == 0) {
            ::close(fds[0]);
            childMain(fds[1], dot, plugins, fault);
        }
        ::close(fds[1]);
        QElapsedTimer timer;
        timer.start();
        bool timedOut = false;
        char buffer[65536];
        for (;;) {
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0) {
                timedOut = true;
                break;
            }
            pollfd pfd { fds[0], POLLIN, 0 };
            const int ready = ::poll(&pfd, 1, int(std::min<qint64>(left, 1000)));
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready == 0)
                continue;
            const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            output.append(buffer, n);
        }
        ::close(fds[0]);
        if (timedOut)
            ::kill(pid, SIGKILL);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
        if (timedOut) {
            *error = QStringLiteral("Graphviz took longer than %1 ms").arg(timeoutMs);
            return std::nullopt;
        }
    }
    if (WIFSIGNALED(status)) {
        *error = QStringLiteral("Graphviz crashed (signal %1)").arg(WTERMSIG(status));
        return std::nullopt;
    }
    Parsed parsed;
    if (!parseOutput(output, parsed, error))
        return std::nullopt;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        *error = QStringLiteral("Graphviz exited with status %1").arg(WEXITSTATUS(status));
        return std::nullopt;
    }

    // Graphviz: y up, origin at the bounding box's lower left. Ours: y down, origin top-left, a small margin.
    constexpr qreal Margin = 4;
    const QRectF bounds = parsed.bounds;
    auto point = [&](QPointF p) { return QPointF(p.x() - bounds.left() + Margin, bounds.bottom() - p.y() + Margin); };
    auto rect = [&](const QRectF& r) {
        return QRectF(point(QPointF(r.left(), r.bottom())), point(QPointF(r.right(), r.top()))).normalized();
    };
    LayoutGeometry geometry;
    geometry.size = QSizeF(bounds.width() + 2 * Margin, bounds.height() + 2 * Margin);
    for (const LayoutGraph::Node& node : graph.nodes) {
        const auto it = parsed.nodes.constFind(QByteArray::fromStdString(node.name));
        if (it == parsed.nodes.cend()) {
            *error = QStringLiteral("Graphviz lost node %1").arg(QString::fromStdString(node.name));
            return std::nullopt;
        }
        geometry.nodeBoxes.append(rect(*it));
    }
    for (const LayoutGraph::Cluster& cluster : graph.clusters) {
        const auto it = parsed.clusters.constFind(QByteArray::fromStdString(cluster.name));
        if (it == parsed.clusters.cend()) {
            *error = QStringLiteral("Graphviz lost cluster %1").arg(QString::fromStdString(cluster.name));
            return std::nullopt;
        }
        geometry.clusterBoxes.append(rect(*it));
    }
    for (int i = 0; i < graph.edges.size(); ++i) {
        const LayoutGraph::Edge& edge = graph.edges[i];
        const Parsed::EdgeData data = parsed.edges.value(i);
        QList<QPointF> points;
        if (!edge.invisible) {
            // As written: optional arrow at the tail (sp), the spline, optional arrow at the head (ep).
            if (data.points.size() < 4) {
                *error = QStringLiteral("Graphviz drew no path for an edge");
                return std::nullopt;
            }
            if (data.sflag)
                appendLine(points, point(data.sp), point(data.points.first()));
            for (int k = 0; k < data.points.size(); ++k) {
                if (k == 0 && !points.isEmpty())
                    continue;
                points.append(point(data.points[k]));
            }
            if (data.eflag)
                appendLine(points, points.last(), point(data.ep));
            if (edge.reversed)
                std::reverse(points.begin(), points.end());
        }
        geometry.edgePoints.append(points);
        geometry.edgeLabelCenters.append(data.hasLabel ? point(data.labelPos) : QPointF());
    }
    return geometry;
}

Diagram GraphvizLayout::layout(const Workflow& workflow, const LayoutOptions& options)
{
    const LayoutGraph graph = LayoutGraph::build(workflow, options);
    QString error;
    if (const std::optional<LayoutGeometry> geometry = run(graph, options.timeoutMs, faultFromEnvironment(m_fault), &error))
        return assembleDiagram(workflow, graph, *geometry, LayoutEngineKind::Graphviz);
    Diagram diagram = assembleDiagram(workflow, graph, SimpleLayout::place(graph), LayoutEngineKind::Simple);
    diagram.diagnostics.append({ Severity::Warning,
        QStringLiteral("%1; a simple layout is shown instead").arg(error), QString(), SourcePos(), QString() });
    return diagram;
}

} // namespace Stepscope
