#!/bin/sh
# render-xlsx.sh SOCAI OUT.png: the demo's figures workbook of 2021-H1 through
# LibreOffice headless (vi_VN) → PDF → PNG of its first sheet, to look at.
set -eu
socai=$1; out=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$socai" --db "$tmp/demo.db" demo >/dev/null
"$socai" --db "$tmp/demo.db" export xlsx --period 2021-H1 --out "$tmp/so-lieu.xlsx" >/dev/null
LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8 soffice -env:UserInstallation="file://$tmp/profile" --headless \
	--convert-to pdf --outdir "$tmp" "$tmp/so-lieu.xlsx" >/dev/null 2>&1
pdftoppm -r 100 -png -f 1 -l 1 -singlefile "$tmp/so-lieu.pdf" "${out%.png}"
echo "$out"
