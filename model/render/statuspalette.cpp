#include "statuspalette.h"

namespace Stepscope {

namespace {

struct StatusColours {
    RunStatus status;
    QRgb light;
    QRgb dark;
};

// The AWS console's status colours (light), and brighter ones that read on a dark canvas.
constexpr StatusColours Palette[] = {
    { RunStatus::Succeeded, 0x1d8102, 0x3fb950 },
    { RunStatus::Failed, 0xd13212, 0xff6b6b },
    { RunStatus::Caught, 0xec7211, 0xff9f43 },
    { RunStatus::Retried, 0xb7791f, 0xe3b341 },
    { RunStatus::Running, 0x0972d3, 0x4ea1ff },
    { RunStatus::Aborted, 0x545b64, 0x9aa4af },
    { RunStatus::TimedOut, 0x545b64, 0x9aa4af },
    { RunStatus::NotRun, 0xc6ccd3, 0x4b535c },
};

} // namespace

QColor statusColor(RunStatus status, bool dark)
{
    for (const StatusColours& entry : Palette) {
        if (entry.status == status)
            return QColor::fromRgb(dark ? entry.dark : entry.light);
    }
    return {}; // not reached: every status is in the table
}

} // namespace Stepscope
