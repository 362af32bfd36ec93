#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/callgrind-first-frame.sh OUT PROGRAM [ARGS...]
#
# Runs PROGRAM under valgrind's callgrind with fresh XDG folders, as the startup benchmark
# starts it, dumps the profile when the program reports its first frame (on the fd named by
# TEND_BENCH_FIRST_FRAME_FD) and stops it. OUT.1 then holds what ran up to the first frame;
# the line "first_frame_instructions=N" gives its total. Run by "build-aux/dev bench
# callgrind" inside Xvfb and a private session bus. Instruction counts do not depend on the
# machine's load, unlike the wall-clock times of "bench startup".

set -euo pipefail

out=$1; shift
tmp=$(mktemp -d /tmp/tend-callgrind.XXXXXX)
mkdir -p "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
chmod 0700 "$tmp/runtime"
rm -f "$out" "$out".*

env -u WAYLAND_DISPLAY GDK_BACKEND=x11 NO_AT_BRIDGE=1 GTK_A11Y=none GDK_DEBUG=no-portals \
    GSK_RENDERER="${GSK_RENDERER:-cairo}" GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8 \
    XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
    XDG_RUNTIME_DIR="$tmp/runtime" TEND_BENCH_FIRST_FRAME_FD=3 \
    valgrind --tool=callgrind --callgrind-out-file="$out" "$@" \
      2>"$tmp/valgrind.log" 3>"$tmp/first-frame" &
pid=$!

# Under callgrind a start takes a minute or two; ten minutes at most.
for _ in $(seq 60000); do
  [ -s "$tmp/first-frame" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.01
done
[ -s "$tmp/first-frame" ] || { cat "$tmp/valgrind.log" >&2; echo "no first frame" >&2; exit 1; }
callgrind_control --dump="first frame" "$pid" >/dev/null
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true

total=$(sed -n 's/^summary: *//p; s/^totals: *//p' "$out.1" | head -n 1)
echo "first_frame_instructions=${total:-unknown}"
rm -rf --one-file-system "$tmp"
