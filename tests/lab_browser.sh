#!/usr/bin/env bash
# JupyterLab tested in a real browser (tests/lab_browser.py): JupyterLab started
# headless with scripts/lab's configuration, notebooks/01_sales_report.ipynb
# opened in headless Chromium (Playwright), its cells run up to the first chart,
# then a table, an SVG chart and no error output are checked and a screenshot is
# saved to out/lab_notebook01.png. Installs the pinned playwright pip package
# into the venv if missing, and Chromium with apt-get when run as root; without
# root and without /usr/bin/chromium it prints SKIPPED and exits 0.
set -euo pipefail
synopsis="usage: tests/lab_browser.sh [options]"
usage() {
  cat <<EOF
$synopsis
Starts JupyterLab headless (scripts/lab's configuration, a free port, a token),
opens notebooks/01_sales_report.ipynb in headless Chromium via Playwright, runs its
cells up to and including the first chart (the first code cell calling charts::)
and checks: an HTML table and an SVG chart visible in output areas, no error or
stderr output. Saves a screenshot scrolled to the chart to out/lab_notebook01.png.
Installs the pinned playwright pip package (environment.yml) if missing; installs
Debian's chromium package with apt-get when run as root, otherwise prints SKIPPED
and exits 0 if /usr/bin/chromium is missing. Waits while another Rust kernel holds
the shared build directory (a second kernel would build everything cold).
  --update-docs      also copy the screenshot to docs/screenshot-notebook01.png
  --notebook PATH    another notebook (must call charts::; default
                     notebooks/01_sales_report.ipynb)
  -h, --help         print this help and exit
EOF
}
usage_error() { printf 'tests/lab_browser.sh: %s\n%s\n' "$1" "$synopsis" >&2; exit 2; }
py_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --update-docs) py_args+=(--update-docs) ;;
    --notebook)
      if [ $# -lt 2 ] || [ -z "$2" ] || [[ "$2" == -* ]]; then usage_error "option '--notebook' needs a value (a .ipynb file)"; fi
      [ -f "$2" ] || usage_error "no such notebook: $2"
      py_args+=(--notebook "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift ;;
    -*) usage_error "unknown option '$1'" ;;
    *) usage_error "unexpected argument '$1'" ;;
  esac
  shift
done

# The browser: Debian's chromium package (Playwright's own browser download is
# not used; AMAZON_SALES_CHROMIUM moves it, for testing this script).
chromium="${AMAZON_SALES_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && [ "$chromium" = /usr/bin/chromium ] && command -v apt-get >/dev/null; then
    echo "lab_browser: installing Debian's chromium package (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "lab_browser: SKIPPED: $chromium is missing; install Debian's 'chromium' package (sudo apt-get install chromium) to run the JupyterLab browser test"
    exit 0
  fi
fi
export AMAZON_SALES_CHROMIUM="$chromium"

source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$ROOT"

# The venv, the kernel and jupytext as scripts/lab has them (idempotent, quick
# when up to date); scripts/setup also installs playwright from environment.yml.
"$ROOT/scripts/setup"
pin=$(grep -o 'playwright==[0-9][0-9.]*' "$ROOT/environment.yml" | head -1)
[ -n "$pin" ] || { echo "lab_browser: no playwright==VERSION pin in environment.yml" >&2; exit 1; }
if [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print("playwright==" + m.version("playwright"))' 2>/dev/null)" != "$pin" ]; then
  echo "lab_browser: installing $pin into $VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "$pin"
fi

# One Rust kernel at a time: the one holding this lock has the warm build dir;
# a kernel started meanwhile would compile every dependency again (~30 min).
lock="$TOOLS/evcxr/session.lock"
if [ -e "$lock" ] && ! flock -n "$lock" true; then
  echo "lab_browser: another Rust kernel holds $lock; waiting for it to finish (up to 60 min)"
  flock -w 3600 "$lock" true || { echo "lab_browser: the other kernel is still running; giving up" >&2; exit 1; }
fi

exec "$VENV/bin/python" "$ROOT/tests/lab_browser.py" ${py_args[@]+"${py_args[@]}"}
