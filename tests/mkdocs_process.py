"""MkDocs' own command line, each run in a fresh process of its own, forked from one that has already imported MkDocs,
Material and the generator: importing them is about half of a small project's build."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

_PRELOADED = [
    "mkdocs.__main__", "mkdocs.commands.build", "mkdocs.config.defaults", "material.plugins.search.plugin",
    "pymdownx.util", "markdown.extensions.codehilite", "markdown.extensions.attr_list", "watchdog.observers",
    "atlas.generation", "atlas.engines.engine_messages", "atlas.site.publishing", "atlas.site.offline", "atlas.engines.theme_fixes",
]
"""Modules every build imports (one that fails to import here is imported by the build itself, which only costs time)."""
_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload(_PRELOADED)


def run_mkdocs(arguments: list[str], project: Path, environment: dict[str, str], stdout: Path, stderr: Path,
               timeout: float) -> int:
    """`mkdocs ARGUMENTS` in `project` with exactly `environment`, writing what it prints to the files `stdout` and
    `stderr`. Returns its exit status (negative: killed by a signal, as when it ran past `timeout` seconds)."""
    process = _FORKS.Process(target=_command_line, args=(arguments, str(project), environment, str(stdout), str(stderr)))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join()
    assert process.exitcode is not None
    return process.exitcode


def _command_line(arguments: list[str], project: str, environment: dict[str, str], stdout: str, stderr: str) -> None:
    os.chdir(project)
    os.environ.clear()
    os.environ.update(environment)
    for descriptor, path in ((1, stdout), (2, stderr)):
        os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), descriptor)
    from mkdocs.__main__ import cli

    cli.main(args=arguments, prog_name="mkdocs")  # exits with the command's status, as `python -m mkdocs` does
