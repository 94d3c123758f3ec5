#!/usr/bin/env bash
# One script for a fresh Debian machine: installs what landdesk needs, then
#   scripts/dev.sh demo   launches the app on a demo office database
#   scripts/dev.sh test   runs the whole test suite (what .ci/run does), then the tests that need
#                         no Qt again with the date moved to 2028-02-29 (faketime)
#   scripts/dev.sh fuzz   property tests with fresh randomness and ten times the examples
#   scripts/dev.sh setup  only installs
#   scripts/dev.sh build  builds the one-folder bundle and the installer (build_installer.py)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${LANDDESK_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

# Qt's runtime libraries (offscreen and X11), a Chinese TrueType font for PDFs (and a CJK-only
# one the font check must refuse),
# Xvfb for screenshots and headless runs, poppler for looking at PDFs as PNGs, and the
# PostgreSQL server programs: the tests start a throw-away server of their own (tests/pg.py),
# and faketime, to run the suite on another date.
DEBIAN_PACKAGES=(
  python3-venv python3-pip
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6
  fonts-wqy-zenhei fonts-droid-fallback xvfb xauth poppler-utils
  postgresql faketime
)

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { echo "not Debian: install the packages in scripts/dev.sh by hand" >&2; return 0; }
  local missing=()
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "please install as root: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_packages() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q -e ".[test]"
}

setup() {
  install_debian_packages
  install_python_packages
}

run_tests() {
  export QT_QPA_PLATFORM=offscreen
  echo "== ruff"
  "$VENV/bin/ruff" check app ui tests benchmarks scripts build_installer.py installer
  echo "== translations"
  "$VENV/bin/python" scripts/update_translations.py --check
  echo "== pytest"
  "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
  # Nothing may depend on today's date: the same tests on a leap day two years on.
  # (FAKETIME_DONT_FAKE_MONOTONIC would break Python's time.sleep: EINVAL from clock_nanosleep.)
  echo "== pytest, the date moved to $MOVED_DATE (tests that need no Qt)"
  faketime "$MOVED_DATE" \
    "$VENV/bin/python" -m pytest -q -p no:cacheprovider -m "not qt" "$@"
}

MOVED_DATE="${LANDDESK_MOVED_DATE:-2028-02-29 10:00:00}"

run_fuzz() {
  # What this finds becomes an explicit @example in the test (tests/props.py).
  export QT_QPA_PLATFORM=offscreen
  local files
  mapfile -t files < <(grep -l "@given" tests/test_*.py)
  LANDDESK_HYPOTHESIS_PROFILE=fuzz "$VENV/bin/python" -m pytest -q -p no:cacheprovider \
    -m "not qt" "${files[@]}" "$@"
}

run_demo() {
  local data="${LANDDESK_DATA_DIR:-$ROOT/.demo-data}"
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "no screen found: starting on a virtual screen (Xvfb); stop with Ctrl+C"
    exec xvfb-run -a -s "-screen 0 1366x768x24" "$VENV/bin/landdesk" --demo --data-dir "$data" "$@"
  fi
  exec "$VENV/bin/landdesk" --demo --data-dir "$data" "$@"
}

command="${1:-test}"
shift || true
case "$command" in
  setup) setup ;;
  test) setup; run_tests "$@" ;;
  fuzz) setup; run_fuzz "$@" ;;
  demo) setup; run_demo "$@" ;;
  build) setup; "$VENV/bin/python" -m pip install -q -e ".[build]"; "$VENV/bin/python" build_installer.py "$@" ;;
  *) echo "usage: scripts/dev.sh [setup|test|fuzz|demo|build]" >&2; exit 2 ;;
esac
