#!/usr/bin/env bash
# Render the icon's PNG sizes from claimdesk.svg (needs rsvg-convert: Debian's librsvg2-bin).
# The PNGs are committed; run this again after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" claimdesk.svg -o "claimdesk-$size.png"
done
