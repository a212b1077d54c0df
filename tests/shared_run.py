"""What the processes of one test run share, in one folder made by its first process: the build cache, and the
repository's own site, built once in the background while the workers start (instead of once in every worker)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from atlas.site.build_cache import CACHE_SETTING

REPRODUCIBLE_DATE = "1767225600"
"""SOURCE_DATE_EPOCH for the real site (2026-01-01), so that a second build on another day is still byte-identical."""


class SharedRun:
    """The run's folder: `cache` (drawn figures and rendered pages, whose entries are written atomically and named by
    what they were made from) and `site`, the real site as `python -m mkdocs build --strict` made it, with what that
    printed in `output` and its exit status in `status` once it has finished."""

    def __init__(self, project: Path, folder: Path) -> None:
        self.project, self.folder = project, folder
        self.cache, self.site = folder / "build-cache", folder / "real-site"
        self._status, self._output = folder / "real-site.status", folder / "real-site.output"
        self._process: subprocess.Popen[bytes] | None = None

    def environment(self) -> dict[str, str]:
        """The real site's build environment, also for a second build that must make the same bytes: a random hash
        seed (as a person's Python has), a fixed date, and the run's cache."""
        return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="random", SOURCE_DATE_EPOCH=REPRODUCIBLE_DATE,
                    **{CACHE_SETTING: str(self.cache)})

    def start_real_site_build(self) -> None:
        with open(self._output, "wb") as output:
            self._process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(self.site)],
                                             cwd=self.project, env=self.environment(), stdout=output, stderr=subprocess.STDOUT)
        threading.Thread(target=self._record_status, args=(self._process,), daemon=True).start()

    def _record_status(self, process: subprocess.Popen[bytes]) -> None:
        status = process.wait()
        written = self._status.with_suffix(".partial")
        written.write_text(str(status), encoding="utf-8")
        written.replace(self._status)  # appears whole, never half-written

    def stop(self) -> None:
        """Ends the build if it still runs (a run that needed no real site may end before it does)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def real_site_build(self, timeout: float) -> tuple[int, str]:
        """The real site's exit status and what its build printed, once it has finished (from any process of the run)."""
        deadline = time.monotonic() + timeout
        while not self._status.exists():
            if time.monotonic() > deadline:
                raise TimeoutError(f"the build of {self.site} did not finish in {timeout:.0f} s")
            time.sleep(0.05)
        return int(self._status.read_text(encoding="utf-8")), self._output.read_text(encoding="utf-8")
