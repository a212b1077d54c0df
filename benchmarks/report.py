"""The results of one benchmark run, and the Markdown tables they print as."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from finder import FinderTiming
from measure import Run, SiteStats
from profiling import ProfiledFunction
from serve import RebuildTiming

HOOKS, HOOKS_COLD, PLAIN, ZENSICAL = "a", "a0", "b", "c"
BUILD_LABELS = {
    HOOKS_COLD: "(a0) the same with nothing kept from an earlier build",
    HOOKS: "(a) mkdocs build --strict, with hooks",
    PLAIN: "(b) mkdocs build --strict of the export",
    ZENSICAL: "(c) zensical build of the export",
}
WARM_RATIO_TARGET = 1.05
"""Issue 26: (a)/(b), the hooks' build with its cache ÷ the plain build of the export, at every size."""
COLD_RATIO_TARGET = 1.10
"""Issue 26: (a0)/(b), nothing kept (a fresh clone, a CI deploy)."""
PER_PAGE_TARGET = 1.2
MEMORY_RATIO_TARGET = 1.5
"""Issue 26: (a)'s peak memory ÷ (b)'s at the largest size (measure.Run.peak_rss_mb)."""
PAGE_TARGET_KB = 40
INDEX_TARGET_BYTES = 1024
FINDER_MEDIAN_MS, FINDER_MAX_MS = 16, 33
"""Issue 26: one filter change at the largest size, median and max."""
REBUILD_TARGETS_S = {300: 1.0, 5000: 2.0}
"""Issue 26: a record edit visible in `mkdocs serve`, median of 5, by the project's number of exercises."""
SAMPLE_EXERCISE = "face-pull"
MEGABYTE = 1024 * 1024


@dataclass
class Build:
    run: Run | None
    """None when the build could not be attempted."""
    stats: SiteStats | None = None
    failure: str | None = None

    @property
    def ok(self) -> bool:
        return self.run is not None and self.run.ok and self.stats is not None

    @property
    def ms_per_page(self) -> float:
        assert self.run and self.stats
        return self.run.seconds * 1000 / self.stats.pages


@dataclass
class SizeResult:
    exercises: int
    synthetic_exercises: int
    routines: int
    synthetic_routines: int
    check: Run
    export: Run
    builds: dict[str, Build] = field(default_factory=dict)
    runs: dict[str, list[Run]] = field(default_factory=dict)
    """Every counted run of the builds made side by side, round by round."""

    def ratio(self, key: str = HOOKS, cpu: bool = False) -> float | None:
        """The median over the rounds of build `key` ÷ (b) in the same round (wall time, or CPU time)."""
        ratios = self.ratios(key, cpu)
        if ratios:
            return statistics.median(ratios)
        hooks, plain = self.builds.get(key), self.builds.get(PLAIN)
        if hooks and plain and hooks.ok and plain.ok and not cpu:
            assert hooks.run and plain.run
            return hooks.run.seconds / plain.run.seconds
        return None

    def ratios(self, key: str = HOOKS, cpu: bool = False) -> list[float]:
        """Build `key` ÷ (b), round by round."""
        def value(run: Run) -> float:
            return run.cpu_seconds if cpu else run.seconds

        return [value(mine) / value(plain) for mine, plain in zip(self.runs.get(key, []), self.runs.get(PLAIN, []), strict=False)]


@dataclass
class Report:
    sizes: list[SizeResult]
    environment: list[str]
    finder: FinderTiming | None = None
    finder_failure: str | None = None
    rebuilds: dict[int, RebuildTiming] = field(default_factory=dict)
    """`mkdocs serve` timings by the project's number of exercises."""
    rebuild_failures: dict[int, str] = field(default_factory=dict)
    profile: list[ProfiledFunction] | None = None
    profile_failure: str | None = None
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        parts = ["# Upper Back Atlas benchmark", "", *(f"- {line}" for line in self.environment), "",
                 "## Inputs", "", *self._inputs(), "", "## Builds", "", *self._builds(), "",
                 "## Side by side", "", *self._side_by_side(), "",
                 "## Targets", "", *self._targets(), ""]
        if self.profile or self.profile_failure:
            parts += ["## Where the hook build spends its time", "", *self._profile(), ""]
        if self.notes:
            parts += ["## Notes", "", *(f"- {note}" for note in self.notes), ""]
        return "\n".join(parts)

    def _inputs(self) -> list[str]:
        rows = [["Exercises (N)", "of them synthetic", "routine records", "of them synthetic", "atlas check s", "export s",
                 "export peak MB"]]
        for size in self.sizes:
            rows.append([f"{size.exercises:,}", f"{size.synthetic_exercises:,}", str(size.routines), str(size.synthetic_routines),
                         f"{size.check.seconds:.2f}", f"{size.export.seconds:.2f}" if size.export.ok else f"failed: {size.export.reason()}",
                         f"{size.export.peak_rss_mb:.0f}"])
        return _table(rows)

    def _builds(self) -> list[str]:
        rows = [["N", "Build", "Wall s", "Pages", "ms/page", "Peak memory MB", "Site MB", "Search index KB", "Index B/exercise",
                 f"{SAMPLE_EXERCISE} page KB", "Largest exercise page KB"]]
        for size in self.sizes:
            for key, build in size.builds.items():
                rows.append([f"{size.exercises:,}", BUILD_LABELS[key], *_build_cells(build, size.exercises)])
        return _table(rows)

    def _side_by_side(self) -> list[str]:
        lines = ["Each round runs (a0), (a) and (b) one after the other, after one untimed warm-up round (in which (a) fills the "
                 "build cache, as the export was written once); a ratio compares the runs of one round. Wall and CPU "
                 "(user + system) seconds are medians over the rounds.", ""]
        rows = [["N", "Rounds", "Build", "Wall s", "CPU s", "÷ (b) wall, median (min–max)", "÷ (b) CPU, median"]]
        for size in self.sizes:
            for key in (HOOKS_COLD, HOOKS, PLAIN):
                runs = size.runs.get(key, [])
                if not runs:
                    continue
                wall, cpu = size.ratios(key), size.ratios(key, cpu=True)
                spread = f"{statistics.median(wall):.2f} ({min(wall):.2f}–{max(wall):.2f})" if key != PLAIN else "–"
                rows.append([f"{size.exercises:,}", str(len(runs)), BUILD_LABELS[key], f"{statistics.median(r.seconds for r in runs):.2f}",
                             f"{statistics.median(r.cpu_seconds for r in runs):.2f}", spread,
                             f"{statistics.median(cpu):.2f}" if key != PLAIN else "–"])
        return lines + _table(rows) if len(rows) > 1 else ["Not measured side by side."]

    def _targets(self) -> list[str]:
        rows = [["Target", "N", "Measured", "Met"]]
        for size in self.sizes:
            ratio = size.ratio()
            rows.append([f"(a)/(b) wall time ≤ {WARM_RATIO_TARGET:.2f}", f"{size.exercises:,}", _or_dash(ratio, "{:.2f}"),
                         _met(None if ratio is None else ratio <= WARM_RATIO_TARGET)])
            cold = size.ratio(HOOKS_COLD)
            if cold is not None:
                rows.append([f"(a0)/(b) wall time ≤ {COLD_RATIO_TARGET:.2f}, nothing kept", f"{size.exercises:,}", f"{cold:.2f}",
                             _met(cold <= COLD_RATIO_TARGET)])
        rows.append(self._per_page_row())
        rows.append(self._memory_row())
        for size in self.sizes:
            hooks = size.builds.get(HOOKS)
            page = hooks.stats.largest_exercise_page_bytes if hooks and hooks.ok and hooks.stats else None
            rows.append([f"exercise page < {PAGE_TARGET_KB} KB (largest, (a))", f"{size.exercises:,}",
                         _or_dash(page and page / 1024, "{:.1f} KB"), _met(None if page is None else page < PAGE_TARGET_KB * 1024)])
        for size in self.sizes:
            hooks = size.builds.get(HOOKS)
            index = hooks.stats.search_index_bytes if hooks and hooks.ok and hooks.stats else None
            per = index / size.exercises if index else None
            rows.append([f"search index < {INDEX_TARGET_BYTES} B per exercise ((a))", f"{size.exercises:,}", _or_dash(per, "{:,.0f} B"),
                         _met(None if per is None else per < INDEX_TARGET_BYTES)])
        rows.append(self._finder_row())
        rows += [self._rebuild_row(size) for size in REBUILD_TARGETS_S]
        return _table(rows)

    def _per_page_row(self) -> list[str]:
        hooked = [(size.exercises, size.builds[HOOKS]) for size in self.sizes if HOOKS in size.builds and size.builds[HOOKS].ok]
        label = f"(a) ms/page at largest N ÷ at smallest N ≤ {PER_PAGE_TARGET}"
        if len(hooked) < 2:
            return [label, "–", "needs two sizes", "–"]
        (small, first), (large, last) = hooked[0], hooked[-1]
        ratio = last.ms_per_page / first.ms_per_page
        return [label, f"{large:,} vs {small:,}", f"{ratio:.2f} ({last.ms_per_page:.1f} vs {first.ms_per_page:.1f} ms)",
                _met(ratio <= PER_PAGE_TARGET)]

    def _memory_row(self) -> list[str]:
        largest = self.sizes[-1]
        hooks, plain = largest.builds.get(HOOKS), largest.builds.get(PLAIN)
        peaks = (hooks.run.peak_rss_mb, plain.run.peak_rss_mb) if hooks and hooks.run and plain and plain.run else None
        suffix = "" if largest.exercises >= 5000 else " (5,000 not measured)"
        label = f"(a) peak memory ÷ (b)'s ≤ {MEMORY_RATIO_TARGET}{suffix}"
        if peaks is None:
            return [label, f"{largest.exercises:,}", "–", "–"]
        ratio = peaks[0] / peaks[1]
        return [label, f"{largest.exercises:,}", f"{ratio:.2f} ({peaks[0]:.0f} vs {peaks[1]:.0f} MB)", _met(ratio <= MEMORY_RATIO_TARGET)]

    def _finder_row(self) -> list[str]:
        label = (f"finder: one filter change ≤ {FINDER_MEDIAN_MS} ms median, ≤ {FINDER_MAX_MS} ms max "
                 f"(of {len(self.finder.change_ms) if self.finder else 20})")
        n = f"{self.sizes[-1].exercises:,}"
        if self.finder is None:
            return [label, n, f"not measured: {self.finder_failure}", "–"]
        return [label, n, f"{self.finder.median_ms:.1f} / {self.finder.max_ms:.1f} ms",
                f"median {_met(self.finder.median_ms <= FINDER_MEDIAN_MS)}, max {_met(self.finder.max_ms <= FINDER_MAX_MS)}"]

    def _rebuild_row(self, size: int) -> list[str]:
        target, timing = REBUILD_TARGETS_S[size], self.rebuilds.get(size)
        label = f"mkdocs serve: record edit visible ≤ {target:g} s (median of {len(timing.seconds) if timing else 5})"
        if timing is None:
            return [label, f"{size:,} exercises", f"not measured: {self.rebuild_failures.get(size, 'not run')}", "–"]
        each = ", ".join(f"{value:.2f}" for value in timing.seconds)
        return [label, f"{size:,} exercises", f"{timing.median:.2f} s ({each})", _met(timing.median <= target)]

    def _profile(self) -> list[str]:
        if not self.profile:
            return [f"Profiling failed: {self.profile_failure}"]
        lines = [f"(a)/(b) is above {WARM_RATIO_TARGET:.2f}, so the hook build at N = {self.sizes[-1].exercises:,} ran once under cProfile "
                 "(which slows it down); the ten `atlas.` functions with the most cumulative time:", ""]
        rows = [["Function", "Calls", "Cumulative s"]]
        rows += [[f"`{item.name}`", f"{item.calls:,}", f"{item.cumulative_seconds:.2f}"] for item in self.profile]
        return lines + _table(rows)


def _build_cells(build: Build, exercises: int) -> list[str]:
    if build.run is None:
        return ["–", f"not run: {_cell(build.failure or '')}", *["–"] * 7]
    if not build.ok:
        return [f"{build.run.seconds:.2f}", f"failed: {_cell(build.failure or build.run.reason())}", *["–"] * 7]
    assert build.run and build.stats
    stats = build.stats
    index = stats.search_index_bytes
    index_name = "" if stats.search_index == "search/search_index.json" else f" ({stats.search_index})"
    return [
        f"{build.run.seconds:.2f}", f"{stats.pages:,}", f"{build.ms_per_page:.1f}", f"{build.run.peak_rss_mb:.0f}",
        f"{stats.total_bytes / MEGABYTE:.1f}",
        f"{index / 1024:,.0f}{index_name}" if index else "none",
        f"{index / exercises:,.0f}" if index else "–",
        _or_dash(stats.sample_page_bytes and stats.sample_page_bytes / 1024, "{:.1f}"),
        _or_dash(stats.largest_exercise_page_bytes and stats.largest_exercise_page_bytes / 1024, "{:.1f}"),
    ]


def _met(condition: bool | None) -> str:
    if condition is None:
        return "–"
    return "yes" if condition else "**no**"


def _or_dash(value: float | int | None, form: str) -> str:
    return "–" if value is None else form.format(value)


def _cell(text: str, limit: int = 220) -> str:
    text = " ".join(text.replace("|", "\\|").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table(rows: list[list[str]]) -> list[str]:
    header, *body = rows
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in body]
