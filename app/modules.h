#pragma once

#include <QStringList>

// The executable links QtCore and the file-reading model only, so that commands such as `validate` start in a few
// milliseconds. Drawing (`export`) and the desktop window need QtGui, QtSvg and Qt Quick, whose dynamic linking
// alone costs ~20 ms per process: they live in two modules, loaded when used from the executable's folder (build
// tree) or from the installed module folder.
//   stepscope-export.so   exportmodule.cpp   stepscope_export(const QStringList& arguments)
//   stepscope-desktop.so  desktopmodule.cpp  stepscope_desktop(int argc, char* argv[])

namespace Stepscope::Cli {

/// `stepscope export ...` through the export module; prints why and returns Failed when it cannot be loaded.
int runExportModule(const QStringList& arguments);

/// The desktop application through its module; prints why and returns Failed when it cannot be loaded.
int runDesktopModule(int argc, char* argv[]);

} // namespace Stepscope::Cli
