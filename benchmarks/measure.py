"""Run a command in a fresh process and measure it; read the numbers of a built site."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SEARCH_INDEXES = ("search/search_index.json", "search.json")
"""Where MkDocs (first) and Zensical write their search index."""


@dataclass(frozen=True)
class Run:
    returncode: int
    seconds: float
    peak_rss_mb: float
    """Peak memory: the largest resident set of the process or any process it waited for (the kernel's figure), or,
    when larger, the largest sum at one moment of the proportional set sizes of all its processes (sampled: a build
    in two processes counts both, and the pages they share once)."""
    output: str
    cpu_seconds: float = 0.0
    """User plus system time of the process and the processes it waited for."""

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def reason(self) -> str:
        """The last line of output that says what went wrong."""
        lines = [line.strip() for line in self.output.splitlines() if line.strip()]
        for line in reversed(lines):
            if any(word in line for word in ("Error", "ERROR", "error", "Aborted")):
                return line
        return lines[-1] if lines else f"exit status {self.returncode}"


def run_measured(command: list[str], cwd: Path, env: dict[str, str], timeout: float, log: Path) -> Run:
    """Wall time and peak memory (Run.peak_rss_mb) of one command; killed after `timeout` s."""
    with log.open("wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        timer = threading.Timer(timeout, _kill_group, (process.pid,))
        timer.start()
        sampler = _SessionMemory(process.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            _kill_group(process.pid)
            raise
        finally:
            timer.cancel()
            sampler.stop()
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    if process.returncode == -signal.SIGKILL:
        text += f"\nkilled after the {timeout:.0f} s time limit"
    peak_mb = max(usage.ru_maxrss / 1024, sampler.peak_kb / 1024)
    return Run(process.returncode, seconds, peak_mb, text, usage.ru_utime + usage.ru_stime)


class _SessionMemory(threading.Thread):
    """Samples, every SAMPLE_SECONDS, the sum of the proportional set sizes (Linux's Pss) of every process in the
    session the command leads, and keeps the largest."""

    SAMPLE_SECONDS = 0.25

    def __init__(self, session: int) -> None:
        super().__init__(daemon=True)
        self.session = session
        self.peak_kb = 0
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(self.SAMPLE_SECONDS):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _session_processes(self.session)))

    def stop(self) -> None:
        self._stopped.set()
        self.join()


def _session_processes(session: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[-1].split()  # after the command's name, which may hold spaces
            if len(fields) > 3 and int(fields[3]) == session:
                found.append(int(entry.name))
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


@dataclass(frozen=True)
class SiteStats:
    pages: int
    """index.html files."""
    total_bytes: int
    search_index: str | None
    search_index_bytes: int | None
    sample_page_bytes: int | None
    """exercises/<sample>/index.html."""
    largest_exercise_page_bytes: int | None


def site_stats(site: Path, sample_exercise: str) -> SiteStats:
    files = [path for path in site.rglob("*") if path.is_file()]
    index = next((name for name in SEARCH_INDEXES if (site / name).is_file()), None)
    sample = site / "exercises" / sample_exercise / "index.html"
    exercise_pages = [path.stat().st_size for path in (site / "exercises").glob("*/index.html")]
    return SiteStats(
        pages=sum(1 for path in files if path.name == "index.html"),
        total_bytes=sum(path.stat().st_size for path in files),
        search_index=index,
        search_index_bytes=(site / index).stat().st_size if index else None,
        sample_page_bytes=sample.stat().st_size if sample.is_file() else None,
        largest_exercise_page_bytes=max(exercise_pages, default=None),
    )
