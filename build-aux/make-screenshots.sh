#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/make-screenshots.sh: makes data/screenshots/*.png, the screenshots the metainfo
# lists, as Flathub asks for them: the stable app (no Devel stripes), English, the default
# light style, the window only, at most 1000×700, on sample journals (never an empty page).
# Pages that scroll are shot at a height where the window's edge falls between two parts of
# the page, so nothing is cut through.
# "build-aux/dev metainfo-screenshots" runs it inside the build environment.
#
# The sample journals are written as of now, and Tend and the journals run in a time zone
# where it is about 7 pm, so the day shown has its check-ins and its screen time whatever
# the hour here.

set -euo pipefail

SRC_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
BUILD_DIR="$SRC_DIR/_build-release"
OUT_DIR="$SRC_DIR/data/screenshots"

say () { printf 'metainfo-screenshots: %s\n' "$*" >&2; }

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  say "setting up the stable build in $BUILD_DIR"
  meson setup "$BUILD_DIR" "$SRC_DIR" -Dprofile=default -Dtests=true >/dev/null
fi
meson compile -C "$BUILD_DIR" >"$BUILD_DIR/compile.log" 2>&1 || {
  cat "$BUILD_DIR/compile.log" >&2
  say "the build failed"
  exit 1
}

# A zone where it is 19:xx now: POSIX TZ offsets count west, so UTC+N is "XXX-N".
utc_hour=$(date -u +%-H)
offset=$(( 19 - utc_hour ))
if (( offset > 14 )); then offset=$(( offset - 24 )); fi
if (( offset < -12 )); then offset=$(( offset + 24 )); fi
export TZ="SHOT$(( -offset ))"

tmp=$(mktemp -d /tmp/tend-metainfo-shots.XXXXXX)
trap 'rm -rf --one-file-system "$tmp"' EXIT

sample="$BUILD_DIR/tests/make-sample-journal"
"$sample" "$tmp/weeks" en >/dev/null
"$sample" "$tmp/year" en --year >/dev/null
"$sample" "$tmp/draft" en --no-usage --draft-mood 4 \
  --draft "A quiet day. Finished the book I started in the summer, then called Grandma." >/dev/null

mkdir -p "$OUT_DIR"
shoot () {
  local name=$1 size=$2 data=$3; shift 3
  TEND_BUILD_DIR="$BUILD_DIR" "$SRC_DIR/build-aux/dev" _inner screenshot \
    "$OUT_DIR/$name.png" --size "$size" --data "$tmp/$data" "$@"
  say "wrote data/screenshots/$name.png"
}

# The same names and order as in data/io.github.tendapp.Tend.metainfo.xml.in.in
shoot journal 1000x700 weeks --page journal
shoot today 1000x700 draft --page today
shoot calendar 1000x700 weeks --page calendar
shoot insights 1000x520 year --page insights --period year
shoot guide 1000x700 weeks --page guide:sleep
shoot screen-time 1000x615 year --page usage
