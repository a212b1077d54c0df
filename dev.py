#!/usr/bin/env python3
"""Developer entry point: `python3 dev.py serve` builds and serves the site; `python3 dev.py test` runs every test.

Each command creates (or reuses) the virtual environment .venv and installs the project into it first,
so a fresh machine needs only Python 3.11+ and the package registries. `test` also makes .venv-materialx, where the
tests build the site with MaterialX (MATERIALX_VENV).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
SCRIPTS = "Scripts" if os.name == "nt" else "bin"
"""A virtual environment's folder of programs."""
BIN = VENV / SCRIPTS
PYTHON = BIN / "python"
MATERIALX_VENV = ROOT / ".venv-materialx"
"""The site's environment with MaterialX (Material's continuation on ProperDocs, the `materialx` extra) in place of
REPLACED_BY_MATERIALX: both install a Python package named `material`, so they cannot share .venv. Only the tests use it."""
REPLACED_BY_MATERIALX = "mkdocs-material"
MATERIALX_SETTING = "UPPER_BACK_ATLAS_MATERIALX"
"""Tells the tests where MATERIALX_VENV is."""
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def ensure_environment(extra: str) -> None:
    """Create .venv and install the project with `extra`, again only when pyproject.toml changed."""
    target = f".[{extra}]" if extra else "."
    _install_once(VENV, extra or "site", ["-e", target])


def ensure_materialx_environment() -> None:
    """Create MATERIALX_VENV: the project (editable) with its dependencies and the `materialx` extra, less the package
    that extra replaces; again only when pyproject.toml changed."""
    import tomllib  # Python 3.11 (checked in _install_once first)

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    replaced = [requirement for requirement in project["dependencies"] if _requirement_name(requirement) == REPLACED_BY_MATERIALX]
    if not replaced:
        sys.exit(f"pyproject.toml: dependencies: {REPLACED_BY_MATERIALX} is missing; expected the theme the materialx extra replaces")
    kept = [requirement for requirement in project["dependencies"] if requirement not in replaced]
    _install_once(MATERIALX_VENV, "materialx", [*kept, *project["optional-dependencies"]["materialx"]], ["--no-deps", "-e", "."])


def _requirement_name(requirement: str) -> str:
    """A requirement's project name, normalised as the registry compares names (`Mkdocs_Material>=9` → mkdocs-material)."""
    name = re.split(r"[^A-Za-z0-9._-]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _install_once(venv: Path, name: str, *installs: list[str]) -> None:
    """Create `venv` and run each pip install in it, again only when pyproject.toml changed (a stamp named `name`)."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    python = venv / SCRIPTS / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    stamp = venv / f".installed-{name}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    for arguments in installs:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *arguments], cwd=ROOT, check=True)
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
    ensure_materialx_environment()
    environment = dict(os.environ, CHROMIUM=ensure_test_tools(), NO_MKDOCS_2_WARNING="1", **{MATERIALX_SETTING: str(MATERIALX_VENV)})
    return subprocess.run([str(PYTHON), "-m", "pytest", *arguments], cwd=ROOT, env=environment).returncode


COMMANDS = {"serve": serve, "test": test}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 dev.py {{{'|'.join(COMMANDS)}}} [arguments passed on]")
    sys.exit(COMMANDS[sys.argv[1]](sys.argv[2:]))
