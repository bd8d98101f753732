#!/usr/bin/env bash
# Photographs the real Wails window under Xvfb: socai on a fresh ledger
# holding the demo cluster, the screen captured with ImageMagick.
#   scripts/screenshot-window.sh BIN OUT.png
set -euo pipefail
bin=$(realpath "$1"); out=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export SOCAI_DB=$work/socai.db SOCAI_ACTOR=screenshot
"$bin" demo >/dev/null   # the demo cluster of report 51-BC/CTĐ
mkdir -p "$(dirname "$out")"
# WebKit under Xvfb renders blank with compositing on.
export WEBKIT_DISABLE_COMPOSITING_MODE=1
xvfb-run -a -s "-screen 0 1366x900x24" bash -c '
  "$0" & pid=$!
  sleep 8
  import -window root "$1"
  kill $pid; wait $pid 2>/dev/null || true
' "$bin" "$out"
echo "screenshot: $out"
