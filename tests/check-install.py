#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build into a temporary folder and checks that every file a desktop and a
Flatpak look for lands where they look for it."""

import os
import pathlib
import subprocess
import sys
import tempfile

meson, build_dir, prefix, app_id = sys.argv[1:5]
prefix = prefix.lstrip("/")
app_path = "/" + app_id.replace(".", "/")

expected = [
    "bin/tend",
    "libexec/tend-monitor",
    f"share/applications/{app_id}.desktop",
    f"share/metainfo/{app_id}.metainfo.xml",
    f"share/dbus-1/services/{app_id}.service",
    f"share/dbus-1/services/{app_id}.Monitor.service",
    f"share/gnome-shell/search-providers/{app_id}.search-provider.ini",
    f"share/icons/hicolor/scalable/apps/{app_id}.svg",
    f"share/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg",
    "share/glib-2.0/schemas/io.github.tendapp.Tend.gschema.xml",
    "share/locale/fr/LC_MESSAGES/tend.mo",
    "share/locale/ar/LC_MESSAGES/tend.mo",
]

with tempfile.TemporaryDirectory() as destdir:
    env = dict(os.environ, DESTDIR=destdir)
    result = subprocess.run([meson, "install", "-C", build_dir, "--no-rebuild", "--quiet",
                             "--destdir", destdir], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        print(result.stdout + result.stderr)
        print("not ok: meson install failed")
        sys.exit(1)

    root = pathlib.Path(destdir) / prefix
    problems = [name for name in expected if not (root / name).is_file()]
    for name in problems:
        print(f"not ok: {name} was not installed")

    desktop = (root / f"share/applications/{app_id}.desktop").read_text()
    service = (root / f"share/dbus-1/services/{app_id}.service").read_text()
    monitor_service = (root / f"share/dbus-1/services/{app_id}.Monitor.service").read_text()
    search_provider = (root / f"share/gnome-shell/search-providers/"
                              f"{app_id}.search-provider.ini").read_text()
    checks = {
        "the desktop file names the icon": f"Icon={app_id}\n" in desktop,
        "the desktop file is D-Bus activatable": "DBusActivatable=true" in desktop,
        "the desktop file has a French name": "Comment[fr]=" in desktop,
        "the desktop file has an Arabic name": "Comment[ar]=" in desktop,
        "the service names the app": f"Name={app_id}\n" in service,
        "the service starts the installed binary": f"/{prefix}/bin/tend --gapplication-service"
                                                    in service,
        "the monitor's service names the monitor": f"Name={app_id}.Monitor\n" in monitor_service,
        "the monitor's service starts the installed monitor":
            f"Exec=/{prefix}/libexec/tend-monitor\n" in monitor_service,
        "the search provider names the app": f"DesktopId={app_id}.desktop\n" in search_provider
                                             and f"BusName={app_id}\n" in search_provider,
        "the search provider is where the app exports it":
            f"ObjectPath={app_path}/SearchProvider\n" in search_provider,
        "the search provider speaks version 2": "Version=2\n" in search_provider,
    }
    for what, ok in checks.items():
        if not ok:
            problems.append(what)
            print(f"not ok: {what}")

print(f"{len(expected) + len(checks)} checks, {len(problems)} problems")
sys.exit(1 if problems else 0)
