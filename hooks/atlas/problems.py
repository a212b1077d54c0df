"""Problems found in the sources, each with its place, and the error that stops a build."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one source file."""

    path: str
    """The file, relative to the project root, with forward slashes."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file or folder."""
    field: str
    """The field (dotted path such as `muscles.primary[1]`), or a short label such as `yaml`."""
    message: str
    """What is wrong and what is expected."""

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        return f"{place}: {self.field}: {self.message}"


class AtlasProblems(Exception):
    """Raised with every problem found, once checking is complete."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.summary())

    def summary(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return f"Upper Back Atlas: {count} {noun} in the sources; nothing was built."


def field_label(path: tuple[str | int, ...]) -> str:
    """`('muscles', 'primary', 1)` -> `muscles.primary[1]`."""
    label = ""
    for part in path:
        if isinstance(part, int):
            label += f"[{part}]"
        else:
            label += f".{part}" if label else part
    return label or "(record)"
