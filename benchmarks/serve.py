"""`mkdocs serve` on a project of N exercises: how long after a record edit the served page shows it."""

from __future__ import annotations

import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from synthetic import make_project

RECORD = "face-pull"
POLL_SECONDS = 0.05
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
"""Straight to 127.0.0.1, whatever proxy the environment names."""


@dataclass(frozen=True)
class RebuildTiming:
    seconds: list[float]
    startup_seconds: float

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def time_serve_rebuilds(repo: Path, root: Path, mkdocs: list[str], env: dict[str, str], size: int, seed: int, repeats: int = 5,
                        timeout: float = 60.0, startup_timeout: float = 180.0) -> RebuildTiming:
    make_project(repo, root, size, seed)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/exercises/{RECORD}/"
    log = (root / "serve.log").open("wb")
    server = subprocess.Popen([*mkdocs, "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"], cwd=root, env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        started = time.perf_counter()
        _wait_for(url, lambda html: True, startup_timeout, server)
        startup = time.perf_counter() - started
        seconds = []
        for attempt in range(1, repeats + 1):
            time.sleep(1.5)  # let the watcher settle after the previous build
            marker = f"Benchmark edit {attempt} at {time.time_ns()}"
            edited = time.perf_counter()
            _edit_summary(root / "exercises" / f"{RECORD}.yml", marker)
            _wait_for(url, lambda html, marker=marker: marker in html, timeout, server)
            seconds.append(time.perf_counter() - edited)
        return RebuildTiming(seconds, startup)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
        log.close()


def _edit_summary(record: Path, marker: str) -> None:
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    data["summary"] = f"{data['summary'].split(' Benchmark edit')[0]} {marker}."
    record.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def _wait_for(url: str, done: Callable[[str], bool], timeout: float, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped with status {server.returncode}")
        try:
            request = urllib.request.Request(url, headers={"Cache-Control": "no-cache"})
            with _DIRECT.open(request, timeout=5) as response:
                if done(response.read().decode("utf-8", errors="replace")):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{url} did not show the change within {timeout:.0f} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
