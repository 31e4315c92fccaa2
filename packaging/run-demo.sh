#!/usr/bin/env bash
# The run command: installs what is missing, builds, and opens Stepscope on the bundled failed execution.
# With no display, renders the window to an image under Xvfb and says where it is.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/packaging/install-deps.sh"
STEPSCOPE_BUILD_DIR=$root/build bash "$root/packaging/build.sh"
app=$root/build/app/stepscope
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$app" --demo "$@"
fi
image=${STEPSCOPE_DEMO_IMAGE:-$root/build/stepscope-demo.png}
echo "run-demo: no display; rendering the demo under Xvfb"
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" "$app" --demo --screenshot "$image" "$@"
echo "run-demo: the demo window is in $image"
