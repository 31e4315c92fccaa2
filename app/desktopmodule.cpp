// The desktop module (see modules.h): the Qt Quick application.
#include "startup/guimain.h"

#include <QtGlobal>

extern "C" Q_DECL_EXPORT int stepscope_desktop(int argc, char* argv[])
{
    return Stepscope::guiMain(argc, argv);
}
