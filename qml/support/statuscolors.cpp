#include "support/statuscolors.h"

#include "render/statuspalette.h"

namespace Stepscope {

QColor StatusColors::color(const QString& key, bool dark) const
{
    bool ok = false;
    const RunStatus status = runStatusFromKey(key, &ok);
    return ok ? statusColor(status, dark) : QColor();
}

} // namespace Stepscope
