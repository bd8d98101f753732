#!/usr/bin/env bash
# Photographs the real Wails window under Xvfb: socai on a fresh ledger
# holding a few real events, the screen captured with ImageMagick.
#   scripts/screenshot-window.sh BIN OUT.png
set -euo pipefail
bin=$(realpath "$1"); out=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export SOCAI_DB=$work/socai.db SOCAI_ACTOR=screenshot
"$bin" init >/dev/null
cat > "$work/seed.jsonl" <<'JSONL'
{"type":"ClusterFormed","stream":"cluster-mnbg","occurred_on":"2021-01-01","data":{"cluster_id":"mnbg","name":"Cụm thi đua các trường chính trị khu vực miền núi biên giới phía Bắc","region":"Miền núi biên giới phía Bắc"},"meta":{"actor":"screenshot","source":"51-BC/CTĐ"}}
{"type":"SchoolRegistered","stream":"school-sonla","occurred_on":"2021-01-01","data":{"school_id":"sonla","name":"Trường Chính trị tỉnh Sơn La","province":"Sơn La","cluster_id":"mnbg"},"meta":{"actor":"screenshot"}}
{"type":"SchoolRegistered","stream":"school-laichau","occurred_on":"2021-01-01","data":{"school_id":"laichau","name":"Trường Chính trị tỉnh Lai Châu","province":"Lai Châu","cluster_id":"mnbg"},"meta":{"actor":"screenshot"}}
JSONL
"$bin" import "$work/seed.jsonl" >/dev/null
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
