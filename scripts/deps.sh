#!/bin/sh
# Installs what building and testing socai needs on a fresh Debian (12) machine.
# Idempotent: installs only what is missing, and says what it does.
#
#   scripts/deps.sh            apt packages, Wails CLI, frontend npm packages
#
# Go (see go.mod) and Node.js 20+ with npm must already be installed.
set -eu

cd "$(dirname "$0")/.."

# Debian packages. Add to this list, one per line, with the reason.
APT_PACKAGES="
libgtk-3-dev
libwebkit2gtk-4.1-dev
pkg-config
gcc-mingw-w64-x86-64
nsis
chromium
xvfb
xauth
libreoffice-writer-nogui
libreoffice-calc-nogui
poppler-utils
fonts-liberation
imagemagick
fonts-dejavu-core
sqlite3
"
#  libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config: the Linux desktop build (Wails, cgo)
#  gcc-mingw-w64-x86-64 nsis: the Windows exe and installer (mk/windows.mk)
#  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation: render the DOCX report (its test,
#    app/export_docx_test.go) and the XLSX figures (make screenshots) to PDF and PNG
#  chromium: the end-to-end test (frontend/e2e, driven by playwright-core, never downloads a browser)
#  xvfb xauth: running the Linux desktop window without a display
#  imagemagick: scripts/make-icon.sh
#  fonts-dejavu-core: Vietnamese glyphs in headless chromium screenshots
#  sqlite3: the end-to-end test edits the database behind socai's back to show verification failing

WAILS_VERSION=v2.15.0

say() { printf '==> %s\n' "$*"; }

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

# --- apt ---------------------------------------------------------------------
missing=""
for p in $APT_PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done
if [ -n "$missing" ]; then
  say "apt-get update"
  $SUDO apt-get update
  say "apt-get install:$missing"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
else
  say "apt packages: all present"
fi

# --- Wails CLI ---------------------------------------------------------------
command -v go >/dev/null || { echo "go is not installed (see go.mod for the version)" >&2; exit 1; }
GOBIN_DIR="$(go env GOBIN)"
[ -n "$GOBIN_DIR" ] || GOBIN_DIR="$(go env GOPATH)/bin"
WAILS="$GOBIN_DIR/wails"
have=""
if [ -x "$WAILS" ]; then have="$("$WAILS" version 2>/dev/null | head -n 1 || true)"; fi
case "$have" in
  *"$WAILS_VERSION"*) say "Wails CLI $WAILS_VERSION: present ($WAILS)" ;;
  *)
    say "go install github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION (found: ${have:-none})"
    go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
    ;;
esac
case ":$PATH:" in
  *":$GOBIN_DIR:"*) ;;
  *) say "note: $GOBIN_DIR is not in PATH; the Makefile finds wails there anyway" ;;
esac

# --- frontend ----------------------------------------------------------------
command -v npm >/dev/null || { echo "npm is not installed (Node.js 20 or later)" >&2; exit 1; }
if [ ! -f frontend/node_modules/.package-lock.json ] ||
   [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then
  say "npm ci (frontend)"
  (cd frontend && npm ci)
else
  say "frontend npm packages: up to date"
fi

say "done"
