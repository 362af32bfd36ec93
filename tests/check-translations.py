#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Extracts every translatable string of the current sources and fails when a language
in po/LINGUAS lacks a translation of one, has a fuzzy one, or has a format error."""

import pathlib
import re
import subprocess
import sys
import tempfile

source = pathlib.Path(sys.argv[1])
po_dir = source / "po"
files = [line.strip() for line in (po_dir / "POTFILES.in").read_text().splitlines()
         if line.strip() and not line.startswith("#")]
languages = (po_dir / "LINGUAS").read_text().split()

# The keywords of meson's 'glib' preset, which builds the real catalogues.
keywords = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3",
            "g_dpgettext2:2c,3"]

failed = False
with tempfile.TemporaryDirectory() as tmp:
    pot = pathlib.Path(tmp) / "tend.pot"
    pot_parts = []
    for index, name in enumerate(files):
        part = pathlib.Path(tmp) / f"part{index}.pot"
        args = ["xgettext", "--from-code=UTF-8", "--add-comments", f"--directory={source}",
                f"--output={part}"] + [f"--keyword={k}" for k in keywords]
        if name.endswith(".desktop.in.in"):
            args.append("--language=Desktop")
        elif name.endswith(".xml.in.in"):
            args.append("--its=/usr/share/gettext/its/metainfo.its")
        elif name.startswith("resources/guides/"):
            args.append(f"--its={po_dir / 'its' / 'tend-guide.its'}")
        elif name.endswith(".c"):
            args.append("--language=C")
        args.append(name)
        subprocess.run(args, check=True)
        if part.exists():
            # xgettext leaves the charset open when a file has only ASCII strings.
            part.write_text(part.read_text(encoding="utf-8").replace("charset=CHARSET",
                                                                     "charset=UTF-8"),
                            encoding="utf-8")
            pot_parts.append(str(part))
    subprocess.run(["msgcat", "--use-first", "-o", str(pot)] + pot_parts, check=True)
    total = sum(1 for line in pot.read_text().splitlines() if line.startswith("msgid ")) - 1
    print(f"{total} translatable messages in {len(files)} files")

    for language in languages:
        po = po_dir / f"{language}.po"
        merged = pathlib.Path(tmp) / f"{language}.po"
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", str(merged),
                        str(po), str(pot)], check=True)
        check = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null",
                                str(merged)], capture_output=True, text=True)
        stats = check.stderr.strip()
        complete = (check.returncode == 0 and "untranslated" not in stats
                    and "fuzzy" not in stats)
        print(f"{'ok' if complete else 'not ok'}: {language}: {stats}")
        if not complete:
            failed = True
            missing = ""
            for option in ("--untranslated", "--only-fuzzy"):
                missing += subprocess.run(["msgattrib", option, str(merged)],
                                          capture_output=True, text=True).stdout
            ids = re.findall(r'^msgid "(.+)"$', missing, re.M)
            for msgid in ids[:20]:
                print(f"    missing: {msgid}")

sys.exit(1 if failed else 0)
