#include "validator.h"

namespace Stepscope {

// Placeholder until the States Language checks land (issue 2, validator).
Diagnostics validateDefinition(const SourceDocument&)
{
    return {};
}

} // namespace Stepscope
