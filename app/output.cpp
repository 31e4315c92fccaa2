#include "output.h"

#include <cstdio>

namespace Stepscope::Cli {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace Stepscope::Cli
