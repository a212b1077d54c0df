"""Benchmark the Upper Back Atlas build: `python benchmarks/run.py [--sizes 100,1000,5000]`.

For each size N it writes a temporary project with N exercise records, then measures side by side
(a) `mkdocs build --strict` with our hooks, (b) a plain `mkdocs build --strict` of the hook-free export
and (c) `zensical build` of the same export; then the finder in headless Chromium on the largest site,
and `mkdocs serve` rebuilds on a copy of the real project. Prints a Markdown table and writes results.md.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # nothing lands in the repository outside benchmarks/, not even __pycache__

import argparse  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
from dataclasses import replace  # noqa: E402
from importlib import metadata  # noqa: E402
from pathlib import Path  # noqa: E402

from finder import time_finder  # noqa: E402
from measure import Run, run_measured, site_stats  # noqa: E402
from profiling import profile_hook_build  # noqa: E402
from report import (  # noqa: E402
    BUILD_LABELS, HOOKS, HOOKS_COLD, PLAIN, REBUILD_TARGETS_S, SAMPLE_EXERCISE, WARM_RATIO_TARGET, ZENSICAL, Build, Report, SizeResult,
)
from serve import time_serve_rebuilds  # noqa: E402
from synthetic import make_project  # noqa: E402
from zensical_env import Zensical, prepare_zensical  # noqa: E402

from atlas.site.build_cache import CACHE_SETTING  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.md"
DEFAULT_SIZES = "100,1000,5000"
BUILD_TIMEOUT = 1800.0
CHECK_TIMEOUT = 600.0


def main(argv: list[str] | None = None) -> int:
    arguments = _arguments(argv)
    sizes = sorted({int(size.replace("_", "")) for size in arguments.sizes.split(",")})
    work = Path(tempfile.mkdtemp(prefix="uba-bench-"))
    # A build cache of its own, empty at the start (the user's is never read or filled), and compiled modules kept
    # outside the repository: every build reuses them, as a person's builds do (without, each build of (a) compiled
    # the generator's modules again, which (b) does not import)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPYCACHEPREFIX=str(work / "pycache"),
               **{CACHE_SETTING: str(work / "build-cache")})
    try:
        zensical = _zensical(arguments)
        results = [_measure_size(size, work / f"n{size}", size == sizes[-1], zensical, env, arguments) for size in sizes]
        report = Report(results, _environment(zensical, arguments))
        largest = work / f"n{sizes[-1]}" / "project"
        if not arguments.no_profile and any((ratio := size.ratio()) is not None and ratio > WARM_RATIO_TARGET for size in results):
            _profile(report, largest, env)
        if arguments.no_browser:
            report.finder_failure = "skipped (--no-browser)"
        else:
            _finder(report, largest / "site")
        for size in REBUILD_TARGETS_S:
            if arguments.no_serve:
                report.rebuild_failures[size] = "skipped (--no-serve)"
            else:
                _rebuild(report, size, work / f"serve-{size}", env, arguments)
        text = report.markdown()
        print(text)
        arguments.output.write_text(text, encoding="utf-8")
        _progress(f"wrote {arguments.output}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"numbers of exercises, comma-separated (default {DEFAULT_SIZES})")
    parser.add_argument("--base", type=Path, default=REPO, help="the project whose records and pages are copied (default: this one)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the synthetic records (default 2024)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of the builds side by side, after one untimed warm-up round; medians are reported (default 3)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the Markdown (default benchmarks/results.md)")
    parser.add_argument("--zensical-venv", type=Path, default=Path(tempfile.gettempdir()) / "zensical-venv",
                        help="virtual environment for Zensical, created when missing (default /tmp/zensical-venv)")
    parser.add_argument("--no-zensical", action="store_true", help="skip build (c)")
    parser.add_argument("--no-browser", action="store_true", help="skip the finder timing in Chromium")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve rebuild timing")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run even when (a)/(b) is above target")
    return parser.parse_args(argv)


def _zensical(arguments: argparse.Namespace) -> Zensical:
    if arguments.no_zensical:
        return Zensical(None, "–", "Zensical skipped (--no-zensical).")
    _progress(f"preparing Zensical in {arguments.zensical_venv}")
    return prepare_zensical(arguments.zensical_venv, sys.executable)


def _measure_size(size: int, folder: Path, keep: bool, zensical: Zensical, env: dict[str, str],
                  arguments: argparse.Namespace) -> SizeResult:
    """Records for N = `size`, their check and export, then builds (a), (b) and (c)."""
    project, export = folder / "project", folder / "export"
    _progress(f"N={size}: writing records")
    synthetic, routines = make_project(arguments.base, project, size, arguments.seed)
    check = run_measured(_atlas(project, "check"), folder, env, CHECK_TIMEOUT, folder / "check.log")
    if not check.ok:
        raise SystemExit(f"the generated project for N={size} does not pass `atlas check`:\n{check.output}")
    _progress(f"N={size}: {check.output.strip()}")
    exported = run_measured(_atlas(project, "export", str(export)), folder, env, BUILD_TIMEOUT, folder / "export.log")
    result = SizeResult(size, synthetic, _count_routines(project), routines, check, exported)
    repeat = max(1, arguments.repeat)
    mkdocs_build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    if not exported.ok:
        result.builds[PLAIN] = result.builds[ZENSICAL] = Build(None, failure=f"export failed: {exported.reason()}")
        _progress(f"N={size}: (a) hook build")
        result.builds[HOOKS] = _build([*mkdocs_build, str(project / "site")], project, project / "site", env, folder / "a.log", repeat)
    else:
        plain_site = folder / "plain-site"
        commands = {
            HOOKS_COLD: ([*mkdocs_build, str(project / "site")], project, project / "site", dict(env, **{CACHE_SETTING: ""})),
            HOOKS: ([*mkdocs_build, str(project / "site")], project, project / "site", env),
            PLAIN: ([*mkdocs_build, str(plain_site)], export, plain_site, env),
        }
        _side_by_side(result, commands, folder, repeat)
        if zensical.executable is None:
            result.builds[ZENSICAL] = Build(None, failure=zensical.note)
        else:
            _progress(f"N={size}: (c) zensical build of the export")
            command = [str(zensical.executable), "build", "--clean"]
            result.builds[ZENSICAL] = _build(command, export, export / "site", env, folder / "c.log", repeat)
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def _atlas(project: Path, *command: str) -> list[str]:
    return [sys.executable, "-m", "atlas", "--project", str(project), *command]


def _build(command: list[str], cwd: Path, site: Path, env: dict[str, str], log: Path, repeat: int) -> Build:
    """The run with the median wall time of `repeat` runs (the highest peak memory of all), or the first failure."""
    runs = []
    for _ in range(repeat):
        runs.append(run_measured(command, cwd, env, BUILD_TIMEOUT, log))
        if not runs[-1].ok:
            break
    run = sorted(runs, key=lambda each: each.seconds)[len(runs) // 2] if runs[-1].ok else runs[-1]
    run = replace(run, peak_rss_mb=max(each.peak_rss_mb for each in runs))
    if not run.ok or not site.is_dir():
        return Build(run, failure=run.reason() if not run.ok else f"no site written at {site.name}/")
    return Build(run, site_stats(site, SAMPLE_EXERCISE))


def _side_by_side(result: SizeResult, commands: dict[str, tuple[list[str], Path, Path, dict[str, str]]], folder: Path,
                  rounds: int) -> None:
    """Each build once untimed (the hook build fills the build cache, as the export was written once), then `rounds`
    rounds of all of them in turn, so that every ratio compares runs made under the same load."""
    runs: dict[str, list[Run]] = {key: [] for key in commands}
    for round_number in range(rounds + 1):
        for key, (command, cwd, _, env) in commands.items():
            _progress(f"N={result.exercises}: {BUILD_LABELS[key]}, {'warm-up' if round_number == 0 else f'round {round_number}'}")
            run = run_measured(command, cwd, env, BUILD_TIMEOUT, folder / f"{key}.log")
            if not run.ok:
                result.builds[key] = Build(run, failure=run.reason())
                return
            if round_number:
                runs[key].append(run)
    for key, (_, _, site, _) in commands.items():
        median = sorted(runs[key], key=lambda each: each.seconds)[len(runs[key]) // 2]
        median = replace(median, peak_rss_mb=max(each.peak_rss_mb for each in runs[key]))
        result.builds[key] = Build(median, site_stats(site, SAMPLE_EXERCISE))
        result.runs[key] = runs[key]


def _count_routines(project: Path) -> int:
    return sum(1 for path in (project / "exercises" / "routines").glob("*.yml"))


def _profile(report: Report, project: Path, env: dict[str, str]) -> None:
    _progress("profiling the hook build of the largest size")
    run, functions = profile_hook_build(sys.executable, project, env, BUILD_TIMEOUT)
    report.profile = functions
    if not functions:
        report.profile_failure = run.reason() if not run.ok else "no atlas functions in the profile"


def _finder(report: Report, site: Path) -> None:
    _progress("timing the finder in Chromium")
    try:
        report.finder = time_finder(site)
    except Exception as error:  # a broken browser setup is a result to report, not a crash
        report.finder_failure = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        return
    finder = report.finder
    report.notes.append(f"Finder: ready {finder.ready_seconds:.2f} s after navigation, showing “{finder.exercises_shown}”; each change "
                        f"timed as element.click() plus a forced layout (document.body.offsetHeight), {len(finder.change_ms)} changes over "
                        f"muscle, role, equipment, level and kind of work after one untimed warm-up; median of the click() alone "
                        f"(the change handler): {finder.script_median_ms:.1f} ms.")
    if report.finder.missing:
        report.notes.append(f"Finder controls not found: {', '.join(report.finder.missing)}")


def _rebuild(report: Report, size: int, folder: Path, env: dict[str, str], arguments: argparse.Namespace) -> None:
    _progress(f"timing mkdocs serve rebuilds on a project of {size:,} exercises")
    try:
        timing = time_serve_rebuilds(arguments.base, folder, [sys.executable, "-m", "mkdocs"], env, size, arguments.seed,
                                     startup_timeout=BUILD_TIMEOUT)
    except Exception as error:
        report.rebuild_failures[size] = f"{type(error).__name__}: {error}"
        return
    report.rebuilds[size] = timing
    report.notes.append(f"mkdocs serve at {size:,} exercises: first build served after {timing.startup_seconds:.1f} s; each time is "
                        f"from writing exercises/{SAMPLE_EXERCISE}.yml (new summary) to the served page containing it, polled every 50 ms.")


def _environment(zensical: Zensical, arguments: argparse.Namespace) -> list[str]:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material", "playwright"))
    return [
        f"`python benchmarks/run.py` on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; {versions}; seed {arguments.seed}.",
        "N is the total number of exercise records: the real ones (the articles link to them by id) plus synthetic ones; "
        "synthetic routines are about N/50 (at least 5), beside the real ones.",
        f"(a0), (a) and (b) ran side by side in {_times(arguments.repeat)} after a warm-up round (see Side by side); the Builds "
        "table shows the run with the median wall time, with the highest peak memory of all; (c) ran on its own.",
        "Wall time and peak memory are of a fresh child process and every process it starts: peak memory is the kernel's "
        "largest resident set or, when larger, the largest sum at one moment of their proportional set sizes (sampled). "
        "Pages counts index.html files. (b) and (c) time the build only; the export is timed under Inputs.",
        zensical.note,
    ]


def _times(count: int) -> str:
    return "one round" if count <= 1 else f"{count} rounds"


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
