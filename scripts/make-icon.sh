#!/bin/sh
# Regenerates build/appicon.png (1024x1024: dark red rounded square, yellow star, "S")
# build/windows/icon.ico and frontend/public/favicon.png with ImageMagick.
set -eu
cd "$(dirname "$0")/.."
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
[ -f "$FONT" ] || FONT=DejaVu-Sans-Bold
# five-pointed star centred at (512,400), outer radius 250, inner 100
STAR=$(awk 'BEGIN{pi=atan2(0,-1); cx=512; cy=400;
  for(i=0;i<10;i++){ r=(i%2==0)?250:100; a=-pi/2+i*pi/5;
    printf "%.1f,%.1f ", cx+r*cos(a), cy+r*sin(a) } }')
convert -size 1024x1024 xc:none \
  -fill '#a8071a' -draw "roundrectangle 32,32 991,991 160,160" \
  -fill '#ffd700' -draw "polygon $STAR" \
  -font "$FONT" -pointsize 340 -fill '#ffd700' -gravity south -annotate +0+70 'S' \
  build/appicon.png
convert build/appicon.png -resize 64x64 frontend/public/favicon.png
mkdir -p build/windows
convert build/appicon.png -depth 8 -define icon:auto-resize=256,128,64,48,32,24,16 build/windows/icon.ico
echo "wrote build/appicon.png build/windows/icon.ico frontend/public/favicon.png"
