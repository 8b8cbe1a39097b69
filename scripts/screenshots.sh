#!/usr/bin/env bash
# Renders a report in headless Chromium at a desktop width and at a 390 px phone width (in an
# iframe: headless Chromium's window cannot be narrower than 500 px).
set -euo pipefail
report=$(realpath "$1")
out="$2"
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$report" "$tmp/report.html"
cat >"$tmp/phone.html" <<HTML
<!DOCTYPE html><html><head><title>phone</title></head><body style="margin:0;background:#e9ecf1">
<iframe src="report.html" style="width:390px;height:1800px;border:0;background:#fff"></iframe></body></html>
HTML
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2200 \
  --screenshot="$out/report-desktop.png" "file://$tmp/report.html" >/dev/null 2>&1
echo "wrote $out/report-desktop.png"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=500,1800 \
  --screenshot="$out/report-phone.png" "file://$tmp/phone.html" >/dev/null 2>&1
echo "wrote $out/report-phone.png"
