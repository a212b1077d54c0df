"""Page weight and the offline precache at N exercises: `.venv/bin/python benchmarks/weight.py --sizes 1000,5000`.

Builds the synthetic project of run.py (same records, same seed) once per N with the hooks, in a temporary folder,
and prints the largest exercise page (bytes and gzipped), the largest page of each other kind, and what the service
worker precaches (bytes in all and its largest files). Nothing is timed: build speed is run.py's job."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402

from synthetic import make_project  # noqa: E402

from atlas.site.build_cache import CACHE_SETTING  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000", help="numbers of exercises, comma-separated (default 1000,5000)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the synthetic records (as run.py; default 2024)")
    arguments = parser.parse_args()
    for size in (int(part) for part in arguments.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="uba-weight-") as folder:
            root, site = Path(folder) / "project", Path(folder) / "site"
            make_project(REPO, root, size, arguments.seed)
            environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **{CACHE_SETTING: str(Path(folder) / "cache")})
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)], cwd=root,
                           env=environment, check=True)
            print(f"## {size:,} exercises\n")
            print("| page kind | pages | largest page | bytes | gzipped |\n|---|---|---|---|---|")
            for kind, pages in _pages_by_kind(site).items():
                largest = max(pages, key=lambda page: page.stat().st_size)
                data = largest.read_bytes()
                print(f"| {kind} | {len(pages):,} | {largest.parent.relative_to(site).as_posix() or '/'} | {len(data):,} "
                      f"| {len(gzip.compress(data)):,} |")
            files = _precached(site)
            sizes = {url: (site / url).stat().st_size for url in files}
            print(f"\nPrecache: {len(files):,} files, {sum(sizes.values()):,} bytes. Largest: "
                  + ", ".join(f"{url} {size:,}" for url, size in sorted(sizes.items(), key=lambda item: -item[1])[:4]) + "\n")
    return 0


def _pages_by_kind(site: Path) -> dict[str, list[Path]]:
    kinds: dict[str, list[Path]] = {}
    for page in site.rglob("index.html"):
        parts = page.relative_to(site).parts
        kind = "home" if len(parts) == 1 else f"{parts[0]}/ index" if len(parts) == 2 else f"{parts[0]}/<page>"
        kinds.setdefault(kind, []).append(page)
    return dict(sorted(kinds.items()))


def _precached(site: Path) -> list[str]:
    urls = json.loads((site / "sw.js").read_text(encoding="utf-8").split("var FILES = ", 1)[1].split(";\n", 1)[0])
    return [url.removeprefix("./") + "index.html" if url.endswith("/") else url for url in urls]


if __name__ == "__main__":
    sys.exit(main())
