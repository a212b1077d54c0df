"""Profile one hook build and list our own package's functions by cumulative time."""

from __future__ import annotations

import pstats
from dataclasses import dataclass
from pathlib import Path

from measure import Run, run_measured

PACKAGE_FOLDER = "/hooks/atlas/"


@dataclass(frozen=True)
class ProfiledFunction:
    name: str
    """Such as atlas.articles.articles.weave_articles."""
    calls: int
    cumulative_seconds: float


def profile_hook_build(python: str, project: Path, env: dict[str, str], timeout: float) -> tuple[Run, list[ProfiledFunction]]:
    output = project / "build.prof"
    command = [python, "-m", "cProfile", "-o", str(output),
               "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site-profile")]
    run = run_measured(command, project, env, timeout, project / "profile.log")
    return run, (top_functions(output) if run.ok else [])


def top_functions(profile: Path, count: int = 10) -> list[ProfiledFunction]:
    stats = vars(pstats.Stats(str(profile)))["stats"]  # the raw table, which pstats has but does not declare
    ours = []
    for (filename, _line, function), (_primitive, calls, _own, cumulative, _callers) in stats.items():
        if PACKAGE_FOLDER in filename.replace("\\", "/"):
            module = filename.replace("\\", "/").split(PACKAGE_FOLDER)[1].removesuffix(".py").replace("/", ".")
            module = "atlas" if module == "__init__" else f"atlas.{module}"
            ours.append(ProfiledFunction(f"{module}.{function}", calls, cumulative))
    return sorted(ours, key=lambda item: item.cumulative_seconds, reverse=True)[:count]
