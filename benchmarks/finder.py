"""How long one filter change takes in the exercise finder, in headless Chromium against a built site.

`python benchmarks/finder.py SITE --runs 5` times a site already built (run.py builds its own): each run's median and
maximum, and the median of the click alone."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import chromium, serve_folder  # noqa: E402  (the test suite's Chromium and localhost server)

COUNT = ".uba-finder-count"
CHANGES = [
    "input[name=muscle][value=rhomboids]",
    "input[name=muscle][value=lats]",
    "input[name=equipment][value=dumbbells]",
    "input[name=muscle][value=upper-traps]",
    "input[name=level][value=beginner]",
    "input[name=equipment][value=resistance-band]",
    "input[name=muscle][value=infraspinatus]",
    "input[name=role][value=any]",
    "input[name=category][value=strength]",
    "input[name=muscle][value=rear-delts]",
    "input[name=level][value=intermediate]",
    "input[name=equipment][value=bench]",
    "input[name=muscle][value=serratus-anterior]",
    "input[name=category][value=strength]",
    "input[name=equipment][value=dumbbells]",
    "input[name=level][value=beginner]",
    "input[name=muscle][value=lower-traps]",
    "input[name=equipment][value=resistance-band]",
    "input[name=role][value=primary]",
    "input[name=muscle][value='']",
]
"""Twenty changes over every facet; checkboxes are ticked and later unticked."""

_TIME_ONE_CHANGE = """(selector) => {
  const input = document.querySelector(selector);
  if (!input) { return null; }
  const start = performance.now();
  input.click();
  const handled = performance.now();
  document.body.offsetHeight;
  const laidOut = performance.now();
  return {total: laidOut - start, script: handled - start};
}"""


@dataclass(frozen=True)
class FinderTiming:
    exercises_shown: str
    """The count line once the finder is ready, such as "5000 exercises"."""
    ready_seconds: float
    """From navigation to the first results."""
    change_ms: list[float]
    """click() plus the forced layout."""
    script_ms: list[float]
    """click() alone: the finder's change handler."""
    missing: list[str]
    """Selectors that matched no control."""

    @property
    def median_ms(self) -> float:
        return statistics.median(self.change_ms)

    @property
    def max_ms(self) -> float:
        return max(self.change_ms)

    @property
    def script_median_ms(self) -> float:
        return statistics.median(self.script_ms)


def time_finder(site: Path, timeout_ms: int = 60_000) -> FinderTiming:
    with serve_folder(site) as base_url, chromium() as browser:
        page = browser.new_page()
        page.set_default_timeout(timeout_ms)
        started = time.perf_counter()
        page.goto(base_url + "exercises/")
        page.wait_for_function(f"() => (document.querySelector('{COUNT}')?.textContent || '').trim().length > 0")
        ready = time.perf_counter() - started
        shown = page.locator(COUNT).text_content() or ""
        page.evaluate(_TIME_ONE_CHANGE, "input[name=muscle][value=traps]")  # warm-up, not counted
        totals, scripts, missing = [], [], []
        for selector in CHANGES:
            result = page.evaluate(_TIME_ONE_CHANGE, selector)
            if result is None:
                missing.append(selector)
            else:
                totals.append(result["total"])
                scripts.append(result["script"])
            page.wait_for_timeout(50)
        page.close()
    if not totals:
        raise RuntimeError("no finder control matched; is the exercise index built?")
    return FinderTiming(shown.strip(), ready, totals, scripts, missing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site (the folder with exercises/index.html)")
    parser.add_argument("--runs", type=int, default=1, help="how many times to open the finder and time its 20 changes")
    arguments = parser.parse_args(argv)
    for run in range(1, arguments.runs + 1):
        timing = time_finder(arguments.site)
        print(f"run {run}: {timing.exercises_shown}; one change: median {timing.median_ms:.1f} ms, max {timing.max_ms:.1f} ms;"
              f" click() alone: median {timing.script_median_ms:.1f} ms" + (f"; missing {timing.missing}" if timing.missing else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
