#include "runstatus.h"

namespace Stepscope {

QString runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::NotRun:
        return QStringLiteral("not run");
    case RunStatus::Running:
        return QStringLiteral("running");
    case RunStatus::Succeeded:
        return QStringLiteral("succeeded");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    case RunStatus::Caught:
        return QStringLiteral("caught");
    case RunStatus::Retried:
        return QStringLiteral("retried");
    case RunStatus::Aborted:
        return QStringLiteral("aborted");
    case RunStatus::TimedOut:
        return QStringLiteral("timed out");
    }
    return QStringLiteral("not run");
}

QString runStatusKey(RunStatus status)
{
    return runStatusName(status).toUpper().replace(u' ', u'_');
}

RunStatus runStatusFromKey(QStringView key, bool* ok)
{
    for (RunStatus status : AllRunStatuses) {
        if (runStatusKey(status) == key) {
            if (ok)
                *ok = true;
            return status;
        }
    }
    if (ok)
        *ok = false;
    return RunStatus::NotRun;
}

} // namespace Stepscope
