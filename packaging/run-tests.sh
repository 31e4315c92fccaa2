#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs every test (GUI tests in a real X server with
# Mesa's OpenGL), then builds the model and command-line tests with AddressSanitizer + UBSan and runs them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/packaging/install-deps.sh"
export STEPSCOPE_CORPUS=${STEPSCOPE_CORPUS:-$root/../shared/corpus}
if [ ! -d "$STEPSCOPE_CORPUS" ]; then
    echo "run-tests: STEPSCOPE_CORPUS=$STEPSCOPE_CORPUS does not exist" >&2
    exit 1
fi
export STEPSCOPE_CORPUS=$(cd "$STEPSCOPE_CORPUS" && pwd)

echo "== build"
STEPSCOPE_BUILD_DIR=$root/build bash "$root/packaging/build.sh"
echo "== tests"
xvfb-run -a -s "-screen 0 1600x1000x24" ctest --test-dir "$root/build" --output-on-failure --timeout 900 -j "$(nproc)"

echo "== build with AddressSanitizer and UndefinedBehaviorSanitizer"
STEPSCOPE_BUILD_DIR=$root/build-asan bash "$root/packaging/build.sh" -DSTEPSCOPE_SANITIZE=ON -DSTEPSCOPE_BUILD_GUI=OFF
echo "== tests under the sanitizers"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$root/build-asan" --output-on-failure --timeout 1800 -j "$(nproc)" -LE nosanitize
