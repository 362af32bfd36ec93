#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file with translatable strings is missing from po/POTFILES.in, when
POTFILES.in names a file that does not exist, or when it is not sorted."""

import pathlib
import re
import sys

source = pathlib.Path(sys.argv[1])
patterns = {
    ".c": re.compile(r'\b(?:N?C?_|g_dpgettext2|ngettext|g_dngettext)\s*\(\s*"'),
    ".ui": re.compile(r'translatable="yes"'),
    ".in": re.compile(r"^(Name|GenericName|Comment|Keywords)=|<(summary|p|name|caption)>", re.M),
    ".xml": re.compile(r"<(summary|description)>"),
}
# The guides: every element of text is extracted through po/its/tend-guide.its.
guide_pattern = re.compile(r"<title>")

listed = [line.strip() for line in (source / "po" / "POTFILES.in").read_text().splitlines()
          if line.strip() and not line.startswith("#")]
problems = []

for name in listed:
    if not (source / name).is_file():
        problems.append(f"POTFILES.in names {name}, which does not exist")
if listed != sorted(listed):
    problems.append("POTFILES.in is not sorted")

for folder in ("src", "resources", "data"):
    for path in sorted((source / folder).rglob("*")):
        pattern = patterns.get(path.suffix)
        if pattern is None or not path.is_file():
            continue
        is_guide = path.suffix == ".xml" and path.parent == source / "resources" / "guides"
        if is_guide:
            pattern = guide_pattern
        elif path.suffix == ".xml" and not path.name.endswith(".gschema.xml"):
            continue
        if path.suffix == ".in" and ".desktop." not in path.name and ".metainfo." not in path.name:
            continue
        relative = path.relative_to(source).as_posix()
        if pattern.search(path.read_text(encoding="utf-8")) and relative not in listed:
            problems.append(f"{relative} has translatable strings but is not in po/POTFILES.in")

for problem in problems:
    print(f"not ok: {problem}")
print(f"{len(listed)} files listed, {len(problems)} problems")
sys.exit(1 if problems else 0)
