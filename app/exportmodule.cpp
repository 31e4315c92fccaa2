// The export module (see modules.h): `stepscope export`, with QtGui, QtSvg and Graphviz.
#include "exportcommand.h"
#include "output.h"

extern "C" Q_DECL_EXPORT int stepscope_export(const QStringList& arguments)
{
    const int code = Stepscope::Cli::exportCommand(arguments);
    Stepscope::Cli::out().flush();
    Stepscope::Cli::err().flush();
    return code;
}
