#pragma once

namespace Stepscope {

/// Starts the desktop application: parses the GUI command line, opens the window, runs the event loop.
int guiMain(int argc, char* argv[]);

} // namespace Stepscope
