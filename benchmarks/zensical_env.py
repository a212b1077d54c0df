"""A separate virtual environment with the newest Zensical pip can install."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

PIP_TIMEOUT = 600


@dataclass(frozen=True)
class Zensical:
    executable: Path | None
    """None when it could not be installed."""
    version: str
    note: str


def prepare_zensical(venv: Path, base_python: str) -> Zensical:
    """Create `venv` if missing and upgrade zensical in it; say which version runs and why when it is not the newest listed."""
    try:
        if not (venv / "bin" / "python").exists():
            _run([base_python, "-m", "venv", str(venv)])
        pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
        installed = _run([*pip, "install", "--quiet", "--upgrade", "zensical"])
        executable = venv / "bin" / "zensical"
        version = _run([str(executable), "--version"]).stdout.split()[-1]
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError, IndexError) as error:
        return Zensical(None, "–", f"Zensical could not be installed into {venv}: {_last_line(error)}")
    newest = _newest_listed(pip)
    note = f"Zensical {version} in {venv} (`pip install --upgrade zensical`)."
    if newest and newest != version:
        note += f" The index lists {newest}, but pip cannot install it here: {_why_not(pip, newest) or installed.stderr.strip()}"
    return Zensical(executable, version, note)


def _newest_listed(pip: list[str]) -> str | None:
    try:
        listing = _run([*pip, "index", "versions", "zensical"]).stdout
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return None
    found = re.search(r"^zensical \(([^)]+)\)", listing, re.MULTILINE)
    return found.group(1) if found else None


def _why_not(pip: list[str], version: str) -> str:
    try:
        _run([*pip, "install", "--dry-run", "--quiet", f"zensical=={version}"])
    except subprocess.CalledProcessError as error:
        errors = [line for line in (error.stderr or "").splitlines() if line.startswith("ERROR")]
        return errors[0].removeprefix("ERROR: ") if errors else _last_line(error)
    except subprocess.TimeoutExpired:
        return "pip timed out"
    return ""


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=PIP_TIMEOUT)


def _last_line(error: BaseException) -> str:
    text = getattr(error, "stderr", None) or str(error)
    lines = [line for line in str(text).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__
