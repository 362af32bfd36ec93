#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the Flatpak manifests parse, name the right app and runtime, build this
checkout with meson, install the licence where Flathub looks for it, and ask for exactly
the permissions Tend needs: no network, no files, and one bus name besides its own.

Also checks what Flathub asks of the metainfo beyond appstreamcli's validation: its
screenshots are in data/screenshots/, at most 1000x700, at a URL that names the release's
tag, one of them the default, each with a one-sentence caption without a full stop; and
its newest release is the version meson builds."""

import json
import pathlib
import re
import struct
import sys
import xml.etree.ElementTree as ElementTree

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
        check(f"-Dlicensedir=/app/share/licenses/{app_id}" in tend.get("config-opts", []),
              f"the licence is installed in /app/share/licenses/{app_id}")
        if profile == "development":
            check(tend.get("run-tests") is True, "the Devel manifest runs the tests")
            check("--share=network" not in tend.get("test-args", []), "tests run offline")
    for module in modules:
        check("--share=network" not in module.get("build-args", []), "builds run offline")


# The metainfo
meson_build = (source / "meson.build").read_text()
version = re.search(r"^\s*version:\s*'([^']+)'", meson_build, re.MULTILINE).group(1)
metainfo_path = source / "data" / "io.github.tendapp.Tend.metainfo.xml.in.in"
metainfo = ElementTree.parse(metainfo_path).getroot()


def metainfo_check(condition, message):
    if not condition:
        problems.append(f"{metainfo_path.name}: {message}")


releases = metainfo.findall("releases/release")
metainfo_check(releases and releases[0].get("version") == version,
               f"the newest release should be {version}, the version meson builds")
if releases:
    metainfo_check(releases[0].find("description") is not None,
                   "the newest release has notes")

screenshots = metainfo.findall("screenshots/screenshot")
metainfo_check(len(screenshots) >= 1, "there are screenshots")
metainfo_check(len([shot for shot in screenshots if shot.get("type") == "default"]) == 1,
               "exactly one screenshot is the default")
url_prefix = f"https://raw.githubusercontent.com/tendapp/Tend/v{version}/data/screenshots/"
for shot in screenshots:
    image = shot.findtext("image", "").strip()
    caption = shot.findtext("caption", "").strip()
    metainfo_check(image.startswith(url_prefix), f"{image} should start with {url_prefix}")
    metainfo_check(caption and not caption.endswith("."),
                   f"the caption of {image} is one sentence without a full stop")
    png = source / "data" / "screenshots" / image.rsplit("/", 1)[-1]
    try:
        header = png.read_bytes()[:24]
    except OSError as error:
        metainfo_check(False, f"{image}: {error}")
        continue
    metainfo_check(header[:8] == b"\x89PNG\r\n\x1a\n", f"{png.name} is a PNG")
    width, height = struct.unpack(">II", header[16:24])
    metainfo_check(width <= 1000 and height <= 700,
                   f"{png.name} is {width}x{height}, more than 1000x700")

for problem in problems:
    print(f"not ok: {problem}")
print(f"{len(expected)} manifests, {len(screenshots)} screenshots, {len(problems)} problems")
sys.exit(1 if problems else 0)
