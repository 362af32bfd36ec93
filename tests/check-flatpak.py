#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the Flatpak manifests parse, name the right app and runtime, build this
checkout with meson, and ask for exactly the permissions Tend needs: no network, no files,
and one bus name besides its own."""

import json
import pathlib
import sys

source = pathlib.Path(sys.argv[1])
allowed = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
    # The background monitor reads the idle time from GNOME Shell (tend_idle_source_new_best,
    # src/monitor/): the only name on the session bus it talks to that is not the app's own
    # or a portal. Elsewhere it uses ext-idle-notify-v1 over the Wayland socket above.
    "--talk-name=org.gnome.Mutter.IdleMonitor",
}
expected = {
    "io.github.tendapp.Tend.json": ("io.github.tendapp.Tend", "51", "default"),
    "io.github.tendapp.Tend.Devel.json": ("io.github.tendapp.Tend.Devel", "master", "development"),
}
problems = []

for name, (app_id, runtime_version, profile) in expected.items():
    path = source / "flatpak" / name
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        problems.append(f"{name}: {error}")
        continue

    def check(condition, message):
        if not condition:
            problems.append(f"{name}: {message}")

    check(manifest.get("id") == app_id, f"id should be {app_id}")
    check(manifest.get("runtime") == "org.gnome.Platform", "runtime should be org.gnome.Platform")
    check(manifest.get("sdk") == "org.gnome.Sdk", "sdk should be org.gnome.Sdk")
    check(manifest.get("runtime-version") == runtime_version,
          f"runtime-version should be {runtime_version}")
    check(manifest.get("command") == "tend", "command should be tend")
    check(sorted(manifest.get("finish-args", [])) == sorted(allowed),
          f"finish-args should be exactly {sorted(allowed)}, not {manifest.get('finish-args')}")

    modules = manifest.get("modules", [])
    check(len(modules) >= 1 and modules[-1].get("name") == "tend", "the last module builds tend")
    if modules:
        tend = modules[-1]
        check(tend.get("buildsystem") == "meson", "tend builds with meson")
        check(f"-Dprofile={profile}" in tend.get("config-opts", []), f"profile should be {profile}")
        check({"type": "dir", "path": ".."} in tend.get("sources", []),
              "tend is built from this checkout")
        if profile == "development":
            check(tend.get("run-tests") is True, "the Devel manifest runs the tests")
            check("--share=network" not in tend.get("test-args", []), "tests run offline")
    for module in modules:
        check("--share=network" not in module.get("build-args", []), "builds run offline")

for problem in problems:
    print(f"not ok: {problem}")
print(f"{len(expected)} manifests, {len(problems)} problems")
sys.exit(1 if problems else 0)
