#!/usr/bin/env python3
"""Developer entry point: `python3 dev.py serve` builds and serves the site; `python3 dev.py test` runs every test.

Each command creates (or reuses) the virtual environment .venv and installs the project into it first,
so a fresh machine needs only Python 3.11+ and the package registries.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def ensure_environment(extra: str) -> None:
    """Create .venv and install the project with `extra`, again only when pyproject.toml changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / f".installed-{extra or 'site'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    target = f".[{extra}]" if extra else "."
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target], cwd=ROOT, check=True)
    stamp.write_text(wanted)


def ensure_test_tools() -> str:
    """Debian's Chromium, pdftotext (to read printed sheets) and Java (for the HTML checker), installed with apt-get when missing.

    Returns Chromium's path.
    """
    found = [candidate for candidate in (os.environ.get("CHROMIUM", ""), *CHROMIUM_CANDIDATES) if candidate and Path(candidate).exists()]
    if found and shutil.which("pdftotext") and shutil.which("java"):
        return found[0]
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=environment)
        packages = ["chromium", "poppler-utils", "fonts-dejavu-core", *([] if shutil.which("java") else ["default-jre-headless"])]
        install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]
        subprocess.run(install, check=True, env=environment, stdout=subprocess.DEVNULL)
        return ensure_test_tools()
    sys.exit("The tests need Debian's chromium, poppler-utils and a Java runtime: install them, or set CHROMIUM to Chromium's path.")


def serve(arguments: list[str]) -> int:
    ensure_environment("")
    # --dirty: a save rebuilds only the pages whose text changed (the hooks keep generated pages as files for it)
    command = [str(BIN / "mkdocs"), "serve", "--dirty", "--dev-addr", "127.0.0.1:8000", *arguments]
    return subprocess.run(command, cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1")).returncode


def test(arguments: list[str]) -> int:
    ensure_environment("test")
    environment = dict(os.environ, CHROMIUM=ensure_test_tools(), NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(PYTHON), "-m", "pytest", *arguments], cwd=ROOT, env=environment).returncode


COMMANDS = {"serve": serve, "test": test}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 dev.py {{{'|'.join(COMMANDS)}}} [arguments passed on]")
    sys.exit(COMMANDS[sys.argv[1]](sys.argv[2:]))
