#pragma once

#include "archivetypes.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Stepscope {

/// A get-execution-history document rebuilt from what the archive keeps of an execution, for when its source file is
/// gone: the execution's input, output, error and cause, and for each state run its input, output, timing, error,
/// cause and attempts. The archive keeps no events, so this is not the original history: task scheduling details,
/// retry intervals and Parallel / Map structure events are not there (runs inside branches and iterations are written
/// in order under their state names). `stateTypes` (state name → ASL type, from a definition) picks the event types
/// ("ChoiceStateEntered"); states without a type are written as Task states.
[[nodiscard]] QByteArray historyFromArchived(const ArchivedExecution& execution,
    const QHash<QString, QString>& stateTypes = {});

} // namespace Stepscope
