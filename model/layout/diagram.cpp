#include "diagram.h"

namespace Stepscope {

int Diagram::nodeForState(StateIndex state) const
{
    for (int i = 0; i < nodes.size(); ++i) {
        if (nodes[i].state == state && nodes[i].ghostOf < 0)
            return i;
    }
    return -1;
}

QRectF Diagram::attachBox(int node) const
{
    if (node < 0 || node >= nodes.size())
        return {};
    const DiagramNode& n = nodes[node];
    if (n.group >= 0 && n.group < containers.size())
        return containers[n.group].box;
    return n.box;
}

} // namespace Stepscope
