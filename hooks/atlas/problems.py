"""Problems found in the sources, each with its place, and the error that stops a build."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Unicode categories that can hide or rearrange text on a terminal: controls, formatting (bidi overrides,
zero-width characters), surrogates, private use, unassigned, line and paragraph separators."""


def printable(text: str, keep_newlines: bool = False) -> str:
    """`text` with every control or invisible character written as an escape (`\\x1b`, `\\u202e`): one line, no
    terminal codes, nothing that reorders what follows. Newlines are kept only when asked (for lists of lines)."""
    if text.isprintable() and (keep_newlines or "\n" not in text):
        return text
    out = []
    for char in text:
        if char == "\n" and keep_newlines:
            out.append(char)
        elif char.isprintable() or (char == " "):
            out.append(char)
        elif unicodedata.category(char) in _INVISIBLE or not char.isprintable():
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


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
        place = f"{printable(self.path)}:{self.line}" if self.line else printable(self.path)
        return f"{place}: {printable(self.field)}: {printable(self.message)}"


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
