#!/usr/bin/env python3
"""One-off: move each figures/<id>.yml into exercises/<id>.yml (and tests/minimal/exercises/<id>.yml) as its `figure:` key.

Run from the project folder: `python3 figures/merge_into_records.py [--require]`. It appends the figure, indented,
to the end of each record (a record that already has a `figure:` key is left alone and named) and deletes figures/
(this script too). With --require it also sets FIGURES_REQUIRED = True in hooks/atlas/figure_check.py, so a record
without a figure stops the build: every test fixture that writes a new exercise record then needs a figure too.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "figures"
RECORDS = ROOT / "exercises"
MINIMAL = ROOT / "tests" / "minimal" / "exercises"
CHECK = ROOT / "hooks" / "atlas" / "figure_check.py"


def append_figure(record: Path, figure: Path) -> bool:
    """Append the figure to the record as its `figure:` key; False when the record already has one."""
    text = record.read_text(encoding="utf-8")
    if re.search(r"^figure:", text, flags=re.MULTILINE):
        return False
    body = "".join(f"  {line}" if line.strip() else line for line in figure.read_text(encoding="utf-8").splitlines(keepends=True))
    record.write_text(text.rstrip("\n") + "\nfigure:\n" + body.rstrip("\n") + "\n", encoding="utf-8")
    return True


def main(arguments: list[str]) -> int:
    moved, skipped, orphans = 0, [], []
    for figure in sorted(FIGURES.glob("*.yml")):
        record = RECORDS / figure.name
        if not record.is_file():
            orphans.append(figure.stem)
            continue
        if (MINIMAL / figure.name).is_file():
            append_figure(MINIMAL / figure.name, figure)
        if append_figure(record, figure):
            moved += 1
        else:
            skipped.append(figure.stem)
    if orphans:
        print(f"No record for: {', '.join(orphans)} (their figures stay in figures/)", file=sys.stderr)
        return 1
    if "--require" in arguments:
        CHECK.write_text(CHECK.read_text(encoding="utf-8").replace("FIGURES_REQUIRED = False", "FIGURES_REQUIRED = True"), encoding="utf-8")
    shutil.rmtree(FIGURES)
    print(
        f"Moved {moved} figures into exercises/ (and the minimal test project's records)"
        + ("; figures are now required." if "--require" in arguments else ".")
    )
    if skipped:
        print(f"Already had a figure, left alone: {', '.join(skipped)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
