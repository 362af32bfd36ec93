#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The background monitor's benchmark, run by "build-aux/dev bench" on a private display
(Xvfb, XScreenSaver source) and a private session bus:

    bench-monitor.py TEND_MONITOR [--settle S] [--idle S] [--active S]

It starts tend-monitor with usage time and break reminders on, waits until the display
has been idle past the two-minute threshold, then measures an idle desktop for a few
minutes and a few minutes of input (a pointer move every 5 seconds, with xdotool). It ends
with monitor_rss_mb=, monitor_wakeups_per_min_idle= and monitor_cpu_percent= lines.

Wake-ups are the context switches, voluntary or not, of all the monitor's threads
(/proc/PID/task/*/status); CPU is its utime + stime over both phases."""

import argparse
import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("monitor")
parser.add_argument("--settle", type=int, default=150,
                    help="seconds for the display to become idle (threshold: 120)")
parser.add_argument("--idle", type=int, default=300, help="seconds of idle desktop")
parser.add_argument("--active", type=int, default=180, help="seconds of input every 5 s")
args = parser.parse_args()

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def context_switches(pid):
    total = 0
    for status in pathlib.Path(f"/proc/{pid}/task").glob("*/status"):
        try:
            for line in status.read_text().splitlines():
                if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")):
                    total += int(line.split()[1])
        except FileNotFoundError:
            pass  # a thread that ended meanwhile
    return total


def cpu_seconds(pid):
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def status_kb(pid, key):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def threads(pid):
    names = []
    for comm in sorted(pathlib.Path(f"/proc/{pid}/task").glob("*/comm")):
        names.append(comm.read_text().strip())
    return names


def move_pointer(step):
    subprocess.run(["xdotool", "mousemove", str(100 + step % 50), str(100 + step % 30)],
                   check=True)


def recorded_seconds(journal):
    db = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
    try:
        return db.execute("SELECT coalesce(sum(ended_at - started_at), 0) "
                          "FROM usage_intervals").fetchone()[0]
    finally:
        db.close()


with tempfile.TemporaryDirectory() as tmp:
    config = pathlib.Path(tmp, "config", "glib-2.0", "settings")
    config.mkdir(parents=True)
    (config / "keyfile").write_text("[io/github/tendapp/Tend]\n"
                                    "usage-tracking=true\n"
                                    "break-reminders=true\n")
    data = pathlib.Path(tmp, "data")
    data.mkdir()
    env = dict(os.environ, GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=str(config.parents[1]),
               XDG_DATA_HOME=str(data))
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("XDG_SESSION_TYPE", None)

    # A notification server of its own, as on a desktop (and stopped before the bus goes).
    dunst = None
    if shutil.which("dunst"):
        dunst = subprocess.Popen(["dunst"], env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        subprocess.run(["gdbus", "wait", "--session", "--timeout", "10",
                        "org.freedesktop.Notifications"], check=False)

    monitor = subprocess.Popen([args.monitor], env=env)
    pid = monitor.pid
    try:
        print(f"monitor: settling {args.settle} s (the display becomes idle)", flush=True)
        time.sleep(args.settle)
        if monitor.poll() is not None:
            sys.exit(f"tend-monitor exited early, with status {monitor.returncode}")

        start_wall, start_cpu, start_switches = time.monotonic(), cpu_seconds(pid), \
            context_switches(pid)
        print(f"monitor: idle for {args.idle} s", flush=True)
        time.sleep(args.idle)
        idle_switches = context_switches(pid) - start_switches
        idle_rss = status_kb(pid, "VmRSS")

        print(f"monitor: input every 5 s for {args.active} s", flush=True)
        active_start_switches = context_switches(pid)
        active_end = time.monotonic() + args.active
        step = 0
        while time.monotonic() < active_end:
            move_pointer(step)
            step += 1
            time.sleep(5)
        active_switches = context_switches(pid) - active_start_switches

        wall = time.monotonic() - start_wall
        cpu = cpu_seconds(pid) - start_cpu
        rss = status_kb(pid, "VmRSS")
        peak = status_kb(pid, "VmHWM")
        thread_names = threads(pid)
    finally:
        monitor.terminate()
        monitor.wait(timeout=30)
        if dunst is not None:
            dunst.terminate()
            dunst.wait(timeout=30)

    recorded = recorded_seconds(data / "tend" / "journal.db")

print()
print(f"{'threads':<36} {len(thread_names)} ({', '.join(thread_names)})")
print(f"{'wake-ups while idle':<36} {idle_switches} in {args.idle} s")
print(f"{'wake-ups with input every 5 s':<36} {active_switches} in {args.active} s")
print(f"{'CPU time':<36} {cpu:.2f} s in {wall:.0f} s")
print(f"{'resident memory (idle, end, peak)':<36} {idle_rss / 1024:.1f}, {rss / 1024:.1f}, "
      f"{peak / 1024:.1f} MB")
print(f"{'active time recorded':<36} {recorded} s (input for {args.active} s, until stopped)")
print()
print(f"monitor_rss_mb={rss / 1024:.1f}")
print(f"monitor_wakeups_per_min_idle={idle_switches * 60 / args.idle:.2f}")
print(f"monitor_wakeups_per_min_active={active_switches * 60 / args.active:.2f}")
print(f"monitor_cpu_percent={cpu * 100 / wall:.4f}")
